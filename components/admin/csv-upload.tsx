"use client";

import { useId, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";

export interface UploadResult<T> {
  file: File;
  report: T;
}

export interface CsvUploadProps<T> {
  /** Same-origin endpoint that takes the file as the request body and answers with a JSON report. */
  endpoint: string;
  maxBytes: number;
  /** The columns the file needs, shown as a hint. */
  header: string;
  submitLabel: string;
  pendingLabel: string;
  onResult: (result: UploadResult<T>) => void;
  /** Shown under the drop zone. */
  children?: ReactNode;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  const mb = n / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function tooLargeMessage(file: File, maxBytes: number) {
  return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller files and load them one after the other — loading a line twice is safe.`;
}

/**
 * A CSV file picker with a drop zone. The file goes to `endpoint` as the raw request body (no
 * server-action size cap), with upload progress; a refusal comes back as the API's error message.
 */
export function CsvUpload<T>({ endpoint, maxBytes, header, submitLabel, pendingLabel, onResult, children }: CsvUploadProps<T>) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const pending = progress !== null;

  function choose(f: File | null) {
    setError(null);
    setFile(f);
    if (f && f.size > maxBytes) setError(tooLargeMessage(f, maxBytes));
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files?.[0] ?? null;
    if (f && inputRef.current) {
      const dt = new DataTransfer();
      dt.items.add(f);
      inputRef.current.files = dt.files;
    }
    choose(f);
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) {
      setError("Choose a CSV file first.");
      return;
    }
    if (file.size > maxBytes) {
      setError(tooLargeMessage(file, maxBytes));
      return;
    }
    setError(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", endpoint);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.responseType = "text";
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setProgress(Math.round((ev.loaded / ev.total) * 100));
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload did not reach the server. Check the connection and try again; nothing was stored.");
    };
    xhr.onload = () => {
      setProgress(null);
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        onResult({ file, report: body as T });
        return;
      }
      const message = (body as { error?: { message?: string } } | null)?.error?.message;
      if (xhr.status === 413) setError(message ?? tooLargeMessage(file, maxBytes));
      else if (xhr.status === 401) setError("Your session has ended. Sign in again, then load the file.");
      else setError(message ?? `The server refused the file (HTTP ${xhr.status}); nothing was stored.`);
    };
    xhr.send(file);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={clsx(
          "relative flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
          dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white",
        )}
      >
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          className="peer sr-only"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
        />
        <label
          htmlFor={`${id}-file`}
          className="cursor-pointer rounded-md bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600"
        >
          CSV file
        </label>
        <p className="text-sm text-slate-600">Choose a file or drop it here.</p>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          Header <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[11px] text-slate-800">{header}</code> · at most{" "}
          {formatBytes(maxBytes)}
        </p>
        {file ? (
          <p className="text-sm font-medium text-slate-900" data-testid="chosen-file">
            {file.name} <span className="font-normal text-slate-600 tabular-nums">({formatBytes(file.size)})</span>
          </p>
        ) : null}
      </div>
      {children}
      <div aria-live="polite" className="min-h-5 text-sm">
        {error ? (
          <p id={`${id}-error`} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        ) : pending ? (
          <p className="text-slate-700">
            {progress! < 100 ? `Uploading… ${progress}%` : "Checking and loading rows…"}
          </p>
        ) : null}
      </div>
      {pending ? (
        <div className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${progress}%` }} />
        </div>
      ) : null}
      <Button type="submit" pending={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

/**
 * Sends a file to `POST /api/v1/uploads` with XMLHttpRequest (fetch has no upload progress): the raw
 * file as the body, the answers in the query string. Reports the bytes sent, then "reading" while the
 * server parses.
 */
import type { UploadAnswer } from "@/lib/dal/uploads/answer";
import type { DateOrder, Kind, Mapping } from "@/lib/imports/types";

export interface UploadAnswers {
  mapping?: Mapping;
  kind?: Kind;
  dateOrder?: DateOrder;
  sheet?: string;
  /** The answer to `needs.duplicates`. */
  duplicates?: "keep" | "drop";
  /** The answer to `needs.packSizes`: SKU → units per case/box/pack. */
  packSizes?: Record<string, number>;
  /** Earlier partial uploads of the period to combine this file with into the month. */
  combine?: string[];
}

export class UploadFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function sendUpload(
  file: File,
  opts: { period: string; answers: UploadAnswers; replaces?: string | null },
  on: { progress: (sent: number, total: number) => void; reading: () => void },
): { done: Promise<UploadAnswer>; abort: () => void } {
  const q = new URLSearchParams({ period: opts.period, fileName: file.name });
  if (opts.answers.mapping) q.set("mapping", JSON.stringify(opts.answers.mapping));
  if (opts.answers.kind) q.set("kind", opts.answers.kind);
  if (opts.answers.dateOrder) q.set("dateOrder", opts.answers.dateOrder);
  if (opts.answers.sheet) q.set("sheet", opts.answers.sheet);
  if (opts.answers.duplicates) q.set("duplicates", opts.answers.duplicates);
  if (opts.answers.packSizes) q.set("packSizes", JSON.stringify(opts.answers.packSizes));
  if (opts.answers.combine?.length) q.set("combine", opts.answers.combine.join(","));
  if (opts.replaces) q.set("replaces", opts.replaces);
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadAnswer>((resolve, reject) => {
    xhr.open("POST", `/api/v1/uploads?${q}`);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => on.progress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => on.reading();
    xhr.onload = () => {
      const body = xhr.response as (UploadAnswer & { error?: undefined }) | { error: { message: string } } | null;
      if (xhr.status === 200 && body && !("error" in body && body.error)) resolve(body as UploadAnswer);
      else {
        const message =
          (body && "error" in body && body.error?.message) ||
          (xhr.status === 413 ? "The file is larger than the upload limit." : xhr.status === 401 ? "Your session has ended; sign in again." : "The file could not be read.");
        reject(new UploadFailure(message, xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadFailure("The upload was interrupted; check your connection and try again.", 0));
    xhr.onabort = () => reject(new UploadFailure("Upload cancelled.", -1));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

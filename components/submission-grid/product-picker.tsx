"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { clsx } from "clsx";
import { controlClasses } from "@/components/ui/input";
import type { CatalogueProduct, SearchCatalogueActionState } from "./types";

export interface ProductPickerProps {
  search: (input: { query: string }) => Promise<SearchCatalogueActionState>;
  /** Whether the SKU already has a row (then picking it jumps to the row). */
  has: (sku: string) => boolean;
  onPick: (p: CatalogueProduct) => void;
  autoFocus?: boolean;
  className?: string;
}

/**
 * "Add a SKU from the catalogue": a combobox (WAI-ARIA 1.2 pattern) that searches active products
 * by SKU or description as you type; Enter or a click adds the highlighted one.
 */
export function ProductPicker({ search, has, onPick, autoFocus, className }: ProductPickerProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<CatalogueProduct[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const n = ++seq.current;
    const t = setTimeout(async () => {
      try {
        const r = await search({ query: q });
        if (n !== seq.current) return;
        if (r.ok) {
          const products = r.data ?? [];
          setResults(products);
          setActive(0);
          setMessage(products.length ? null : `No active product matches “${q}”`);
        } else if (r.ok === false) {
          setResults([]);
          setMessage(r.formError);
        }
      } catch {
        if (n === seq.current) setMessage("The catalogue could not be searched; check your connection");
      }
    }, 180);
    return () => clearTimeout(t);
  }, [query, search]);

  const listId = `${id}-list`;
  const expanded = open && query.trim() !== "" && (results.length > 0 || message !== null);

  function pick(p: CatalogueProduct | undefined) {
    if (!p) return;
    onPick(p);
    setQuery("");
    setResults([]);
    setOpen(false);
    setMessage(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(results.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (expanded) pick(results[active]);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else setQuery("");
    }
  }

  return (
    <div className={clsx("relative", className)}>
      <label htmlFor={`${id}-input`} className="sr-only">
        Add a SKU from the catalogue
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && results[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder="Add a SKU from the catalogue…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          if (!e.target.value.trim()) {
            setResults([]);
            setMessage(null);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className={clsx(controlClasses, "h-8 w-72 pl-8 text-sm")}
      />
      <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-2 left-2.5 size-4 text-slate-500">
        <path fill="currentColor" d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1" />
      </svg>
      <ul
        id={listId}
        role="listbox"
        aria-label="Products"
        hidden={!expanded}
        className="absolute z-30 mt-1 max-h-72 w-[28rem] overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300"
      >
        {results.map((p, i) => (
          <li
            key={p.sku}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
            onMouseEnter={() => setActive(i)}
            className={clsx("flex cursor-pointer items-baseline gap-2 px-3 py-1.5", i === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800")}
          >
            <span className="font-mono text-[13px] font-medium">{p.sku}</span>
            <span className="truncate text-xs text-slate-600">{p.description}</span>
            {has(p.sku) ? <span className="ml-auto shrink-0 text-[11px] text-slate-500">in the grid</span> : null}
          </li>
        ))}
        {message && results.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-1.5 text-slate-600">
            {message}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/**
 * Saves what the distributor types to the shared server draft, ≈600 ms after the last keystroke,
 * with the draft `version` for optimistic concurrency (see lib/dal/drafts/save-draft.ts):
 * - merged with a colleague's save → their cells are adopted where this browser has no unsaved edit;
 * - the same cell edited by both → nothing is written; their other cells are adopted, ours are held
 *   until the user picks "Keep mine" or "Use theirs";
 * - discarded → saved again as a new draft; submitted by a colleague → saving stops, edits stay here.
 * Until the server confirms, edits are also kept in sessionStorage, so a reload or a crash loses
 * nothing. A failed request ("offline") is retried with backoff and when the browser goes online.
 */
import type { DraftValue } from "@/lib/validation/submission";
import type { DraftPatch, GridStore } from "./grid-store";
import { cellKey, type EditField } from "./grid-store";

/** Failures that stop the autosave: signed out, or the period closed (`conflict`). */
const STOPPED = new Set<string>(["unauthenticated", "conflict"]);
/** Failures retried with back-off, keeping the edits, like a lost connection. */
const RETRIED = new Set<string>(["database_unavailable", "internal"]);
import type { CatalogueProduct, DraftViewState, SaveDraftActionInput, SaveDraftActionState } from "./types";

export type SaveStatus =
  | { kind: "clean" }
  | { kind: "saved"; at: string; by: string | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "offline"; attempt: number }
  | { kind: "stopped"; message: string }
  | { kind: "error"; message: string };

export interface HeldConflict {
  sku: string;
  field: EditField;
  yours: DraftValue | null;
  theirs: DraftValue | null;
}

export type AutosaveEvent =
  | { type: "merged"; cells: number }
  | { type: "conflict"; conflicts: HeldConflict[]; adopted: number }
  | { type: "discarded" }
  | { type: "submitted"; latestRevision: number | null };

export interface StoredUnsaved {
  v: 1;
  baseRevision: number | null;
  cells: Record<string, Partial<Record<EditField, DraftValue>>>;
  added: CatalogueProduct[];
}

const DEBOUNCE_MS = 600;
const MAX_BACKOFF_MS = 30_000;

export class DraftAutosave {
  private status: SaveStatus;
  private readonly statusListeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: DraftPatch | null = null;
  private attempt = 0;
  private paused = false;
  private stopped = false;
  private held = new Map<string, HeldConflict>();
  private version: number;
  /** Set before a deliberate reload: no "leave the page?" prompt. */
  leaving = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: GridStore,
    private readonly opts: {
      period: string;
      baseRevision: number | null;
      version: number;
      storageKey: string;
      save: (input: SaveDraftActionInput) => Promise<SaveDraftActionState>;
      onEvent: (e: AutosaveEvent) => void;
      initial: SaveStatus;
    },
  ) {
    this.version = opts.version;
    this.status = opts.initial;
  }

  // ---- status (an external store: only the status line re-renders) ----------------------------

  getStatus = (): SaveStatus => this.status;
  subscribe = (cb: () => void): (() => void) => {
    this.statusListeners.add(cb);
    return () => this.statusListeners.delete(cb);
  };
  private setStatus(s: SaveStatus) {
    this.status = s;
    this.statusListeners.forEach((l) => l());
  }

  // ---- life cycle ------------------------------------------------------------------------------

  /** Before a deliberate reload: no "leave the page?" prompt (sets `leaving`). */
  leave(): void {
    this.leaving = true;
  }

  start(): () => void {
    this.unsubscribe = this.store.onEdit((kind) => {
      if (kind === "draft") this.schedule();
    });
    const online = () => {
      if (this.status.kind === "offline") void this.flush();
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (this.leaving) return;
      this.writeSession();
      if (this.store.hasDirty() || this.inflight) e.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    if (this.store.hasDirty()) this.schedule();
    return () => {
      this.unsubscribe?.();
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
      if (this.timer) clearTimeout(this.timer);
    };
  }

  /** While a submission runs: no saves (the submission deletes the draft). */
  pause() {
    this.paused = true;
    if (this.timer) clearTimeout(this.timer);
  }
  resume() {
    this.paused = false;
    if (this.store.hasDirty()) this.schedule();
  }
  get isStopped() {
    return this.stopped;
  }

  schedule(delay = DEBOUNCE_MS) {
    this.writeSession();
    if (this.stopped) return;
    if (this.status.kind !== "offline" && this.status.kind !== "saving") this.setStatus({ kind: "pending" });
    if (this.paused) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  async flush(): Promise<void> {
    this.timer = null;
    if (this.inflight || this.paused || this.stopped) return;
    const patch = this.store.takePatch();
    if (Object.keys(patch).length === 0) {
      this.setStatus(this.status.kind === "pending" ? { kind: "saved", at: new Date().toISOString(), by: null } : this.status);
      return;
    }
    this.inflight = patch;
    if (this.status.kind !== "offline") this.setStatus({ kind: "saving" });
    let res: SaveDraftActionState;
    try {
      res = await this.opts.save({ period: this.opts.period, version: this.version, baseRevision: this.opts.baseRevision, cells: patch });
      // The database restarting or an error on our side: kept and retried like a lost connection.
      if (res.ok === false && RETRIED.has(res.code)) throw new Error(res.formError);
    } catch {
      // Network down, server restarting…: keep the edits and try again.
      this.inflight = null;
      this.store.restorePatch(patch);
      this.writeSession();
      this.attempt++;
      this.setStatus({ kind: "offline", attempt: this.attempt });
      const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.attempt, 5));
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flush(), wait);
      return;
    }
    this.inflight = null;
    this.attempt = 0;
    this.handle(res, patch);
    this.writeSession();
    if (!this.stopped && this.store.hasDirty() && !this.timer) this.schedule(150);
  }

  private handle(state: SaveDraftActionState, patch: DraftPatch) {
    if (state.ok !== true || !state.data) {
      this.store.restorePatch(patch);
      const message = state.ok === false ? state.formError : "The draft could not be saved.";
      if (state.ok === false && STOPPED.has(state.code)) {
        this.stopped = true;
        this.setStatus({ kind: "stopped", message });
      } else {
        this.setStatus({ kind: "error", message });
      }
      return;
    }
    const res = state.data;
    if (!res.conflict) {
      this.version = res.draft.version;
      if (res.merged) {
        const n = this.store.applyRemote(res.draft.cells, this.heldKeys());
        if (n > 0) this.opts.onEvent({ type: "merged", cells: n });
      }
      this.setStatus(this.store.hasDirty() ? { kind: "pending" } : { kind: "saved", at: res.draft.updatedAt, by: null });
      return;
    }
    if (res.reason === "edited") {
      // Nothing was written. Adopt their other cells, hold the clashing ones, save the rest again.
      this.version = res.draft.version;
      const clash = new Set(res.conflicts.map((c) => cellKey(c.sku, c.field as EditField)));
      for (const c of res.conflicts) {
        if (c.field === "note" || c.field === "sold" || c.field === "returned" || c.field === "onHand") {
          this.held.set(cellKey(c.sku, c.field), { sku: c.sku, field: c.field, yours: c.yours, theirs: c.theirs });
        }
      }
      const rest: DraftPatch = {};
      for (const [sku, cell] of Object.entries(patch)) {
        if (cell === null) {
          rest[sku] = null;
          continue;
        }
        const keep = Object.fromEntries(Object.entries(cell).filter(([f]) => !clash.has(cellKey(sku, f as EditField))));
        if (Object.keys(keep).length) rest[sku] = keep;
      }
      this.store.restorePatch(rest);
      const adopted = this.adoptRemote(res.draft, new Set([...this.heldKeys(), ...clash]));
      this.opts.onEvent({ type: "conflict", conflicts: [...this.held.values()], adopted });
      this.setStatus({ kind: "pending" });
      return;
    }
    if (res.reason === "discarded") {
      // A colleague threw the shared draft away: ours becomes the new draft.
      this.version = res.draft?.version ?? 0;
      this.store.restorePatch(this.store.allEdits());
      this.opts.onEvent({ type: "discarded" });
      this.setStatus({ kind: "pending" });
      return;
    }
    // A colleague submitted: the draft is gone and our base revision is stale.
    this.store.restorePatch(patch);
    this.stopped = true;
    this.setStatus({ kind: "stopped", message: "Not saved: a colleague submitted meanwhile. Your edits are kept in this tab." });
    this.opts.onEvent({ type: "submitted", latestRevision: res.latestRevision });
  }

  private adoptRemote(draft: DraftViewState, except: Set<string>): number {
    return this.store.applyRemote(draft.cells, except);
  }

  private heldKeys(): Set<string> {
    return new Set(this.held.keys());
  }

  /** The user's answer to a draft conflict. */
  resolve(choice: "mine" | "theirs") {
    const held = [...this.held.values()];
    this.held.clear();
    for (const c of held) {
      const i = this.store.indexOf(c.sku);
      if (i === undefined) continue;
      if (choice === "mine") this.store.markDirty(c.sku, c.field);
      else this.store.setValue(i, c.field, c.theirs ?? (c.field === "note" ? this.store.rows[i]!.note : this.store.rows[i]![c.field]), "remote");
    }
    if (choice === "mine") this.schedule(0);
  }

  // ---- sessionStorage --------------------------------------------------------------------------

  /** Keeps the unsaved cells (changed, held or in flight) in this tab until the server has them. */
  writeSession(baseRevision: number | null = this.opts.baseRevision) {
    try {
      const keys: DraftPatch = { ...this.store.peekDirty() };
      if (this.inflight) for (const [sku, cell] of Object.entries(this.inflight)) keys[sku] = { ...(keys[sku] ?? {}), ...(cell ?? {}) };
      for (const h of this.held.values()) keys[h.sku] = { ...(keys[h.sku] ?? {}), [h.field]: null };
      const cells = this.store.valuesOf(keys);
      const added = this.store.addedRows();
      if (Object.keys(cells).length === 0 && added.length === 0) {
        sessionStorage.removeItem(this.opts.storageKey);
        return;
      }
      const data: StoredUnsaved = { v: 1, baseRevision, cells, added };
      sessionStorage.setItem(this.opts.storageKey, JSON.stringify(data));
    } catch {
      // Storage full or disabled: the server draft still has everything it confirmed.
    }
  }

  clearSession() {
    try {
      sessionStorage.removeItem(this.opts.storageKey);
    } catch {
      /* ignore */
    }
  }
}

export function readSession(key: string): StoredUnsaved | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const data = JSON.parse(raw) as StoredUnsaved;
    return data && data.v === 1 && typeof data.cells === "object" ? data : null;
  } catch {
    return null;
  }
}

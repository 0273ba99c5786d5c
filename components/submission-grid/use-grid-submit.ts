"use client";

/**
 * Submitting the report and its way out: `submit` validates every row with the shared schema, sends
 * the body once (a guard and an idempotency key), and maps the server's answer back onto cells, the
 * form error or the conflict panel; `reviewTheirs` keeps this user's edits as a draft on top of a
 * colleague's revision and reloads; `discard` drops the draft for everyone after a confirmation.
 */
import { useCallback, useRef, useState, useTransition } from "react";
import { parseSubmissionBody } from "@/lib/validation/submission";
import type { ConflictInfo } from "./conflict-panel";
import type { DraftAutosave } from "./draft-autosave";
import type { ErrorField, GridStore } from "./grid-store";
import { storageKeys } from "./use-grid-session";
import type { GridActions, GridInput, SubmitActionState } from "./types";
import type { ReviewState } from "./review-panel";
import type { Confirmation } from "@/lib/domain/submission-checks";

export function useGridSubmit({ input, actions, store, saver }: { input: GridInput; actions: GridActions; store: GridStore; saver: DraftAutosave }) {
  const readOnly = input.closed;
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [errorFocus, setErrorFocus] = useState(0);
  const [idempotencyKey, setIdempotencyKey] = useState(input.idempotencyKey);
  const [submitting, startSubmit] = useTransition();
  const [reviewing, setReviewing] = useState(false);
  const submitGuard = useRef(false);
  const [review, setReview] = useState<ReviewState | null>(null);
  const [confirms, setConfirms] = useState<ReadonlyMap<string, Confirmation>>(new Map());
  /** The flagged rows' numbers when the review came back: a row changed since is a fix, not a confirmation. */
  const reviewed = useRef<Map<string, string>>(new Map());
  const rowKey = (sku: string) => {
    const i = store.indexOf(sku);
    if (i === undefined) return "";
    const s = store.rowState(i);
    return `${s.sold}|${s.returned}|${s.onHand}`;
  };

  const confirm = useCallback((sku: string, c: Confirmation | null) => {
    setConfirms((prev) => {
      const next = new Map(prev);
      if (c) next.set(sku.toUpperCase(), c);
      else next.delete(sku.toUpperCase());
      return next;
    });
  }, []);

  const onSubmittedElsewhere = useCallback((latestRevision: number | null) => {
    setConflict({ latestRevision, submittedAt: null, submittedBy: null, differences: [], differenceCount: 0, fromDraft: true });
  }, []);

  function applyIssues(issues: { path: string; message: string }[]): string | null {
    const byRow = new Map<number, Partial<Record<ErrorField, string>>>();
    const other: string[] = [];
    for (const issue of issues) {
      const m = /^lines\.(\d+)\.(sku|sold|returned|onHand|note)$/.exec(issue.path);
      if (m) {
        const i = Number(m[1]);
        const f = m[2] as ErrorField;
        const e = byRow.get(i) ?? {};
        e[f] ??= issue.message;
        byRow.set(i, e);
      } else other.push(issue.message);
    }
    store.setErrors(byRow);
    return other.length ? other.join(" ") : null;
  }

  /**
   * Submits the grid; the server runs the check in the same transaction. `confirmAll` confirms every
   * row of the current review as reported (keeping reasons already chosen) first: one action.
   */
  function submit(opts: { confirmAll?: boolean } = {}) {
    if (readOnly || submitting || submitGuard.current) return;
    setConflict(null);
    let sending = confirms;
    if (opts.confirmAll && review) {
      const all = new Map(confirms);
      for (const f of review.flags) {
        const key = f.sku.toUpperCase();
        // Rows fixed in the grid since the review are checked again, not confirmed.
        if (!all.has(key) && reviewed.current.get(key) === rowKey(f.sku)) all.set(key, { reason: "other", note: null });
      }
      sending = all;
      setConfirms(all);
    }
    const plain = store.buildBody(input.revision);
    const body = {
      ...plain,
      lines: plain.lines.map((l) => {
        const c = sending.get(l.sku.toUpperCase());
        return c ? { ...l, confirm: { reason: c.reason, ...(c.note ? { note: c.note } : {}) } } : l;
      }),
    };
    const parsed = parseSubmissionBody(body);
    if (!parsed.success) {
      setFormError(applyIssues(parsed.issues));
      setErrorFocus((n) => n + 1);
      return;
    }
    store.setErrors(new Map());
    setFormError(null);
    submitGuard.current = true;
    saver.pause();
    // The submission carries every cell; kept edits would only be restored over the receipt's revision.
    saver.clearSession();
    const key = idempotencyKey;
    startSubmit(async () => {
      let res: SubmitActionState | undefined;
      try {
        res = await actions.submit({ period: input.period, idempotencyKey: key, body });
      } catch {
        res = { ok: false, code: "internal", fieldErrors: {}, formError: "The report could not be sent; check your connection and submit again. Your edits are kept." };
      }
      if (!res || res.ok !== false) return; // redirected to the receipt
      submitGuard.current = false;
      saver.resume();
      saver.writeSession();
      const review = res.details?.review;
      const newer = res.details?.conflict;
      if (res.code === "validation_failed") {
        const issues = Object.entries(res.fieldErrors).flatMap(([path, msgs]) => (msgs ?? []).map((message) => ({ path, message })));
        const other = applyIssues(issues);
        setFormError(other ?? res.formError);
        setErrorFocus((n) => n + 1);
      } else if (review) {
        // Nothing stored: the flagged rows are marked in the grid and listed for a fix or a confirmation.
        setFormError(null);
        setReview(review);
        reviewed.current = new Map(review.flags.map((f) => [f.sku.toUpperCase(), rowKey(f.sku)]));
        store.setFlags(review.flags);
        requestAnimationFrame(() => document.getElementById("review-title")?.scrollIntoView({ block: "nearest" }));
      } else if (newer) {
        setConflict({ ...newer, fromDraft: false });
      } else {
        // Nothing was stored under this key (or, after "already submitted with other numbers", a new
        // submission is meant): the next attempt gets a fresh key.
        setIdempotencyKey(crypto.randomUUID());
        setFormError(res.formError);
        setErrorFocus((n) => n + 1);
      }
    });
  }

  /** Conflict: keep my edits as a draft on top of their revision, then show their numbers. */
  async function reviewTheirs(latestRevision: number | null) {
    setReviewing(true);
    saver.pause();
    saver.leave();
    const cells = store.allEdits();
    saver.writeSession(latestRevision);
    try {
      const res = await actions.saveDraft({ period: input.period, version: 0, baseRevision: latestRevision, cells });
      if (res.ok && res.data && !res.data.conflict) saver.clearSession();
    } catch {
      // Offline: the edits stay in sessionStorage and are restored after the reload.
    }
    try {
      sessionStorage.setItem(storageKeys(input).reviewKey, JSON.stringify({ revision: latestRevision }));
    } catch {
      /* ignore */
    }
    window.location.reload();
  }

  async function discard() {
    const n = store.summary().changed;
    if (!window.confirm(`Discard ${n ? `all ${n} change${n === 1 ? "" : "s"}` : "the draft"} and go back to ${input.revision ? `revision ${input.revision}` : "the prefilled numbers"}? Colleagues working on this report lose them too.`)) return;
    saver.pause();
    const res = await actions.discardDraft({ period: input.period }).catch(() => null);
    if (!res || !res.ok) {
      saver.resume();
      setFormError(res && res.ok === false ? res.formError : "The draft could not be discarded; check your connection.");
      setErrorFocus((k) => k + 1);
      return;
    }
    saver.clearSession();
    saver.leave();
    window.location.reload();
  }

  return { submit, reviewTheirs, discard, submitting, reviewing, conflict, formError, errorFocus, onSubmittedElsewhere, review, confirms, confirm };
}

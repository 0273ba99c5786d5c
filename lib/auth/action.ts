import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Tx } from "@/db/open";
import { requireRole } from "@/lib/dal/authorize";
import { AppError } from "@/lib/errors";
import { failureOf, type ActionMessages, type ActionState } from "@/lib/validation/action-state";
import { requireViewer } from "./current-viewer";
import type { Role, Viewer } from "./viewer";
import { withViewerDb } from "./viewer-db";

/**
 * What an action's body answers: a message, or data, a page to go to and pages to refresh. An
 * `AppError` returned (not thrown) is a refusal whose transaction must still commit (an audited
 * refusal): the wrapper answers with it after the commit.
 */
export type ActionOutcome<TData> =
  | void
  | string
  | AppError
  | { message?: string; data?: TData; redirectTo?: string; revalidate?: string[] };

export interface ActionSpec<S extends z.ZodType | undefined, TValues> {
  /** For the log line of an unexpected failure. */
  name: string;
  /** Who may call it (admin passes every staff rule, as in `requireRole`); any signed-in user when left out. */
  roles?: readonly Role[];
  /** Parsed (after the caller is known) into `ctx.input`; its issues become field errors. */
  schema?: S;
  input?: unknown;
  /** Echoed back with the state, so a failed form keeps what was typed. */
  values?: Partial<TValues>;
  /** Pages whose cached render is stale after the action (refreshed after a failure too). */
  revalidate?: string[];
  /** The screen's own wording for an error code. */
  messages?: ActionMessages;
}

export interface ActionContext<I> {
  viewer: Viewer;
  /** The viewer's transaction: row-level security knows who is asking. */
  db: Tx;
  input: I;
}

type Input<S> = S extends z.ZodType ? z.infer<S> : undefined;
/** A failure whose `details` are the ones this action's errors carry (the data layer attaches them). */
type ActionFailureOf<TDetails> = Extract<ActionState<Record<string, unknown>, undefined, TDetails>, { ok: false }>;

/**
 * The one way a server action runs: resolve the viewer from the session, check the role, parse the
 * input with its zod schema, run the body inside the viewer's transaction, then map whatever went
 * wrong to one `ActionState` (lib/validation/action-state.ts). Next's own control flow (redirect,
 * notFound) passes through.
 */
export async function runAction<TValues = Record<string, unknown>, TData = undefined, S extends z.ZodType | undefined = undefined, TDetails = Record<string, unknown>>(
  spec: ActionSpec<S, TValues>,
  body: (ctx: ActionContext<Input<S>>) => Promise<ActionOutcome<TData>>,
): Promise<ActionState<TValues, TData, TDetails>> {
  return settle(spec, async () => {
    const viewer = await requireViewer();
    if (spec.roles) requireRole(viewer, spec.roles);
    const input = (spec.schema ? spec.schema.parse(spec.input) : undefined) as Input<S>;
    return withViewerDb(viewer, (db) => body({ viewer, db, input }));
  });
}

/**
 * `runAction` for an action whose work is the system's, in its own transactions (running the jobs):
 * the viewer and the role are checked, but no viewer transaction is held around the body — on the
 * embedded database, which has one connection, the job's own transactions would wait for it forever.
 */
export async function runSystemAction<TValues = Record<string, unknown>, TData = undefined>(
  spec: Omit<ActionSpec<undefined, TValues>, "schema" | "input">,
  body: (viewer: Viewer) => Promise<ActionOutcome<TData>>,
): Promise<ActionState<TValues, TData>> {
  return settle(spec, async () => {
    const viewer = await requireViewer();
    if (spec.roles) requireRole(viewer, spec.roles);
    return body(viewer);
  });
}

/** `runAction` for the few actions that have no signed-in caller (signing in and out). */
export async function runPublicAction<TValues = Record<string, unknown>, TData = undefined, S extends z.ZodType | undefined = undefined>(
  spec: Omit<ActionSpec<S, TValues>, "roles">,
  body: (input: Input<S>) => Promise<ActionOutcome<TData>>,
): Promise<ActionState<TValues, TData>> {
  return settle(spec, () => body((spec.schema ? spec.schema.parse(spec.input) : undefined) as Input<S>));
}

async function settle<TValues, TData, TDetails = Record<string, unknown>>(
  spec: Omit<ActionSpec<z.ZodType | undefined, TValues>, "roles">,
  run: () => Promise<ActionOutcome<TData>>,
): Promise<ActionState<TValues, TData, TDetails>> {
  let outcome: ActionOutcome<TData>;
  try {
    outcome = await run();
  } catch (error) {
    unstable_rethrow(error);
    const failure = failureOf(error, spec.messages);
    if (failure.code === "internal") console.error(`[action ${spec.name}] failed`, error);
    return refreshed(spec, { ...(failure as ActionFailureOf<TDetails>), values: spec.values });
  }
  if (outcome instanceof AppError) return refreshed(spec, { ...(failureOf(outcome, spec.messages) as ActionFailureOf<TDetails>), values: spec.values });
  const o = typeof outcome === "string" ? { message: outcome } : (outcome ?? {});
  for (const path of [...(spec.revalidate ?? []), ...(o.revalidate ?? [])]) revalidatePath(path);
  if (o.redirectTo) redirect(o.redirectTo);
  return { ok: true, message: o.message, data: o.data, values: spec.values };
}

/** A failure refreshes the spec's pages too: what the screen showed may be what went stale (a newer version, a deleted row). */
function refreshed<S>(spec: { revalidate?: string[] }, state: S): S {
  for (const path of spec.revalidate ?? []) revalidatePath(path);
  return state;
}

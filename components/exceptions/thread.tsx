import { clsx } from "clsx";
import { Badge } from "@/components/ui/badge";
import { formatNum } from "@/components/ui/num";
import type { ExceptionEvent } from "@/lib/dal/exceptions/get-exception";
import { REASON_LABELS, STATUS_LABELS, type ExceptionReason, type ExceptionStatus } from "@/lib/validation/exceptions";
import { MessageText } from "@/components/format/text";
import { formatTime } from "./format";

const signed = (n: unknown) => formatNum(typeof n === "number" ? n : Number(n), { signed: true }) ?? "—";
const plain = (n: unknown) => (n === null || n === undefined ? "—" : (formatNum(Number(n)) ?? "—"));
const statusLabel = (s: unknown) => STATUS_LABELS[s as ExceptionStatus] ?? String(s);
const reasonLabel = (s: unknown) => (s ? (REASON_LABELS[s as ExceptionReason] ?? String(s)) : "none");

function describe(e: ExceptionEvent): string {
  const d = e.data ?? {};
  switch (e.kind) {
    case "opened":
      return d.automatic ? `Opened automatically (gap ${plain(d.gap)})${e.body ? `: ${e.body}` : ""}` : `opened the exception (gap ${plain(d.gap)})`;
    case "status":
      // Resolved by the write that brought the row back within tolerance (a revision, a correction, a load).
      if (d.automatic) return `${e.body ?? "Resolved automatically"}: back within tolerance (${statusLabel(d.from)} → ${statusLabel(d.to)})`;
      // A hand-opened exception resolved by the approval of its correction (issue 16).
      if (d.resolution === "correction") return `approved a correction that brought the row within tolerance: resolved by correction (${statusLabel(d.from)} → ${statusLabel(d.to)})`;
      return `changed the status: ${statusLabel(d.from)} → ${statusLabel(d.to)}`;
    case "reason":
      return `set the reason: ${reasonLabel(d.from)} → ${reasonLabel(d.to)}`;
    case "owner":
      return d.to ? `assigned it to ${String(d.toName ?? d.toEmail ?? "someone")}` : "removed the owner";
    case "correction.proposed":
      return `proposed a correction of ${signed(d.quantity)} (${String(d.type).replace("_", " ")})${e.body ? `: “${e.body}”` : ""}`;
    case "correction.approved":
      return `approved the correction of ${signed(d.quantity)}: gap ${plain(d.gapBefore)} → ${plain(d.gapAfter)}, calculated now ${plain(d.calculatedAfter)}${e.body ? ` — “${e.body}”` : ""}`;
    case "correction.rejected":
      return `${d.withdrawn ? "withdrew" : "rejected"} the correction of ${signed(d.quantity)}${e.body ? `: “${e.body}”` : ""}`;
    default:
      return e.kind;
  }
}

/** The exception's history: notes and answers as messages, every other change as a line. */
export function Thread({ events, partner = false }: { events: ExceptionEvent[]; partner?: boolean }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No messages yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Notes and history">
      {events.map((e) => {
        const author = e.author ? e.author.name : "Sellthru";
        if (e.kind === "note" || e.kind === "answer") {
          const answer = e.isAnswer;
          return (
            <li
              key={e.id}
              data-kind={e.kind}
              className={clsx(
                "rounded-lg border px-3 py-2",
                answer ? "border-blue-200 bg-blue-50/70" : e.internal ? "border-amber-200 bg-amber-50/60" : "border-slate-200 bg-white",
                answer && !partner && "ml-0 mr-8",
                !answer && partner && "mr-8",
              )}
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-semibold text-slate-900">{author}</span>
                {answer ? <Badge tone="blue">{partner ? "Your answer" : "Distributor answer"}</Badge> : partner ? <Badge tone="neutral">Manufacturer</Badge> : null}
                {e.internal ? <Badge tone="amber">Internal</Badge> : null}
                <time dateTime={e.at}>{formatTime(e.at)}</time>
              </div>
              <p className="mt-1 whitespace-pre-wrap text-sm text-slate-900">{e.body}</p>
            </li>
          );
        }
        return (
          <li key={e.id} data-kind={e.kind} className="flex flex-wrap items-baseline gap-x-2 px-1 text-xs text-slate-600">
            <span aria-hidden="true" className="size-1.5 translate-y-[-1px] rounded-full bg-slate-400" />
            <span>
              {(e.kind === "opened" || e.kind === "status") && e.data?.automatic ? null : <span className="font-medium text-slate-800">{author} </span>}
              <MessageText text={describe(e)} />
            </span>
            <time dateTime={e.at} className="text-slate-500">
              {formatTime(e.at)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}

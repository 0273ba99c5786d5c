/**
 * The one-line rebate standing in the header. The rebate programme feature fills `standing`; until
 * a programme covers this quarter the line says so instead of inventing a number.
 */
import { MessageText } from "@/components/format/text";

export interface RebateStandingValue {
  /** e.g. "On track for the Q4 reporting rebate" */
  headline: string;
  /** e.g. "1 of 3 periods late so far" */
  detail?: string;
  tone: "good" | "warning" | "bad";
}

export function RebateStanding({ standing = null }: { standing?: RebateStandingValue | null }) {
  if (!standing) {
    return (
      <p className="flex items-center gap-1.5 text-xs text-slate-600" data-testid="rebate-standing">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-slate-500">
          <path fill="currentColor" d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13M7.25 5a.75.75 0 1 1 1.5 0 .75.75 0 0 1-1.5 0M7.3 7h1.4v4.5H7.3z" />
        </svg>
        Rebate standing appears once the rebate programme for this quarter is set up.
      </p>
    );
  }
  const tone = standing.tone === "good" ? "text-emerald-700" : standing.tone === "warning" ? "text-amber-800" : "text-red-700";
  return (
    <p className="text-xs text-slate-700" data-testid="rebate-standing">
      <span className={`font-medium ${tone}`}>
        <MessageText text={standing.headline} />
      </span>
      {standing.detail ? (
        <span className="text-slate-600">
          {" "}
          · <MessageText text={standing.detail} />
        </span>
      ) : null}
    </p>
  );
}

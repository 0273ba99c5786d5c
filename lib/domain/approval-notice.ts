/** The words of "a correction waits for your approval": the in-app notice and the e-mail. Pure: no I/O. */
import { formatPeriodLabel } from "./periods";

export interface ApprovalNoticeInput {
  proposer: string;
  /** The signed quantity: −60 lowers the calculated balance by 60. */
  signed: number;
  reason: string;
  distributor: string;
  sku: string;
  period: string;
}

const signedText = (n: number) => `${n > 0 ? "+" : "\u2212"}${Math.abs(n)}`;

export function approvalNotice(i: ApprovalNoticeInput): { notice: string; subject: string; body: string } {
  const row = `${i.distributor} × ${i.sku}, ${formatPeriodLabel(i.period)}`;
  const notice = `${i.proposer} proposed a correction of ${signedText(i.signed)} on ${row}: ${i.reason}`;
  return {
    notice,
    subject: `To approve: a correction of ${signedText(i.signed)} on ${row}`,
    body: [
      "Hello,",
      "",
      `${notice}.`,
      "It changes nothing until a second person approves it, and the proposer cannot be that person.",
      "Open Sellthru and choose \"To approve\" in the navigation (Exceptions → To approve) to approve or reject it.",
      "",
      "— Sellthru",
    ].join("\n"),
  };
}

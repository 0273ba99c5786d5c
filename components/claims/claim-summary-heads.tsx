import { numeric, type Column } from "@/components/ui/table";

/** The column headings of a claim's summary, from its reference to what is payable. */
export const CLAIM_SUMMARY_HEADS: Column[] = [
  "Reference",
  numeric("Revision"),
  "Submitted",
  ...["Lines", "Claimed", "Approved", "Adjusted", "Rejected", "Payable"].map(numeric),
];

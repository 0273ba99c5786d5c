/**
 * Ship & debit claim files, pure (no database): X12 844 and the distributor's own CSV/TSV/XLSX layouts
 * in; the 849 and the payables CSV out. See `x12-844-codes.ts` for every X12 qualifier read or written.
 *
 *   const r = await readClaimFile(bytes, "claim.csv", { savedMapping: (signature) => lookup(signature) });
 *   if (r.needs) ask (the columns, the date order) and call again; r.errors lists the lines not read.
 */
export { readClaimFile, type ReadClaimFileOptions } from "./read-claim-file";
export { readClaim844 } from "./x12-844";
export { writeClaim849, x12Text, type Claim849Input, type X12Party } from "./x12-849";
export { writeClaimCsv, RESPONSE_CSV_HEADER, type ClaimCsvInput } from "./response-csv";
export { readClaimTable, claimHeader, type ClaimTableOptions } from "./read-claim-table";
export { delimitedRows, workbookSheets } from "./table-rows";
export {
  CLAIM_FIELDS, REQUIRED_FIELDS, FIELD_LABELS, CLAIM_CONFIDENT, matchClaimHeader, suggestClaimMapping, claimHeaderSignature, findClaimHeaderRow,
  type ClaimField, type ClaimMapping,
} from "./claim-columns";
export { X12_849 } from "./x12-844-codes";
export type { ClaimAnswerLine, ClaimError, ClaimFileResult, ClaimLineInput, ClaimNeed, ClaimTableResult, ClaimWarning, X12ClaimResult } from "./types";

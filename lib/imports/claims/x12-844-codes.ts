/**
 * The one table of what Sellthru reads from an X12 844 (Product Transfer Account Adjustment, 004010 /
 * 005010) and what it writes into an 849. Everything a file carries outside this table is named in a
 * warning with its segment number; a required field missing is an error naming the segment.
 *
 * Structure (X12 004010 844, functional group CF): ST, BAA, [CUR, NTE, REF, PER, DTM], N1 loop,
 * CON loop { CON, REF, PER, DTM, N1 loop (N1 N2 N3 N4 REF PER, SII/N9), PAD loop { PAD, LIN, PID, MEA,
 * UIT, QTY, AMT, RCD, REF, DTM, CUR, SSS } }, CTT, AMT, SE. One PAD loop = one claim line; its CON
 * loop holds the authorisation (CON02), the end customer (N1) and dates/references shared by its lines.
 * There is no CDD, CTP or BGN in the 844: they are read only as a tolerance for translators that send
 * them (CDD04 is N2 — two implied decimals), and a BGN/CTP/CDD read is said in a warning.
 */

/** CON01 / REF01 (element 128) qualifiers whose value is the authorisation (ship & debit / SPA number). */
export const AUTHORIZATION_REFS: Record<string, string> = {
  CT: "contract number",
  AH: "agreement number",
  PR: "price quote number",
  ZZ: "mutually defined",
};

/** REF01 qualifiers of the invoice the sale was made on, in order of preference. */
export const INVOICE_REFS: Record<string, string> = { IV: "seller's invoice number", DI: "distributor invoice number" };

/** REF01 of the invoice line. */
export const INVOICE_LINE_REFS: Record<string, string> = { LI: "line item identifier" };

/** DTM01 (element 374): the ship date, else the invoice date (said in a warning). */
export const SHIP_DATE = "011";
export const INVOICE_DATE = "003";

/** N101 (element 98) in the CON loop naming the end customer, in order of preference; N102 name, else N104 id. */
export const CUSTOMER_PARTIES: Record<string, string> = { EN: "end user", BY: "buying party" };

/** QTY01 (element 673) read as the quantity claimed, in order of preference. */
export const QUANTITY_QUALIFIERS: Record<string, string> = {
  "39": "shipped quantity",
  "32": "quantity sold",
  "38": "original quantity",
  "01": "discrete quantity",
};
/** QTY03 / UIT01 units read as single units; any other unit is an error (claims are per unit). */
export const UNIT_CODES = new Set(["", "EA", "PC", "UN"]);

/** UIT03 (element 639, basis of unit price) → which cost UIT02 is. */
export const UIT_BOOK: Record<string, string> = { DI: "distributor" };
export const UIT_AUTHORIZED: Record<string, string> = {
  CT: "contract",
  TE: "contract price per each",
  QT: "quoted",
  QE: "quoted price per each",
  PR: "promotion",
};
/** UIT03 codes understood and not used (the resale price is checked against the POS, not the claim). */
export const UIT_UNUSED: Record<string, string> = { RE: "retail price per each", RT: "retail", PE: "price per each (no cost basis)" };

/** CTP02 (element 236, tolerated): DIS distributor's price = book; CON/SHD/QTE/SPC = authorised. */
export const CTP_BOOK: Record<string, string> = { DIS: "distributor's price" };
export const CTP_AUTHORIZED: Record<string, string> = { CON: "contract price", SHD: "ship and debit", QTE: "quote price", SPC: "special price" };

/** AMT01 (element 522) of the line read as the amount claimed. */
export const CLAIM_AMOUNTS: Record<string, string> = { S: "submitted chargeback claim amount", CC: "chargeback claim amount" };

/** PAD02 (element 521) transfer types of a sale a ship & debit claim is made on; others are read with a warning. */
export const SALE_TRANSFERS = new Set(["SD", "SH", "SS", "DS"]);

/** Segments understood and deliberately not read, with why (named in a warning when a file has them). */
export const NOT_READ: Record<string, string> = {
  NTE: "free-text notes are not part of a claim line",
  PER: "contacts are not part of a claim line",
  N2: "additional names are not read",
  N3: "addresses are not part of a claim line",
  N4: "places are not part of a claim line",
  PID: "product descriptions are not read (the SKU identifies the part)",
  MEA: "measurements are not read",
  RCD: "receiving conditions are not read",
  SSS: "special services are not read",
  SII: "service identification is not read",
  N9: "extended references are not read",
};

/** What the 849 writer uses (X12 004010 849, functional group CF). */
export const X12_849 = {
  functionalGroup: "CF",
  version: "004010",
  /** BRC03: the claim reference's qualifier (mutually defined: the partner's claim / debit memo number). */
  referenceQualifier: "ZZ",
  /** Header REF: Sellthru's claim id (TN transaction reference number). */
  claimIdQualifier: "TN",
  /** DTM*090 / 091: the claim period's first and last day. */
  periodStart: "090",
  periodEnd: "091",
  /** CON01: the authorisation as contract number; CON03 (contract status, mandatory) mutually defined. */
  authorizationQualifier: "CT",
  contractStatus: "ZZ",
  /** PAD02: ship and debit sale. PAD03 (element 670) per outcome. */
  transferType: "SD",
  approved: "NC",
  quantityCut: "QD",
  priceChanged: "PC",
  rejected: "DI",
  /** AAA02 agency qualifier "ZZ" (mutually defined): AAA03 carries REASON_X12. */
  agency: "ZZ",
  /** QTY01: 38 original (claimed) quantity, QA quantity approved. */
  claimedQuantity: "38",
  approvedQuantity: "QA",
  /** AMT01: S submitted chargeback claim amount, A adjusted (approved) chargeback claim amount. */
  claimedAmount: "S",
  approvedAmount: "A",
  /** REF*ZZ: the reason's X12 code (REF02) and its sentence (REF03, at most 80 characters). */
  messageQualifier: "ZZ",
} as const;

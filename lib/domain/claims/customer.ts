/**
 * End-customer matching: an authorisation names its end customer by name and, often, an ID; claims
 * and POS lines carry whatever the distributor's system prints. Two names match when they are the same
 * after upper-casing, dropping punctuation, legal-form words and spaces ("Acme Robotics, Inc." =
 * "ACME ROBOTICS INC" = "Acme Robotics"). The same rule runs in SQL as `sellthru_norm_customer`
 * (migration 0016); an integration test holds the two to the same answers.
 */

/** Legal-form words dropped when names are compared. */
export const LEGAL_FORMS = ["INC", "INCORPORATED", "LLC", "LTD", "LIMITED", "CORP", "CORPORATION", "CO", "COMPANY", "GMBH", "AG", "SA", "SAS", "BV", "NV", "PLC", "SRL", "SPA", "AB", "OY", "KK", "PTY"];

export function normCustomer(name: string | null | undefined): string {
  if (!name) return "";
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w && !LEGAL_FORMS.includes(w));
  return words.join("");
}

/** Does `given` (a name or an ID) name the authorisation's end customer? */
export function customerMatches(given: string, auth: { id?: string | null; name: string }): boolean {
  const g = given.trim().toUpperCase();
  if (auth.id && g === auth.id.trim().toUpperCase()) return true;
  const n = normCustomer(given);
  return n !== "" && n === normCustomer(auth.name);
}

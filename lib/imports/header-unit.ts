/**
 * The unit a quantity column's header names: "Qty (cases)", "Sold CS", "CasesShipped", "Cajas
 * vendidas", "On hand [ctn]". A column counted in cases is never summed as units: its figures go
 * through the same conversion as a unit column's (pack size known → units; not known → asked).
 * Words of eaches ("Qty (EA)", "Units", "Stück") name no conversion and give null. "CT" is left out:
 * in a header it as often means "count" as "carton".
 */
import { toUnits, unitKind, unitPlural } from "../domain/units";
import { normalizeHeader } from "./headers-normalize";

/** Header word (normalised: lower case, accents stripped) → unit code of lib/domain/units. */
const WORDS: Record<string, string> = Object.fromEntries(
  Object.entries({
    CA: ["case", "cases", "cs", "ca", "kiste", "kisten", "caisse", "caisses", "caja", "cajas", "caixa", "caixas", "cassa", "casse", "krat", "kratten", "skrzynka", "skrzynki"],
    CT: ["carton", "cartons", "ctn", "ctns", "karton", "kartons", "cartone", "cartoni", "kartony", "kartonow"],
    BX: ["box", "boxes", "bx", "schachtel", "schachteln", "boite", "boites", "scatola", "scatole", "doos", "pudelko", "pudelka"],
    PK: ["pack", "packs", "pk", "pkg", "pkgs", "package", "packages", "packung", "packungen", "paquet", "paquets", "paquete", "paquetes", "pacote", "pacotes", "confezione", "confezioni", "pak", "pakken", "opakowanie", "opakowania", "opak"],
    DZ: ["dozen", "dozens", "dz", "doz", "douzaine", "douzaines", "docena", "docenas", "duzia", "duzias", "dozzina", "dozzine", "tuzin", "tuziny"],
  }).flatMap(([code, words]) => words.map((w) => [w, code])),
);

/** The non-each unit a header names, or null (units, or no unit named). */
export function unitInHeader(raw: string): string | null {
  // CamelCase and run-together forms: "CasesSold", "QtyCS" → separate words.
  const spaced = raw.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
  const found = new Set<string>();
  for (const w of normalizeHeader(spaced).split(" ")) if (WORDS[w]) found.add(WORDS[w]);
  // Two units in one header ("Cases / Boxes") name no one unit: "CA/BX" is no unit Sellthru counts, so
  // its rows are rejected with the header's words rather than summed either way.
  return found.size === 0 ? null : [...found].join("/");
}

/** What the answer says about a column counted in the unit its header names. */
export function headerUnitNote(header: string, unit: string): string {
  const named = `“${header}”`;
  if (unitKind(unit) === null) return `${named} names several units (${unit}): its figures are not counted until the header names one`;
  const fixed = toUnits(1, unit, null);
  const how = unitKind(unit) === "pack" || !fixed.ok ? "with each product's pack size" : `(× ${fixed.units})`;
  return `${named} counts ${unitPlural(unit)} (its header says so): its figures are converted to units ${how}`;
}

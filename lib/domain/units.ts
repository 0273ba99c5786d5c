/**
 * Units of measure → units (eaches). Pure: reused by the X12 readers (QTY03, ZA03, UIT01) and by
 * spreadsheet unit columns. A quantity in eaches counts as is; dozens and grosses have a fixed
 * size; cases, boxes, packs, cartons, reels, tubes and trays count as the product's pack size
 * (units per pack, from the catalogue or the distributor's answer) — and when that is not known,
 * the quantity is NOT counted: the caller asks. A code we do not know is never taken as eaches.
 *
 *   toUnits(2, "CA", 250)  → { ok: true, units: 500, factor: 250, kind: "pack" }
 *   toUnits(2, "CA", null) → { ok: false, reason: "pack_size_unknown", unit: "CA" }
 */

export type UnitKind = "each" | "fixed" | "pack";

// Pieces in the words of ERP exports: Stück (STK), sztuk (SZT), pezzi (PZ), piezas (PZA), unidades (UND, UDS).
const EACH = new Set(["", "EA", "EACH", "PC", "PCS", "PCE", "UN", "UNIT", "UNITS", "STK", "STCK", "STUECK", "SZT", "PZ", "PZA", "UND", "UNID", "UDS"]);
const FIXED: Record<string, number> = { DZ: 12, DOZ: 12, GR: 144, GRO: 144 };
/**
 * The pack units, each with one code per kind of pack whatever the spelling (a catalogue's "CA" size
 * serves a file's "CS" and "CASE"); cartons and packs as German exports write them too (Karton: KAR,
 * KRT, KTN; Packung: PAK).
 */
const PACK_GROUP: Record<string, string> = {
  CA: "CA", CS: "CA", CASE: "CA", BX: "BX", BOX: "BX", PK: "PK", PACK: "PK", PKG: "PK", PAK: "PK",
  CT: "CT", CTN: "CT", CARTON: "CT", KAR: "CT", KRT: "CT", KTN: "CT", RL: "RL", REEL: "RL", TU: "TU", TUBE: "TU", TY: "TY", TRAY: "TY",
};
const PACK = new Set(Object.keys(PACK_GROUP));

const MEANING: Record<string, string> = {
  EA: "each", PC: "piece", UN: "unit", DZ: "dozen (12)", GR: "gross (144)", CA: "case", CS: "case", BX: "box", PK: "package",
  CT: "carton", CTN: "carton", KAR: "carton", KRT: "carton", KTN: "carton", PAK: "package", RL: "reel", TU: "tube", TY: "tray",
};

/** "ca", " Cs " → "CA", "CS"; undefined/null → "". */
export function normalizeUnit(raw: string | null | undefined): string {
  return (raw ?? "").trim().toUpperCase().replace(/\.$/, "");
}

/** The unit's meaning for the answer ("case", "dozen (12)"), or the code itself. */
export function unitMeaning(raw: string | null | undefined): string {
  const u = normalizeUnit(raw);
  return MEANING[u] ?? (PACK.has(u) ? "pack" : EACH.has(u) ? "each" : `unit "${u}" (not a count unit Sellthru knows)`);
}

const PLURAL: Record<string, string> = { EA: "eaches", BX: "boxes", BOX: "boxes", DZ: "dozens", DOZ: "dozens", GR: "grosses", GRO: "grosses", PK: "packages" };

/** The unit's plural for a sentence ("cases", "boxes", "dozens"): the code's meaning plus s where that reads right. */
export function unitPlural(raw: string | null | undefined): string {
  const u = normalizeUnit(raw);
  if (PLURAL[u]) return PLURAL[u];
  const kind = unitKind(u);
  return kind === null ? `unit "${u}"` : `${unitMeaning(u)}s`;
}

/** How a unit counts: each, a fixed multiple, the product's pack size — or null when unknown. */
export function unitKind(raw: string | null | undefined): UnitKind | null {
  const u = normalizeUnit(raw);
  if (EACH.has(u)) return "each";
  if (u in FIXED) return "fixed";
  if (PACK.has(u)) return "pack";
  return null;
}

export type UnitConversion =
  | { ok: true; units: number; factor: number; kind: UnitKind }
  | { ok: false; reason: "pack_size_unknown" | "unknown_unit"; unit: string };


/** The pack unit's group code ("cs" → "CA", "KRT" → "CT"), or null when the unit is not a pack. */
export function packUnit(raw: string | null | undefined): string | null {
  return PACK_GROUP[normalizeUnit(raw)] ?? null;
}

/**
 * A product's units per `unit`: its size for that kind of pack ({ CA: 12, BX: 6 }), else its one
 * pack size for any pack (the older single field), else null (not known: the upload asks).
 */
export function packSizeFor(sizes: Record<string, number> | null | undefined, packSize: number | null | undefined, unit: string | null | undefined): number | null {
  const group = packUnit(unit);
  const own = group ? sizes?.[group] : undefined;
  return isPackSize(own) ? own : isPackSize(packSize) ? packSize : null;
}

/** Whether a pack size is usable: a positive whole number of units. */
export function isPackSize(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n > 0;
}

/**
 * `quantity` in `unit` → units, given the product's pack size (units per case/box/pack, null when
 * not known). Never guesses: a pack unit without a pack size, or a unit not listed, is not converted.
 */
export function toUnits(quantity: number, unit: string | null | undefined, packSize: number | null | undefined): UnitConversion {
  const u = normalizeUnit(unit);
  const kind = unitKind(u);
  if (kind === "each") return { ok: true, units: quantity, factor: 1, kind };
  if (kind === "fixed") return { ok: true, units: quantity * FIXED[u], factor: FIXED[u], kind };
  if (kind === "pack") {
    if (!isPackSize(packSize)) return { ok: false, reason: "pack_size_unknown", unit: u };
    return { ok: true, units: quantity * packSize, factor: packSize, kind };
  }
  return { ok: false, reason: "unknown_unit", unit: u };
}

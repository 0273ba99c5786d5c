/** Lowercase, umlauts folded, accents stripped, "#"/"No"/"Nr" → "number", punctuation → space. */
export function normalizeHeader(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/#/g, " number ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(?:no|nr|num)\b/g, "number")
    .replace(/\s+/g, " ")
    .trim();
}

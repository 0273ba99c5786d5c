/**
 * Part numbers that look like another: a zero-width space, a direction override (U+202E turns
 * "MCU-1000" into what reads as another number), a soft hyphen or a non-breaking space inside an
 * SKU would be a second, visually identical part — a silent split of one product's figures, or a
 * cross-reference that maps what a reviewer reads as one part to another. Such characters are
 * refused in the catalogue, in submissions and in uploads, never cleaned up silently.
 */

/**
 * Invisible or look-alike characters: controls (Cc), format characters (Cf: zero-width spaces and
 * joiners, bidi embeddings/overrides/isolates and marks, soft hyphen, BOM), line/paragraph
 * separators, spaces other than U+0020, and variation selectors.
 */
const CONFUSABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

const CONFUSABLE_ALL = new RegExp(CONFUSABLE.source, "gu");

/** `s` as a person reads it (the invisible characters left out), for messages only. */
export const visiblePart = (s: string) => s.replace(CONFUSABLE_ALL, "");

/** Names for the characters a person is most likely to meet; the rest are named by code point. */
const NAMES: Record<number, string> = {
  0x00a0: "no-break space",
  0x00ad: "soft hyphen",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0xfeff: "zero-width no-break space (BOM)",
};

/** The first invisible or look-alike character in `s`, described ("U+200B zero-width space"), or null. */
export function confusableCharIn(s: string): string | null {
  // Fast path for the usual part number: printable ASCII only.
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      plain = false;
      break;
    }
  }
  if (plain) return null;
  const m = CONFUSABLE.exec(s);
  if (!m) return null;
  const cp = m[0].codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return NAMES[cp] ? `${hex} ${NAMES[cp]}` : cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? `${hex} control character` : hex;
}

/** The message for a part number with such a character (`what`: "SKU", "Part number"…). */
export function confusableMessage(what: string, char: string): string {
  return `${what} contains an invisible or direction-changing character (${char}): it would look like another part. Remove it and try again.`;
}

/** A tiny ZIP writer/reader for tests: crafts archives whose directory says what the test wants. */
import zlib from "node:zlib";
import { entryData, inspectZip } from "../zip-guard";

export interface CraftedEntry {
  name: string;
  data: Buffer;
  /** 8 = deflate (default), 0 = stored. */
  method?: 0 | 8;
  /** Lie about the sizes in the directory. */
  declaredUncompressed?: number;
  declaredCompressed?: number;
  /** Use these bytes as the compressed payload instead of deflating `data`. */
  raw?: Buffer;
  /** Written as a local entry but left out of the central directory (what a streaming reader still finds). */
  hidden?: boolean;
  /** A different name in the local header than in the directory. */
  localName?: string;
}

export function makeZip(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const payload = e.raw ?? (method === 8 ? zlib.deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name, "utf8");
    const localName = Buffer.from(e.localName ?? e.name, "utf8");
    const crc = zlib.crc32 ? zlib.crc32(e.data) : 0;
    const compressed = e.declaredCompressed ?? payload.length;
    const uncompressed = e.declaredUncompressed ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(Math.min(uncompressed, 0xffffffff), 22);
    local.writeUInt16LE(localName.length, 26);
    locals.push(local, localName, payload);
    if (e.hidden) {
      offset += 30 + localName.length + payload.length;
      continue;
    }
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(Math.min(compressed, 0xffffffff), 20);
    cd.writeUInt32LE(Math.min(uncompressed, 0xffffffff), 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + localName.length + payload.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const listed = entries.filter((e) => !e.hidden).length;
  eocd.writeUInt16LE(Math.min(listed, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(listed, 0xffff), 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

/**
 * Raw-deflated `head`, then `unit` repeated to about `bytes`, then `tail` — without ever holding the
 * unpacked text (a bomb's payload). Returns the compressed bytes and the exact unpacked size.
 */
export async function deflatedRepeat(head: string, unit: string, bytes: number, tail: string): Promise<{ raw: Buffer; size: number }> {
  const piece = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length))), "utf8");
  const z = zlib.createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => z.on("end", resolve).on("error", reject));
  let size = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once("drain", r));
  };
  await write(Buffer.from(head, "utf8"));
  for (let left = bytes; left > 0; left -= piece.length) await write(piece);
  await write(Buffer.from(tail, "utf8"));
  z.end();
  await done;
  return { raw: Buffer.concat(out), size };
}

/** The entries of a real archive (e.g. one exceljs wrote), to change one and write it again. */
export function unzip(buf: Buffer): CraftedEntry[] {
  return inspectZip(buf).map((e) => {
    const data = entryData(buf, e);
    return { name: e.name, data: e.method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data) };
  });
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The attack, as a file: a sound one-sheet workbook whose local entries also hold `hidden`
 * (a sheet the central directory does not list), placed before the shared strings as Excel orders
 * parts — a reader walking local entries parks it in a temporary file and then parses it.
 */
export function hiddenEntryWorkbook(hidden: { raw: Buffer; size: number }): Buffer {
  const text = (s: string) => Buffer.from(s, "utf8");
  return makeZip([
    { name: "xl/workbook.xml", data: text(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="POS" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    { name: "xl/worksheets/sheet2.xml", data: Buffer.alloc(0), raw: hidden.raw, declaredUncompressed: hidden.size, hidden: true },
    { name: "xl/worksheets/sheet1.xml", data: text(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`) },
    { name: "xl/sharedStrings.xml", data: text(`<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>Part</t></si></sst>`) },
  ]);
}

/** About `bytes` of valid sheet XML (millions of rows), deflated without ever being held. */
export const sheetBomb = (bytes: number) =>
  deflatedRepeat(`<worksheet xmlns="${MAIN}"><sheetData>`, '<row><c t="inlineStr"><is><t>MCU-1000</t></is></c><c><v>1</v></c></row>', bytes, "</sheetData></worksheet>");

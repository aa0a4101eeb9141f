/**
 * Hostile and odd workbooks made by post-processing a template's zip with fflate (as
 * lockStructure does): edited entries, sizes declared falsely, zip64 structure.
 */
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { concat } from "../fuzz/rawZip";

export type Entries = Record<string, Uint8Array>;

/** The zip with its entries edited; `level` 9 makes padding compress to almost nothing. */
export function rezip(bytes: Uint8Array, edit: (files: Entries) => void, level: 0 | 6 | 9 = 9): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files, { level });
}

export function editText(files: Entries, name: string, edit: (xml: string) => string) {
  const entry = files[name];
  if (!entry) throw new Error(`no ${name}`);
  files[name] = strToU8(edit(strFromU8(entry)));
}

/** The zip entry (path) behind a sheet's name, through workbook.xml and its relationships. */
export function sheetPath(files: Entries, sheet: string): string {
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Writes a size into the local and central headers of an entry, as a lying or broken zip would. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = strToU8(name);
  const matches = (at: number, nameAt: number) => wanted.every((b, i) => out[at + nameAt + i] === b);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 && view.getUint16(at + 26, true) === wanted.length && matches(at, 30))
      view.setUint32(at + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(at + 28, true) === wanted.length && matches(at, 46))
      view.setUint32(at + 24, size, true);
  }
  return out;
}

/**
 * The same entries as a zip64 archive (as large-file tools and some libraries write even for
 * small files): every size and offset in zip64 extra fields, a zip64 end record and locator.
 */
export function toZip64(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const crcOf = (data: Uint8Array) => {
    let c = ~0;
    for (const b of data) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const u64 = (view: DataView, at: number, n: number) => {
    view.setUint32(at, n % 2 ** 32, true);
    view.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
  };
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = strToU8(name);
    const body = deflateSync(data, { level: 6 });
    const crc = crcOf(data);
    const local = new Uint8Array(30 + nameBytes.length + 20);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 45, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, 0xffffffff, true);
    lv.setUint32(22, 0xffffffff, true);
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, 20, true);
    local.set(nameBytes, 30);
    lv.setUint16(30 + nameBytes.length, 1, true);
    lv.setUint16(32 + nameBytes.length, 16, true);
    u64(lv, 34 + nameBytes.length, data.length);
    u64(lv, 42 + nameBytes.length, body.length);
    const entry = new Uint8Array(46 + nameBytes.length + 28);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 45, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint16(30, 28, true);
    cv.setUint32(42, 0xffffffff, true);
    entry.set(nameBytes, 46);
    cv.setUint16(46 + nameBytes.length, 1, true);
    cv.setUint16(48 + nameBytes.length, 24, true);
    u64(cv, 50 + nameBytes.length, data.length);
    u64(cv, 58 + nameBytes.length, body.length);
    u64(cv, 66 + nameBytes.length, offset);
    chunks.push(local, body);
    central.push(entry);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(56 + 20 + 22);
  const ev = new DataView(end.buffer);
  const count = Object.keys(files).length;
  ev.setUint32(0, 0x06064b50, true);
  u64(ev, 4, 44);
  ev.setUint16(12, 45, true);
  ev.setUint16(14, 45, true);
  u64(ev, 24, count);
  u64(ev, 32, count);
  u64(ev, 40, centralSize);
  u64(ev, 48, offset);
  ev.setUint32(56, 0x07064b50, true);
  u64(ev, 64, offset + centralSize);
  ev.setUint32(72, 1, true);
  ev.setUint32(76, 0x06054b50, true);
  ev.setUint16(84, 0xffff, true);
  ev.setUint16(86, 0xffff, true);
  ev.setUint32(88, 0xffffffff, true);
  ev.setUint32(92, 0xffffffff, true);
  return concat([...chunks, ...central, end]);
}

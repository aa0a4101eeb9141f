/**
 * A zip package rewritten with a few entries changed or added: every other entry is copied as
 * it is, still compressed, so adding a chart to a level-2 workbook of a thousand units does not
 * inflate and deflate its large sheets again (fflate's zipSync can only write what it holds
 * inflated). Entries keep their order; new ones go at the end. Packages this cannot copy (zip64,
 * spanned) return undefined and the caller zips them the plain way.
 */
import { deflateSync } from "fflate";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const MAX32 = 0xffffffff;
/** Flag bit 3: sizes and CRC in a data descriptor after the data; the copy writes them in the header. */
const DATA_DESCRIPTOR = 0x0008;

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  const table = (crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  }));
  let crc = 0xffffffff;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** The compressed bytes, as found or as deflated here. */
  data: Uint8Array;
}

function readEntries(zip: Uint8Array): Map<string, Entry> | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--)
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  if (end < 0 || view.getUint16(end + 4, true) !== 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === MAX32) return undefined;
  const decoder = new TextDecoder();
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const local = view.getUint32(at + 42, true);
    if (compressed === MAX32 || size === MAX32 || local === MAX32) return undefined;
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) return undefined;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > zip.length) return undefined;
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    entries.set(decoder.decode(name), {
      name,
      flags: view.getUint16(at + 8, true) & ~DATA_DESCRIPTOR,
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size,
      data: zip.subarray(start, start + compressed),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** 1980-01-01 00:00, the zip epoch: the same bytes for the same content. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function deflated(name: string, content: Uint8Array): Entry {
  return {
    name: new TextEncoder().encode(name),
    flags: 0x0800, // UTF-8 names
    method: 8,
    time: 0,
    date: DOS_DATE,
    crc: crc32(content),
    size: content.length,
    data: deflateSync(content, { level: 6 }),
  };
}

function header(e: Entry, central: boolean, offset: number): Uint8Array {
  const out = new Uint8Array((central ? 46 : 30) + e.name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  view.setUint32(at, central ? CENTRAL : LOCAL, true);
  at += 4;
  if (central) {
    view.setUint16(at, 20, true); // made by
    at += 2;
  }
  for (const v of [20, e.flags, e.method, e.time, e.date]) {
    view.setUint16(at, v, true);
    at += 2;
  }
  for (const v of [e.crc, e.data.length, e.size]) {
    view.setUint32(at, v, true);
    at += 4;
  }
  view.setUint16(at, e.name.length, true); // extra length (and comment, disk, attributes) stay 0
  if (central) view.setUint32(42, offset, true);
  out.set(e.name, central ? 46 : 30);
  return out;
}

export function rezip(zip: Uint8Array, changed: ReadonlyMap<string, Uint8Array>): Uint8Array | undefined {
  const entries = readEntries(zip);
  if (!entries) return undefined;
  for (const [name, content] of changed) entries.set(name, deflated(name, content));
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries.values()) {
    const local = header(e, false, 0);
    central.push(header(e, true, offset));
    parts.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const directoryStart = offset;
  const directoryLength = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, EOCD, true);
  view.setUint16(8, entries.size, true);
  view.setUint16(10, entries.size, true);
  view.setUint32(12, directoryLength, true);
  view.setUint32(16, directoryStart, true);
  if (entries.size > 0xfffe || directoryStart + directoryLength > MAX32) return undefined;
  const out = new Uint8Array(directoryStart + directoryLength + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

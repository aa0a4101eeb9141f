/**
 * A zip package read entry by entry under the limits: the central directory (zip64 too) is
 * parsed here, and each entry is inflated with fflate's streaming Inflate, so a size is
 * checked before anything is allocated (declared size) and while inflating (actual size).
 * Only the entries asked for are ever inflated.
 */
import { Inflate, inflateSync } from "fflate";
import { Deadline, LIMITS, WorkbookRejected, reject, rejectEntrySize, rejectTotalSize } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Compressed bytes fed to the streaming inflater at a time: one push produces at most ~4 MB (deflate's 1032:1). */
const CHUNK = 4 * 1024;
/**
 * Entries up to this compressed size (all of a template's) are inflated in one go: even a lying
 * one then costs at most ~16 MB of inflating into nothing; larger ones are streamed and stop at the limit.
 */
const ONE_GO = 16 * 1024;
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const damaged = (file: string): never => reject("notAWorkbook", file);

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

/** The end-of-central-directory record: searched backwards past a comment of at most 64 KB. */
function findEnd(view: DataView): number {
  for (let at = view.byteLength - 22; at >= 0 && at >= view.byteLength - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** The entries of the central directory; a broken structure is "not a workbook". */
export function listEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return damaged(file);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === MAX32) {
    // zip64: the locator just before the record points at the zip64 end record.
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR) return damaged(file);
    const end64 = u64(view, locator + 8);
    if (end64 + 56 > bytes.length || view.getUint32(end64, true) !== EOCD64) return damaged(file);
    count = u64(view, end64 + 32);
    offset = u64(view, end64 + 48);
  }
  if (count > LIMITS.zipEntries) reject("zipTooManyEntries", file, { count, max: LIMITS.zipEntries });
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return damaged(file);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) return damaged(file);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset too large for 32 bits are in the zip64 extra field (id 1), in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry) {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (entry[key] !== MAX32) continue;
        if (field + 8 > at + 4 + size) break;
        entry[key] = u64(view, field);
        field += 8;
      }
    }
    at += 4 + size;
  }
}

/** One file's zip: entries by name, inflated on request, with the total counted across requests. */
export class ZipPackage {
  readonly entries: Map<string, ZipEntry>;
  private inflated = 0;
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly file: string,
    /** The file's time limit, checked while inflating and by the readers of its entries. */
    readonly deadline: Deadline = new Deadline(file),
  ) {
    this.entries = new Map(listEntries(bytes, file).map((e) => [e.name, e]));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or undefined when there is no such entry; inflated once, however often asked for. */
  read(name: string): Uint8Array | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const out = this.inflateEntry(name);
    if (out) this.cache.set(name, out);
    return out;
  }

  private inflateEntry(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.size > LIMITS.entryBytes) rejectEntrySize(this.file, name);
    if (this.inflated + entry.size > LIMITS.totalBytes) rejectTotalSize(this.file);
    if (entry.flags & 1) damaged(this.file);
    const data = this.compressed(entry);
    const out =
      entry.method === 0
        ? data.slice()
        : entry.method === 8
          ? ((data.length <= ONE_GO ? this.inflateDeclared(data, entry.size) : undefined) ??
            this.inflate(data, name))
          : damaged(this.file);
    this.inflated += out.length;
    if (this.inflated > LIMITS.totalBytes) rejectTotalSize(this.file);
    return out;
  }

  /** The entry as UTF-8 text. */
  text(name: string): string | undefined {
    const data = this.read(name);
    return data && new TextDecoder().decode(data);
  }

  private compressed(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL) return damaged(this.file);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > this.bytes.length) return damaged(this.file);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /**
   * The fast way, in one buffer of the declared size and one byte more: fflate writes nothing
   * past a buffer it is given, so a full buffer means the entry inflates to more than it
   * declares, and undefined sends it the slow way, streamed and measured.
   */
  private inflateDeclared(data: Uint8Array, size: number): Uint8Array | undefined {
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(size + 1) });
    } catch {
      return damaged(this.file);
    }
    return out.length <= size ? out : undefined;
  }

  /** Streamed in small pieces, the size counted as it grows: a lying entry stops at the limit. */
  private inflate(data: Uint8Array, name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const budget = Math.min(LIMITS.entryBytes, LIMITS.totalBytes - this.inflated);
    const inflater = new Inflate((chunk) => {
      this.deadline.check();
      length += chunk.length;
      if (length > LIMITS.entryBytes) rejectEntrySize(this.file, name);
      if (length > budget) rejectTotalSize(this.file);
      chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length; at += CHUNK)
        inflater.push(data.subarray(at, Math.min(at + CHUNK, data.length)), at + CHUNK >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof WorkbookRejected) throw e;
      return damaged(this.file);
    }
    const [only] = chunks;
    if (chunks.length === 1 && only) return only;
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

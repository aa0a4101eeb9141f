/**
 * Reads a unit's filled workbook with SheetJS: metadata first, then every input by its
 * defined name U_<id>. It survives what units do to files: inserted rows and renamed sheets
 * (Excel moves the names along), lost names (falls back to the measure's label and says so),
 * numbers typed as text, error values, files saved by LibreOffice, .xls and .ods.
 * A file it cannot use is rejected with one Swedish problem; it never throws on bad input.
 */
import * as XLSX from "xlsx";
import type { Catalog, RawCell } from "../core/model";
import { zipSync } from "fflate";
import { buildReport, fileProblem, identify, type ReadOutcome } from "./identify";
import { LIMITS, WorkbookRejected, reject, rejectFileSize } from "./limits";
import { ZipPackage } from "./zip";
import { targetedBook } from "./targetedRead";
import { COLUMNS, HEADERS, META_KEYS, META_SHEET, definedName, metaName, rowsFor, type MetaKey } from "./layout";

export type { ReadOutcome } from "./identify";

/** What kind of container the bytes are, from their first bytes. */
function sniff(bytes: Uint8Array): "zip" | "cfb" | "other" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "zip";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "cfb";
  return "other";
}

/**
 * Runs a SheetJS call with the console muted: it prints English notes such as "ODS number format
 * may be incorrect" (one per conditional format of a LibreOffice file) that say nothing to a user
 * and nothing about the values read.
 */
function quietly<T>(read: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return read();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

/** SheetJS's parse of bytes already checked: a zip rebuilt from capped entries, or an .xls. */
function parseChecked(bytes: Uint8Array, file: string): XLSX.WorkBook {
  try {
    return quietly(() => XLSX.read(bytes, { type: "array", cellDates: true, cellNF: true, cellStyles: false, bookVBA: false, WTF: false }));
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/password|encrypt/i.test(message)) return reject("passwordProtected", file);
    return reject("notAWorkbook", file);
  }
}

/** An OLE container (.xls, or an encrypted .xlsx with an EncryptedPackage stream). */
function parseCfb(bytes: Uint8Array, file: string): XLSX.WorkBook {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: "array" });
    if (XLSX.CFB.find(cfb, "EncryptedPackage") || XLSX.CFB.find(cfb, "EncryptionInfo")) return reject("passwordProtected", file);
  } catch (e) {
    if (e instanceof WorkbookRejected) throw e;
    return reject("notAWorkbook", file);
  }
  return parseChecked(bytes, file);
}

/** Pictures, embedded files, printer settings and macros: SheetJS does not need them, so they are never inflated. */
const UNUSED_ENTRY = /(^|\/)(media|embeddings|printerSettings)\/|vbaProject\.bin$|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$/i;

/** The whole zip for SheetJS, every entry inflated under the limits and stored again with true sizes. */
function parseZip(zip: ZipPackage): XLSX.WorkBook {
  const files: Record<string, Uint8Array> = {};
  for (const name of zip.entries.keys()) {
    if (name.endsWith("/") || UNUSED_ENTRY.test(name)) continue;
    files[name] = zip.read(name)!;
  }
  let rebuilt: Uint8Array;
  try {
    rebuilt = zipSync(files, { level: 0 });
  } catch {
    return reject("notAWorkbook", zip.file);
  }
  return parseChecked(rebuilt, zip.file);
}

// ---------------------------------------------------------------------------
// Cells

/** A cell's value, as SheetJS gives it. */
export type Cell = XLSX.CellObject;

function rawOf(cell: Cell | undefined, asPercent = false): RawCell {
  if (!cell || cell.t === "z") return null;
  switch (cell.t) {
    case "e":
      return { error: cell.w ?? XLSX.utils.format_cell(cell) ?? "#FEL" };
    case "d":
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case "b":
      return Boolean(cell.v);
    case "n":
      // A number shown as a percentage (0,45 formatted 45 %) means 45 for a percent measure.
      return asPercent && typeof cell.z === "string" && cell.z.includes("%") ? Number(cell.v) * 100 : Number(cell.v);
    default:
      return cell.v === undefined || cell.v === null ? null : String(cell.v);
  }
}

function textAt(book: Book, sheet: string, r: number, c: number): string {
  const v = book.cell(sheet, r, c)?.v;
  return v === undefined || v === null ? "" : String(v);
}

/**
 * A workbook as the reader uses it, whichever way it was read: SheetJS's full parse, or the
 * targeted scan of the named cells (targetedRead.ts), which throws NeedsFullRead for what only
 * the full parse can do (every cell of a sheet, for labels; dates; odd producers).
 */
export interface Book {
  sheetNames: readonly string[];
  /** Workbook-scoped defined names, lower case → reference. */
  names: Map<string, string>;
  hasSheet(sheet: string): boolean;
  cell(sheet: string, r: number, c: number): Cell | undefined;
  /** Every cell with content, row by row, under the scan limits; the first row of the sheet's range. */
  scan(sheet: string): { firstRow: number; cells: { r: number; c: number; cell: Cell }[] };
}

/** Thrown by a targeted Book for what needs the full parse. */
export class NeedsFullRead extends Error {}

/** SheetJS's parse as a Book; scanning counts rows and cells against the limits. */
function sheetjsBook(wb: XLSX.WorkBook, file: string): Book {
  if (wb.SheetNames.length > LIMITS.sheets) reject("tooManySheets", file, { count: wb.SheetNames.length, max: LIMITS.sheets });
  const names = new Map<string, string>();
  for (const n of wb.Workbook?.Names ?? []) {
    if (n.Sheet === undefined || n.Sheet === null) names.set(n.Name.toLowerCase(), n.Ref);
  }
  const hasSheet = (sheet: string) => wb.SheetNames.includes(sheet);
  // SheetJS leaves a sheet it cannot parse out of wb.Sheets (but in SheetNames): a sheet the reader needs then refuses the file.
  const sheetOf = (sheet: string): XLSX.WorkSheet =>
    (Object.prototype.hasOwnProperty.call(wb.Sheets, sheet) ? wb.Sheets[sheet] : undefined) ?? reject("unreadableFile", file, { reason: `bladet ${sheet} är skadat och gick inte att läsa, så filen används inte` });
  return {
    sheetNames: wb.SheetNames,
    names,
    hasSheet,
    cell: (sheet, r, c) => (hasSheet(sheet) ? (sheetOf(sheet)[XLSX.utils.encode_cell({ r, c })] as Cell | undefined) : undefined),
    scan(sheet) {
      const ws = sheetOf(sheet);
      // The cells that exist, not the declared range: a <dimension> of A1:XFD1048576 is 17 billion cells.
      const keys = Object.keys(ws).filter((k) => k[0] !== "!");
      const tooLarge = () => reject("sheetTooLargeToScan", file, { sheet, maxRows: LIMITS.scanRows, maxCells: LIMITS.scanCells });
      if (keys.length > LIMITS.scanCells) tooLarge();
      const cells = keys.map((k) => ({ ...XLSX.utils.decode_cell(k), cell: ws[k] as Cell })).sort((a, b) => a.r - b.r || a.c - b.c);
      if (new Set(cells.map((x) => x.r)).size > LIMITS.scanRows) tooLarge();
      return { firstRow: XLSX.utils.decode_range(ws["!ref"] ?? "A1").s.r, cells };
    },
  };
}

// ---------------------------------------------------------------------------
// Defined names

interface Target {
  sheet: string;
  range: XLSX.Range;
}

/** SheetJS leaves XML escapes in the names it reads from .ods files: "&apos;Grundläggande uppföljning&apos;!$C$5". */
const XML_ESCAPES: Record<string, string> = { "&apos;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&amp;": "&" };
const unescapeXml = (text: string) => text.replace(/&(?:apos|quot|lt|gt|amp);/g, (e) => XML_ESCAPES[e]!);

/** "'Verksamhetsmått'!$C$7" or "Blad!$C$12:$C$20" → sheet and range; undefined for #REF! and the like. */
export function parseRef(ref: string): Target | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(unescapeXml(ref.trim()));
  if (!m) return undefined;
  const sheet = (m[1] ?? m[2])!.replace(/''/g, "'");
  try {
    return { sheet, range: XLSX.utils.decode_range(m[3]!.replace(/\$/g, "")) };
  } catch {
    return undefined;
  }
}

/** The cells a name points at, refused past the limit (a name on A1:XFD1048576 is 17 billion cells). */
function rangeCells(target: Target, name: string, ref: string, file: string): { r: number; c: number }[] {
  const { s, e } = target.range;
  const count = (e.r - s.r + 1) * (e.c - s.c + 1);
  if (count > LIMITS.nameCells) reject("nameRangeTooLarge", file, { name, cells: count, ref, max: LIMITS.nameCells });
  const out: { r: number; c: number }[] = [];
  for (let r = s.r; r <= e.r; r++) for (let c = s.c; c <= e.c; c++) out.push({ r, c });
  return out;
}

function a1(target: Target): string {
  const { s, e } = target.range;
  return s.r === e.r && s.c === e.c ? XLSX.utils.encode_cell(s) : XLSX.utils.encode_range(target.range);
}

// ---------------------------------------------------------------------------
// Metadata

function readMeta(book: Book): Partial<Record<MetaKey, string>> {
  const meta: Partial<Record<MetaKey, string>> = {};
  for (const key of META_KEYS) {
    const target = parseRef(book.names.get(metaName(key).toLowerCase()) ?? "");
    if (target && book.hasSheet(target.sheet)) meta[key] = textAt(book, target.sheet, target.range.s.r, target.range.s.c).trim();
  }
  // Names lost: the metadata sheet itself, key in column A and value in column B.
  if (book.hasSheet(META_SHEET) && META_KEYS.some((k) => meta[k] === undefined)) {
    const keys = book.scan(META_SHEET).cells.filter((x) => x.c === 0);
    for (const { r } of keys) {
      const key = textAt(book, META_SHEET, r, 0).trim() as MetaKey;
      if ((META_KEYS as readonly string[]).includes(key) && meta[key] === undefined) meta[key] = textAt(book, META_SHEET, r, 1).trim();
    }
  }
  return meta;
}

// ---------------------------------------------------------------------------
// Fallback: find a measure by its label when its name is gone.

const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

interface LabelIndex {
  find(label: string): { sheet: string; r: number; valueColumn: number } | undefined;
}

const cellText = (cell: Cell) => (cell.v === undefined || cell.v === null ? "" : String(cell.v));

function labelIndex(book: Book): LabelIndex {
  const index = new Map<string, { sheet: string; r: number; valueColumn: number }>();
  const header = norm(HEADERS[COLUMNS.value - 1]!);
  for (const sheet of book.sheetNames) {
    if (sheet === META_SHEET) continue;
    const { firstRow, cells } = book.scan(sheet);
    // The value column is the one headed "Värde" (columns may have been inserted), else the one after the label.
    // The first row (of the first 21) with such a header counts; in it, the rightmost.
    let valueHeader: number | undefined;
    let headerRow: number | undefined;
    for (const { r, c, cell } of cells) {
      if (r > firstRow + 20 || (headerRow !== undefined && r !== headerRow)) continue;
      if (norm(cellText(cell)) === header) {
        headerRow = r;
        valueHeader = c;
      }
    }
    for (const { r, c, cell } of cells) {
      const t = norm(cellText(cell));
      if (t.length > 3 && !index.has(t)) index.set(t, { sheet, r, valueColumn: valueHeader !== undefined && valueHeader > c ? valueHeader : c + 1 });
    }
  }
  return { find: (label) => index.get(norm(label)) };
}

// ---------------------------------------------------------------------------

/**
 * Reads a unit's workbook: zip files through the targeted scan of the named cells, falling
 * back to SheetJS's full parse for what needs it; .xls through SheetJS. Every limit is checked
 * before the work it bounds; a file past one is rejected, never read in part.
 */
export function readUnitWorkbook(bytes: Uint8Array, file: string, catalog: Catalog, how: "auto" | "full" = "auto"): ReadOutcome {
  try {
    const zip = openChecked(bytes, file);
    if (!zip) return readBook(sheetjsBook(parseCfb(bytes, file), file), file, catalog);
    if (how === "auto") {
      const targeted = readTargeted(zip, file, catalog);
      if (targeted) return targeted;
    }
    return readBook(sheetjsBook(parseZip(zip), file), file, catalog);
  } catch (e) {
    if (e instanceof WorkbookRejected) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** The targeted read alone: undefined when the file needs the full parse (tests compare the two). */
export function readTargeted(zip: ZipPackage, file: string, catalog: Catalog): ReadOutcome | undefined {
  try {
    return readBook(targetedBook(zip), file, catalog);
  } catch (e) {
    // A limit is the file's rejection either way; anything else the scan cannot handle, the full parse reads.
    if (e instanceof WorkbookRejected) throw e;
    return undefined;
  }
}

/** Checks size and kind; the zip package of a zip file, undefined for an OLE container (.xls). */
export function openChecked(bytes: Uint8Array, file: string): ZipPackage | undefined {
  if (bytes.length === 0) return reject("emptyFile", file);
  if (bytes.length > LIMITS.fileBytes) return rejectFileSize(file, bytes.length);
  const kind = sniff(bytes);
  if (kind === "other") return reject("notAWorkbook", file);
  if (kind === "cfb") return undefined;
  const zip = new ZipPackage(bytes, file);
  const sheets = countSheets(zip);
  if (sheets > LIMITS.sheets) reject("tooManySheets", file, { count: sheets, max: LIMITS.sheets });
  return zip;
}

/** Sheets declared by an .xlsx or .ods, counted before anything is parsed (0 when neither). */
function countSheets(zip: ZipPackage): number {
  const workbook = zip.text("xl/workbook.xml");
  if (workbook !== undefined) return workbook.match(/<(?:\w+:)?sheet\b/g)?.length ?? 0;
  const content = zip.has("content.xml") && zip.has("mimetype") ? zip.text("content.xml") : undefined;
  return content?.match(/<table:table[\s>/]/g)?.length ?? 0;
}

function readBook(book: Book, file: string, catalog: Catalog): ReadOutcome {
  const meta = readMeta(book);
  if (book.sheetNames.length === 0) return { ok: false, problem: fileProblem("emptyFile", file) };
  const identity = identify(meta, file, catalog);
  if (!identity.ok) return identity;
  let labels: LabelIndex | undefined;
  return buildReport(identity, file, (measure) => {
    const asPercent = measure.type === "percent";
    const name = definedName(measure.id);
    const ref = book.names.get(name.toLowerCase()) ?? "";
    const target = parseRef(ref);
    if (target && book.hasSheet(target.sheet)) {
      const cells = rangeCells(target, name, ref, file);
      return { values: cells.map(({ r, c }) => rawOf(book.cell(target.sheet, r, c), asPercent)), location: { file, sheet: target.sheet, cell: a1(target) }, cells: cells.map((p) => XLSX.utils.encode_cell(p)) };
    }
    // The name is gone (or points nowhere): look for the measure's label instead, and say so.
    labels ??= labelIndex(book);
    const found = labels.find(measure.label);
    if (!found) return undefined;
    const rows = measure.type === "daysList" ? Array.from({ length: rowsFor(measure) - 1 }, (_, i) => found.r + 1 + i) : [found.r];
    const first = XLSX.utils.encode_cell({ r: rows[0]!, c: found.valueColumn });
    const cell = rows.length > 1 ? `${first}:${XLSX.utils.encode_cell({ r: rows[rows.length - 1]!, c: found.valueColumn })}` : first;
    const location = { file, sheet: found.sheet, cell };
    return {
      values: rows.map((r) => rawOf(book.cell(found.sheet, r, found.valueColumn), asPercent)),
      location,
      cells: rows.map((r) => XLSX.utils.encode_cell({ r, c: found.valueColumn })),
      note: { code: "nameMissingUsedLabel", severity: "varning", measureId: measure.id, location, params: { name: definedName(measure.id), measure: measure.label } },
    };
  });
}

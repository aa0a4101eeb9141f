/**
 * Reads a unit's filled workbook with SheetJS: metadata first, then every input by its
 * defined name U_<id>. It survives what units do to files: inserted rows and renamed sheets
 * (Excel moves the names along), lost names (falls back to the measure's label and says so),
 * numbers typed as text, error values, files saved by LibreOffice, .xls and .ods.
 * A file it cannot use is rejected with one Swedish problem; it never throws on bad input.
 */
import type * as XLSX from "xlsx";
import type { Catalog, RawCell } from "../core/model";
import { zipSync } from "fflate";
import type { ReadOutcome } from "./identify";
import { readCells, type CellAccess } from "./cellAccess";
import { decodeRange, parseAddress } from "./a1";
import { Deadline, LIMITS, WorkbookRejected, reject, rejectFileSize, rejectFullReadSize } from "./limits";
import { ZipPackage } from "./zip";
import { targetedBook } from "./targetedRead";
import { NeedsFullRead, type Book, type Cell } from "./book";

export { NeedsFullRead, type Book, type Cell };
import { sheetjs } from "./sheetjs";
import { decodeCell, decodeRange as decodeSheetRange, encodeCell } from "./cellAddress";
import { present } from "../core/invariant";

export type { ReadOutcome } from "./identify";

/** What kind of container the bytes are, from their first bytes. */
export function sniff(bytes: Uint8Array): "zip" | "cfb" | "other" {
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
    return quietly(() =>
      sheetjs().read(bytes, {
        type: "array",
        cellDates: true,
        cellNF: true,
        cellStyles: false,
        bookVBA: false,
        WTF: false,
      }),
    );
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/password|encrypt/i.test(message)) return reject("passwordProtected", file);
    return reject("notAWorkbook", file);
  }
}

/** An OLE container (.xls, or an encrypted .xlsx with an EncryptedPackage stream). */
function parseCfb(bytes: Uint8Array, file: string): XLSX.WorkBook {
  try {
    const { CFB } = sheetjs();
    const cfb = CFB.read(bytes, { type: "array" });
    if (CFB.find(cfb, "EncryptedPackage") || CFB.find(cfb, "EncryptionInfo"))
      return reject("passwordProtected", file);
  } catch (e) {
    if (e instanceof WorkbookRejected) throw e;
    return reject("notAWorkbook", file);
  }
  if (bytes.length > LIMITS.fullReadBytes) rejectFullReadSize(file);
  return parseChecked(bytes, file);
}

/** Pictures, embedded files, printer settings and macros: SheetJS does not need them, so they are never inflated. */
const UNUSED_ENTRY =
  /(^|\/)(media|embeddings|printerSettings)\/|vbaProject\.bin$|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$/i;

/** The whole zip for SheetJS, every entry inflated under the limits and stored again with true sizes. */
function parseZip(zip: ZipPackage): XLSX.WorkBook {
  const files: Record<string, Uint8Array> = {};
  let fullReadBytes = 0;
  for (const name of zip.entries.keys()) {
    if (name.endsWith("/") || UNUSED_ENTRY.test(name)) continue;
    zip.deadline.check();
    const data = present(zip.read(name), `${name} i zip-filen`);
    files[name] = data;
    if ((fullReadBytes += data.length) > LIMITS.fullReadBytes) rejectFullReadSize(zip.file);
  }
  let rebuilt: Uint8Array;
  try {
    rebuilt = zipSync(files, { level: 0 });
  } catch {
    return reject("notAWorkbook", zip.file);
  }
  const parsed = parseChecked(rebuilt, zip.file);
  // SheetJS's parse cannot be interrupted: a file that took too long is rejected once it returns.
  zip.deadline.check();
  return parsed;
}

// ---------------------------------------------------------------------------
// Cells

function rawOf(cell: Cell | undefined, asPercent = false): RawCell {
  if (!cell || cell.t === "z") return null;
  switch (cell.t) {
    case "e":
      return { error: cell.w ?? sheetjs().utils.format_cell(cell) ?? "#FEL" };
    case "d":
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case "b":
      return Boolean(cell.v);
    case "n":
      // A number shown as a percentage (0,45 formatted 45 %) means 45 for a percent measure.
      return asPercent && typeof cell.z === "string" && cell.z.includes("%")
        ? Number(cell.v) * 100
        : Number(cell.v);
    default:
      return cell.v === undefined || cell.v === null ? null : String(cell.v);
  }
}

/** SheetJS's parse as a Book; scanning counts rows and cells against the limits. */
function sheetjsBook(wb: XLSX.WorkBook, file: string, deadline: Deadline): Book {
  if (wb.SheetNames.length > LIMITS.sheets)
    reject("tooManySheets", file, { count: wb.SheetNames.length, max: LIMITS.sheets });
  const names = new Map<string, string>();
  for (const n of wb.Workbook?.Names ?? []) {
    // A damaged <definedName> may lack its name or reference (found by fuzzing): it names nothing.
    if (
      (n.Sheet === undefined || n.Sheet === null) &&
      typeof n.Name === "string" &&
      typeof n.Ref === "string"
    )
      names.set(n.Name.toLowerCase(), n.Ref);
  }
  const hasSheet = (sheet: string) => wb.SheetNames.includes(sheet);
  // SheetJS leaves a sheet it cannot parse out of wb.Sheets (but in SheetNames): a sheet the reader needs then refuses the file.
  const sheetOf = (sheet: string): XLSX.WorkSheet =>
    (Object.prototype.hasOwnProperty.call(wb.Sheets, sheet) ? wb.Sheets[sheet] : undefined) ??
    reject("unreadableFile", file, {
      reason: `bladet ${sheet} är skadat och gick inte att läsa, så filen används inte`,
    });
  return {
    sheetNames: wb.SheetNames,
    names,
    hasSheet,
    cell: (sheet, r, c) =>
      hasSheet(sheet) ? (sheetOf(sheet)[encodeCell({ r, c })] as Cell | undefined) : undefined,
    scan(sheet) {
      deadline.check();
      const ws = sheetOf(sheet);
      // The cells that exist, not the declared range: a <dimension> of A1:XFD1048576 is 17 billion cells.
      const keys = Object.keys(ws).filter((k) => k[0] !== "!");
      const tooLarge = () =>
        reject("sheetTooLargeToScan", file, { sheet, maxRows: LIMITS.scanRows, maxCells: LIMITS.scanCells });
      if (keys.length > LIMITS.scanCells) tooLarge();
      const cells = keys
        .map((k) => ({ ...decodeCell(k), cell: ws[k] as Cell }))
        .sort((a, b) => a.r - b.r || a.c - b.c);
      if (new Set(cells.map((x) => x.r)).size > LIMITS.scanRows) tooLarge();
      return { firstRow: decodeSheetRange(ws["!ref"] ?? "A1").s.r, cells };
    },
  };
}

// ---------------------------------------------------------------------------
// Defined names

/** SheetJS leaves XML escapes in the names it reads from .ods files: "&apos;Grundläggande uppföljning&apos;!$C$5". */
const XML_ESCAPES: Record<string, string> = {
  "&apos;": "'",
  "&quot;": '"',
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};
const unescapeXml = (text: string) => text.replace(/&(?:apos|quot|lt|gt|amp);/g, (e) => XML_ESCAPES[e] ?? e);

/** "'Verksamhetsmått'!$C$7" or "Blad!$C$12:$C$20" → sheet and range; undefined for #REF! and the like. */
export function parseRef(ref: string): { sheet: string; range: XLSX.Range } | undefined {
  const address = parseAddress(unescapeXml(ref));
  const range = address && decodeRange(address.cell);
  if (!address || !range) return undefined;
  return {
    sheet: address.sheet,
    range: { s: { r: range.start.row, c: range.start.col }, e: { r: range.end.row, c: range.end.col } },
  };
}

/** A cell as text; a number too large for a double (1e309 reads as Infinity) is no value a person wrote, so blank. */
const textOf = (cell: Cell | undefined) =>
  cell?.v === undefined || cell.v === null || (typeof cell.v === "number" && !Number.isFinite(cell.v))
    ? ""
    : String(cell.v);

/** A Book as the shared reading sees it (cellAccess.ts). */
function accessOf(book: Book, deadline: Deadline): CellAccess {
  return {
    sheetNames: book.sheetNames,
    hasSheet: (sheet) => book.hasSheet(sheet),
    reference: (name) => {
      const ref = book.names.get(name.toLowerCase());
      return ref === undefined ? undefined : unescapeXml(ref.trim());
    },
    // SheetJS lists a name holding a value with that value as its Ref; the templates never write one.
    constant: () => undefined,
    text: (sheet, r, c) => textOf(book.cell(sheet, r, c)),
    raw: (sheet, r, c, asPercent) => rawOf(book.cell(sheet, r, c), asPercent),
    scan: (sheet) => {
      const { firstRow, cells } = book.scan(sheet);
      return {
        firstRow,
        cells: cells.map(({ r, c, cell }) => {
          deadline.check();
          return { r, c, text: textOf(cell) };
        }),
      };
    },
  };
}

// ---------------------------------------------------------------------------

/**
 * Reads a unit's workbook: zip files through the targeted scan of the named cells, falling
 * back to SheetJS's full parse for what needs it; .xls through SheetJS. Every limit is checked
 * before the work it bounds; a file past one is rejected, never read in part.
 */
export function readUnitWorkbook(
  bytes: Uint8Array,
  file: string,
  catalog: Catalog,
  how: "auto" | "full" = "auto",
): ReadOutcome {
  try {
    const deadline = new Deadline(file);
    const zip = openChecked(bytes, file, deadline);
    if (!zip) {
      const wb = parseCfb(bytes, file);
      deadline.check();
      return readBook(sheetjsBook(wb, file, deadline), file, catalog, deadline);
    }
    if (how === "auto") {
      const targeted = readTargeted(zip, file, catalog);
      if (targeted) return targeted;
    }
    return readBook(sheetjsBook(parseZip(zip), file, deadline), file, catalog, deadline);
  } catch (e) {
    if (e instanceof WorkbookRejected) return { ok: false, problem: e.problem };
    throw e;
  }
}

/** SheetJS's parse of any workbook file under the same limits as a unit's (for level-2 workbooks read back). Throws WorkbookRejected. */
export function parseWorkbookChecked(bytes: Uint8Array, file: string): XLSX.WorkBook {
  const zip = openChecked(bytes, file);
  return zip ? parseZip(zip) : parseCfb(bytes, file);
}

/** The targeted read alone: undefined when the file needs the full parse. */
function readTargeted(zip: ZipPackage, file: string, catalog: Catalog): ReadOutcome | undefined {
  try {
    return readBook(targetedBook(zip), file, catalog, zip.deadline);
  } catch (e) {
    // A limit is the file's rejection either way; anything else the scan cannot handle, the full parse reads.
    if (e instanceof WorkbookRejected) throw e;
    return undefined;
  }
}

/** Checks size and kind; the zip package of a zip file, undefined for an OLE container (.xls). */
function openChecked(bytes: Uint8Array, file: string, deadline = new Deadline(file)): ZipPackage | undefined {
  if (bytes.length === 0) return reject("emptyFile", file);
  if (bytes.length > LIMITS.fileBytes) return rejectFileSize(file, bytes.length);
  const kind = sniff(bytes);
  if (kind === "other") return reject("notAWorkbook", file);
  if (kind === "cfb") return undefined;
  const zip = new ZipPackage(bytes, file, deadline);
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

function readBook(book: Book, file: string, catalog: Catalog, deadline: Deadline): ReadOutcome {
  return readCells(accessOf(book, deadline), file, catalog);
}

/**
 * Reads a unit's filled workbook with SheetJS: metadata first, then every input by its
 * defined name U_<id>. It survives what units do to files: inserted rows and renamed sheets
 * (Excel moves the names along), lost names (falls back to the measure's label and says so),
 * numbers typed as text, error values, files saved by LibreOffice, .xls and .ods.
 * A file it cannot use is rejected with one Swedish problem; it never throws on bad input.
 */
import * as XLSX from "xlsx";
import type { Catalog, Problem, RawCell } from "../core/model";
import { buildReport, fileProblem, identify, type ReadOutcome } from "./identify";
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

function parseWorkbook(bytes: Uint8Array, file: string): XLSX.WorkBook | Problem {
  if (bytes.length === 0) return fileProblem("emptyFile", file);
  const kind = sniff(bytes);
  if (kind === "other") return fileProblem("notAWorkbook", file);
  if (kind === "cfb") {
    // An encrypted .xlsx is an OLE container with an EncryptedPackage stream.
    try {
      const cfb = XLSX.CFB.read(bytes, { type: "array" });
      if (XLSX.CFB.find(cfb, "EncryptedPackage") || XLSX.CFB.find(cfb, "EncryptionInfo")) return fileProblem("passwordProtected", file);
    } catch {
      return fileProblem("notAWorkbook", file);
    }
  }
  try {
    return quietly(() => XLSX.read(bytes, { type: "array", cellDates: true, cellNF: true, cellStyles: false, bookVBA: false, WTF: false }));
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/password|encrypt/i.test(message)) return fileProblem("passwordProtected", file);
    return fileProblem("notAWorkbook", file);
  }
}

// ---------------------------------------------------------------------------
// Cells

type Sheet = XLSX.WorkSheet;

function cellAt(ws: Sheet, r: number, c: number): XLSX.CellObject | undefined {
  const dense = (ws as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"];
  return dense ? dense[r]?.[c] : ws[XLSX.utils.encode_cell({ r, c })];
}

function rawOf(cell: XLSX.CellObject | undefined, asPercent = false): RawCell {
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

function textAt(ws: Sheet, r: number, c: number): string {
  const v = cellAt(ws, r, c)?.v;
  return v === undefined || v === null ? "" : String(v);
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

function workbookNames(wb: XLSX.WorkBook): Map<string, string> {
  const names = new Map<string, string>();
  for (const n of wb.Workbook?.Names ?? []) {
    if (n.Sheet === undefined || n.Sheet === null) names.set(n.Name.toLowerCase(), n.Ref);
  }
  return names;
}

function rangeCells(target: Target): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (let r = target.range.s.r; r <= target.range.e.r; r++) for (let c = target.range.s.c; c <= target.range.e.c; c++) out.push({ r, c });
  return out;
}

function a1(target: Target): string {
  const { s, e } = target.range;
  return s.r === e.r && s.c === e.c ? XLSX.utils.encode_cell(s) : XLSX.utils.encode_range(target.range);
}

// ---------------------------------------------------------------------------
// Metadata

function readMeta(wb: XLSX.WorkBook, names: Map<string, string>): Partial<Record<MetaKey, string>> {
  const meta: Partial<Record<MetaKey, string>> = {};
  for (const key of META_KEYS) {
    const target = parseRef(names.get(metaName(key).toLowerCase()) ?? "");
    const ws = target && wb.Sheets[target.sheet];
    if (ws && target) meta[key] = textAt(ws, target.range.s.r, target.range.s.c).trim();
  }
  // Names lost: the metadata sheet itself, key in column A and value in column B.
  const ws = wb.Sheets[META_SHEET];
  if (ws && META_KEYS.some((k) => meta[k] === undefined)) {
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
    for (let r = range.s.r; r <= range.e.r; r++) {
      const key = textAt(ws, r, 0).trim() as MetaKey;
      if ((META_KEYS as readonly string[]).includes(key) && meta[key] === undefined) meta[key] = textAt(ws, r, 1).trim();
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

function labelIndex(wb: XLSX.WorkBook): LabelIndex {
  const index = new Map<string, { sheet: string; r: number; valueColumn: number }>();
  for (const sheet of wb.SheetNames) {
    if (sheet === META_SHEET) continue;
    const ws = wb.Sheets[sheet]!;
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
    // The value column is the one headed "Värde" (columns may have been inserted), else the one after the label.
    let valueHeader: number | undefined;
    for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + 20) && valueHeader === undefined; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) if (norm(textAt(ws, r, c)) === norm(HEADERS[COLUMNS.value - 1]!)) valueHeader = c;
    }
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        const t = norm(textAt(ws, r, c));
        if (t.length > 3 && !index.has(t)) index.set(t, { sheet, r, valueColumn: valueHeader !== undefined && valueHeader > c ? valueHeader : c + 1 });
      }
    }
  }
  return { find: (label) => index.get(norm(label)) };
}

// ---------------------------------------------------------------------------

export function readUnitWorkbook(bytes: Uint8Array, file: string, catalog: Catalog): ReadOutcome {
  const parsed = parseWorkbook(bytes, file);
  if ("code" in parsed) return { ok: false, problem: parsed };
  const wb = parsed;
  const names = workbookNames(wb);
  const meta = readMeta(wb, names);
  if (wb.SheetNames.length === 0) return { ok: false, problem: fileProblem("emptyFile", file) };
  const identity = identify(meta, file, catalog);
  if (!identity.ok) return identity;
  let labels: LabelIndex | undefined;
  return buildReport(identity, file, (measure) => {
    const asPercent = measure.type === "percent";
    const target = parseRef(names.get(definedName(measure.id).toLowerCase()) ?? "");
    const ws = target && wb.Sheets[target.sheet];
    if (target && ws) {
      const cells = rangeCells(target);
      return { values: cells.map(({ r, c }) => rawOf(cellAt(ws, r, c), asPercent)), location: { file, sheet: target.sheet, cell: a1(target) }, cells: cells.map((p) => XLSX.utils.encode_cell(p)) };
    }
    // The name is gone (or points nowhere): look for the measure's label instead, and say so.
    labels ??= labelIndex(wb);
    const found = labels.find(measure.label);
    if (!found) return undefined;
    const wsFound = wb.Sheets[found.sheet]!;
    const rows = measure.type === "daysList" ? Array.from({ length: rowsFor(measure) - 1 }, (_, i) => found.r + 1 + i) : [found.r];
    const first = XLSX.utils.encode_cell({ r: rows[0]!, c: found.valueColumn });
    const cell = rows.length > 1 ? `${first}:${XLSX.utils.encode_cell({ r: rows[rows.length - 1]!, c: found.valueColumn })}` : first;
    const location = { file, sheet: found.sheet, cell };
    return {
      values: rows.map((r) => rawOf(cellAt(wsFound, r, found.valueColumn), asPercent)),
      location,
      cells: rows.map((r) => XLSX.utils.encode_cell({ r, c: found.valueColumn })),
      note: { code: "nameMissingUsedLabel", severity: "varning", measureId: measure.id, location, params: { name: definedName(measure.id), measure: measure.label } },
    };
  });
}

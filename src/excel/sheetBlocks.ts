/**
 * For hosts without insertWorksheetsFromBase64: the level-2 workbook's sheets as one 2-D
 * block of formulas (constants or "=…") and number formats per sheet, read with SheetJS, so
 * they can be written with one range per sheet. Formulas keep working when a sheet has to be
 * renamed because the workbook already has one by that name.
 */
import type { WorkBook, CellObject } from "xlsx";
import { blockAddress, decodeRange, encodeCell, quoteSheet } from "../workbook/a1";
import { present } from "../core/invariant";

export type FormulaCell = string | number | boolean;

export interface SheetBlock {
  /** The name the sheet gets in the active workbook. */
  name: string;
  /** Where the block goes, e.g. "A1:I20"; undefined for an empty sheet. */
  address?: string;
  formulas: FormulaCell[][];
  numberFormat: string[][];
}

const MAX_SHEET_NAME = 31;

/** "Nivå 2" → "Nivå 2 (2)" when taken (Excel compares sheet names without case). */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The name each source sheet gets, unique against the workbook's sheets and each other. */
export function planSheetNames(source: readonly string[], existing: readonly string[]): Map<string, string> {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  const out = new Map<string, string>();
  for (const s of source) {
    const name = uniqueSheetName(s, taken);
    taken.add(name.toLowerCase());
    out.set(s, name);
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Points references to renamed sheets ('Ärenden'!D2 → 'Ärenden (2)'!D2), quoted or not. */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  let out = formula;
  for (const [from, to] of renames) {
    if (from === to) continue;
    const quoted = new RegExp(`'${escapeRe(from.replace(/'/g, "''"))}'!`, "gi");
    out = out.replace(quoted, `${quoteSheet(to)}!`);
    if (quoteSheet(from) === from)
      out = out.replace(new RegExp(`(?<![A-Za-z0-9_.'])${escapeRe(from)}!`, "gi"), `${quoteSheet(to)}!`);
  }
  return out;
}

/** Text Excel would turn into a number, date or formula when written through `formulas` gets a leading apostrophe. */
export function asText(s: string): string {
  return /^[=+\-'@]/.test(s) || /^[\d\s.,:/%-]+$/.test(s) || /^(true|false|sant|falskt)$/i.test(s)
    ? `'${s}`
    : s;
}

function formulaOf(cell: CellObject | undefined, renames: ReadonlyMap<string, string>): FormulaCell {
  if (!cell || cell.t === "z") return "";
  if (cell.f) return `=${renameSheetRefs(cell.f, renames)}`;
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" ? cell.v : "";
    case "b":
      return Boolean(cell.v);
    case "e":
      return cell.w === "#N/A" ? "=NA()" : "";
    case "d":
      return cell.w ?? String(cell.v);
    default:
      return cell.v === undefined || cell.v === null ? "" : asText(String(cell.v));
  }
}

function cellAt(ws: WorkBook["Sheets"][string], row: number, col: number): CellObject | undefined {
  const dense = (ws as { "!data"?: (CellObject | undefined)[][] })["!data"];
  return dense ? dense[row]?.[col] : (ws[encodeCell({ row, col })] as CellObject | undefined);
}

/** One block per sheet, in the workbook's order, with the names from `names` (source → target). */
export function sheetBlocks(wb: WorkBook, names: ReadonlyMap<string, string>): SheetBlock[] {
  return wb.SheetNames.map((source) => {
    const ws = present(wb.Sheets[source], `bladet ${source}`);
    const name = names.get(source) ?? source;
    const range = decodeRange(String(ws["!ref"] ?? ""));
    if (!range) return { name, formulas: [], numberFormat: [] };
    const formulas: FormulaCell[][] = [];
    const numberFormat: string[][] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const row: FormulaCell[] = [];
      const formats: string[] = [];
      for (let c = range.start.col; c <= range.end.col; c++) {
        const cell = cellAt(ws, r, c);
        row.push(formulaOf(cell, names));
        formats.push(typeof cell?.z === "string" ? cell.z : "General");
      }
      formulas.push(row);
      numberFormat.push(formats);
    }
    const rows = range.end.row - range.start.row + 1;
    const cols = range.end.col - range.start.col + 1;
    return { name, address: blockAddress(range.start, rows, cols), formulas, numberFormat };
  });
}

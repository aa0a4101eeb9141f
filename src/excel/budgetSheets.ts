/**
 * Every sheet of the active workbook as cells from A1, for the Ekonomi view's search for a
 * budget table. Three round trips whatever the number of sheets: the sheet names, then each
 * sheet's used range, then the values of the sheets small enough to be a budget table.
 */
import type { Cell } from "../core/finance/model";
import type { WorkbookSheets } from "../taskpane/host";
import { decodeRange } from "../workbook/a1";

/** A budget table is a few hundred cells; a sheet far larger is data of another kind and is not read. */
export const MAX_BUDGET_SHEET_CELLS = 200_000;

/** The part after "Sheet!" of an address Excel gives ("'Budget 2025'!B3:H12" → "B3:H12"). */
function cellPart(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** How many cells a used range covers counted from A1, the way it is handed on. */
export function cellsFromA1(address: string): number {
  const range = decodeRange(cellPart(address));
  return range ? (range.end.row + 1) * (range.end.col + 1) : 0;
}

/** A used range's values placed from A1: blank rows and columns before it, "" read as a blank (missing, not text). */
export function valuesFromA1(address: string, values: readonly (readonly unknown[])[]): Cell[][] {
  const range = decodeRange(cellPart(address));
  if (!range) return [];
  const cell = (v: unknown): Cell =>
    typeof v === "number" || typeof v === "boolean"
      ? v
      : v === "" || v === null || v === undefined
        ? null
        : String(v);
  const lead: Cell[] = Array.from({ length: range.start.col }, () => null);
  return [
    ...Array.from({ length: range.start.row }, () => []),
    ...values.map((row) => [...lead, ...row.map(cell)]),
  ];
}

export async function readWorkbookSheets(
  context: Excel.RequestContext,
  withWorkbookName: boolean,
  fallbackName: string,
): Promise<WorkbookSheets> {
  const wb = context.workbook;
  // Round trip 1: the sheets, the active one and the workbook's name.
  const sheets = wb.worksheets.load("items/name");
  const active = wb.worksheets.getActiveWorksheet().load("name");
  if (withWorkbookName) wb.load("name");
  await context.sync();

  // Round trip 2: how large each sheet is.
  const used = sheets.items.map((s) => ({ name: s.name, range: s.getUsedRange().load("address") }));
  await context.sync();

  // Round trip 3: the values of the sheets small enough to be a budget table.
  const small = used
    .filter((u) => cellsFromA1(u.range.address) <= MAX_BUDGET_SHEET_CELLS)
    .map((u) => ({ name: u.name, range: u.range.load("address,values") }));
  if (small.length > 0) await context.sync();
  return {
    file: (withWorkbookName && wb.name) || fallbackName,
    active: active.name,
    sheets: small.map((s) => ({ name: s.name, cells: valuesFromA1(s.range.address, s.range.values) })),
  };
}

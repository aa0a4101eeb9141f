/** The workbook as both ways of reading it give it to the reader (apart, so neither imports the other). */
import type * as XLSX from "xlsx";

/** A cell's value, as SheetJS gives it. */
export type Cell = XLSX.CellObject;

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

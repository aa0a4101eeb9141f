/**
 * A1 addresses, as the Excel API gives them ("'Verksamhetsmått'!C7", "Data!A1:I20") and as
 * defined names in files hold them ("'Blad'!$C$12:$C$20"): the one parser for both readers
 * and the writers. Kept free of SheetJS so the task pane does not load a spreadsheet library
 * to read a name.
 */
import { present } from "../core/invariant";

export interface SheetAddress {
  sheet: string;
  /** A1 cell or range without $ signs: "C7" or "C12:C211". */
  cell: string;
}

export interface CellPosition {
  /** 0-based. */
  row: number;
  /** 0-based. */
  col: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function encodeCell(p: CellPosition): string {
  return `${columnLetters(p.col + 1)}${p.row + 1}`;
}

export function decodeCell(a1: string): CellPosition | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnNumber(present(m[1], "kolumnen i en A1-adress")) - 1 };
}

/** "C12:C14" → its corners; a single cell is its own corners. */
export function decodeRange(a1: string): { start: CellPosition; end: CellPosition } | undefined {
  const [first, last, ...rest] = a1.split(":");
  if (rest.length > 0 || first === undefined) return undefined;
  const start = decodeCell(first);
  const end = last === undefined ? start : decodeCell(last);
  if (!start || !end) return undefined;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** Every single cell of an A1 range, row by row. */
export function cellsOf(a1: string): string[] {
  const range = decodeRange(a1);
  if (!range) return [];
  const out: string[] = [];
  for (let row = range.start.row; row <= range.end.row; row++)
    for (let col = range.start.col; col <= range.end.col; col++) out.push(encodeCell({ row, col }));
  return out;
}

/** "A1" and a block of rows × cols → "A1:C3". */
export function blockAddress(topLeft: CellPosition, rows: number, cols: number): string {
  const first = encodeCell(topLeft);
  return rows <= 1 && cols <= 1
    ? first
    : `${first}:${encodeCell({ row: topLeft.row + rows - 1, col: topLeft.col + cols - 1 })}`;
}

/** "'Verksamhetsmått'!$C$7" or "Blad!C12:C20" (a leading "=" allowed) → sheet and cell; undefined for #REF! and the like. */
export function parseAddress(address: string): SheetAddress | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(
    address.trim(),
  );
  if (!m) return undefined;
  const sheet = present(m[1] ?? m[2], "bladet i en adress").replace(/''/g, "'");
  const cell = present(m[3], "cellen i en adress").replace(/\$/g, "").toUpperCase();
  return decodeRange(cell) ? { sheet, cell } : undefined;
}

/** A sheet name as a formula reference prefix: quoted unless it is a plain identifier. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !decodeCell(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A1 cell addresses as SheetJS's utils encode and decode them (same results, also for odd
 * input), kept here so the targeted read of our own templates never loads SheetJS.
 */

/** 0-based row and column, as SheetJS's CellAddress. */
export interface CellAddress {
  r: number;
  c: number;
}

export interface CellRange {
  s: CellAddress;
  e: CellAddress;
}

/** "C7" → { r: 6, c: 2 }; digits and capitals are read wherever they are, "$" and the rest ignored. */
export function decodeCell(a1: string): CellAddress {
  let r = 0;
  let c = 0;
  for (let i = 0; i < a1.length; i++) {
    const code = a1.charCodeAt(i);
    if (code >= 48 && code <= 57) r = 10 * r + (code - 48);
    else if (code >= 65 && code <= 90) c = 26 * c + (code - 64);
  }
  return { r: r - 1, c: c - 1 };
}

export function encodeCell(cell: CellAddress): string {
  let s = "";
  for (let col = cell.c + 1; col; col = ((col - 1) / 26) | 0)
    s = String.fromCharCode(((col - 1) % 26) + 65) + s;
  return s + (cell.r + 1);
}

/** "C12:C20" → its first and last cell as written (not reordered); one cell is both. */
export function decodeRange(a1: string): CellRange {
  const colon = a1.indexOf(":");
  if (colon < 0) return { s: decodeCell(a1), e: decodeCell(a1) };
  return { s: decodeCell(a1.slice(0, colon)), e: decodeCell(a1.slice(colon + 1)) };
}

export function encodeRange(range: CellRange): string {
  const s = encodeCell(range.s);
  const e = encodeCell(range.e);
  return s === e ? s : `${s}:${e}`;
}

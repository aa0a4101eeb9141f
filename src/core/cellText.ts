/**
 * Text as a spreadsheet cell can hold it, for everything written to xlsx or CSV: characters XML
 * 1.0 cannot carry (control characters, U+FFFE/U+FFFF, lone surrogates) are removed, since one
 * of them makes Excel and LibreOffice refuse or blank the whole file, and text longer than
 * Excel's 32 767 characters a cell is cut, with a note saying so.
 */
export const EXCEL_CELL_LIMIT = 32_767;

/** Everything outside XML 1.0's Char production; with the u flag a lone surrogate is matched too. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

const cutNote = (length: number) =>
  ` … [avkortad: texten är ${length.toLocaleString("sv-SE").replace(/\u00a0/g, " ")} tecken, en cell rymmer ${EXCEL_CELL_LIMIT.toLocaleString("sv-SE").replace(/\u00a0/g, " ")}]`;

/** Text fit for one cell: XML-safe and at most EXCEL_CELL_LIMIT characters (UTF-16 units, as Excel counts). */
export function cellText(text: string): string {
  const safe = xmlSafe(text);
  if (safe.length <= EXCEL_CELL_LIMIT) return safe;
  const note = cutNote(safe.length);
  let kept = safe.slice(0, EXCEL_CELL_LIMIT - note.length);
  // Never end on half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  return kept + note;
}

/** A cell's value with any text made cell-safe; numbers, dates, formulas and blanks as they are. */
export function safeCellValue<T>(value: T): T {
  return (typeof value === "string" ? cellText(value) : value) as T;
}

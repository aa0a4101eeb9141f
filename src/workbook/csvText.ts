/**
 * CSV files as tables of text cells: the roll-up's --csv read back (readPeriodFile) and a
 * budget table exported from the ledger (readBudgetFile).
 */

export type Table = (string | number | boolean | null)[][];

/** UTF-8 (with or without BOM) as we write it; Windows-1252 when Excel saved it as "CSV (semikolonavgränsad)". */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
  } catch {
    return fromWindows1252(new TextDecoder("windows-1252").decode(bytes));
  }
}

// Node's TextDecoder reads "windows-1252" as Latin-1, leaving bytes 0x80–0x9F as invisible
// control characters: Excel's en dash minus (0x96) would vanish and "–12 135" read as +12 135.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const fromWindows1252 = (text: string) =>
  text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));

/**
 * RFC 4180 with the separator of the header line (semicolon as we write it, comma or tab as
 * other tools may). Hand-written: SheetJS's CSV reader guesses types and reads "12,5" as text
 * or a date depending on the locale, and the format here is ours and small.
 */
export function parseCsv(text: string): Table {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
  const rows: Table = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

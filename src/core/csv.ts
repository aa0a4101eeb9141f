/**
 * CSV for Swedish Excel: semicolon separated, decimal comma, UTF-8 with BOM. Text that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) is prefixed with ' so a
 * unit's free text can never become a formula in the controller's Excel (CSV injection).
 */
import { cellText } from "./cellText";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  // Cell-safe first (no characters Excel cannot hold, at most a cell's length), then guarded.
  const text = cellText(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: readonly string[], rows: readonly (string | number | null)[][]): string {
  const lines = [headers.map(csvCell).join(";"), ...rows.map((r) => r.map(csvCell).join(";"))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

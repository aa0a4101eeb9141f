/**
 * CSV for Swedish Excel: semicolon separated, decimal comma, UTF-8 with BOM. Text that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) is prefixed with ' so a
 * unit's free text can never become a formula in the controller's Excel (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: readonly string[], rows: readonly (string | number | null)[][]): string {
  const lines = [headers.map(csvCell).join(";"), ...rows.map((r) => r.map(csvCell).join(";"))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

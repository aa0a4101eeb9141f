/**
 * A budget like the demo's, for the Ekonomi view's tests: the demo's teams (one under another
 * name, one row that is no unit), costs positive, and one planted mistake: the Summa row's
 * kostnader 10 tkr above its rows.
 */
import * as XLSX from "xlsx";

export const DEMO_LIKE_BUDGET: (string | number)[][] = [
  ["Verksamhet", "Intäkter budget 2025 (tkr)", "Kostnader budget 2025 (tkr)", "Netto budget 2025 (tkr)"],
  [],
  ["Team Norr", 500, 8000, -7500],
  ["Team Söder", 400, 7000, -6600],
  ["Öster", 300, 6000, -5700],
  ["Gemensamt", 100, 3000, -2900],
  ["Team Väster", 200, 6000, -5800],
  ["Summa", 1500, 30010, -28500],
];

export const DEMO_UNITS = ["Team Norr", "Team Söder", "Team Väster", "Team Öster"];

export function demoLikeBudget(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(DEMO_LIKE_BUDGET), "Budget");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
}

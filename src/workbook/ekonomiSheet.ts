/**
 * Writes the Ekonomi sheet (ekonomiLayout.ts) with exceljs, into the streaming or the in-memory
 * workbook alike: cells row by row (each row committed, so the streaming writer flushes it),
 * inputs yellow, level 2 green, and the deviation highlight as a conditional format so it follows
 * a corrected figure or a changed threshold without rewriting the file.
 */
import { printableSheet, type PageHeader } from "./printSetup";
import ExcelJS from "exceljs";
import { safeCellValue } from "../core/cellText";
import type { FinanceRollup } from "../core/finance";
import type { CollectedRollup } from "./collect";
import { ekonomiLayout, type EkonomiCell, type EkonomiRole, type SummaryCells } from "./ekonomiLayout";

const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const INPUT_FILL = fill("FFFFF2CC");
const HEADER_FILL = fill("FFD9E1F2");
const LEVEL2_FILL = fill("FFE2EFDA");
const HEADER_HEIGHT = 90;
/** The highlight for a deviation beyond the threshold: light red with dark red text, as Excel's own preset. */
const HIGHLIGHT: Partial<ExcelJS.Style> = {
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
  font: { color: { argb: "FF9C0006" } },
};

function cellValue(cell: EkonomiCell): ExcelJS.CellValue {
  if (cell.formula !== undefined)
    return cell.result === undefined
      ? { formula: cell.formula, date1904: false }
      : { formula: cell.formula, result: cell.result, date1904: false };
  return safeCellValue(cell.value ?? null);
}

function style(target: ExcelJS.Cell, role: EkonomiRole) {
  switch (role) {
    case "title":
      target.font = { bold: true, size: 14 };
      break;
    case "heading":
      target.font = { bold: true };
      target.fill = HEADER_FILL;
      target.alignment = { wrapText: true, vertical: "top" };
      break;
    case "input":
      target.fill = INPUT_FILL;
      break;
    case "level2":
      target.fill = LEVEL2_FILL;
      target.font = { bold: true };
      break;
    default:
      break;
  }
}

export function writeEkonomiSheet(
  wb: ExcelJS.Workbook,
  collected: CollectedRollup,
  finance: FinanceRollup,
  summary: SummaryCells,
  page: PageHeader,
  thresholdPercent?: number,
) {
  const layout = ekonomiLayout({
    uppdrag: collected.uppdrag,
    period: collected.result.period,
    units: collected.result.used,
    finance,
    summary,
    ...(thresholdPercent === undefined ? {} : { thresholdPercent }),
  });
  // Printed like the other level-2 sheets: A4 landscape, as few pages across as still read, the
  // header row and the unit column on every page.
  const ws = wb.addWorksheet(
    layout.sheet,
    printableSheet({
      ...page,
      widths: layout.columns.map((c) => c.width),
      titleRows: [layout.headerRow, layout.headerRow],
      labelColumns: 1,
      frozenRows: layout.headerRow,
    }),
  );
  layout.columns.forEach((c) => (ws.getColumn(c.col).width = c.width));
  const byRow = new Map<number, EkonomiCell[]>();
  for (const cell of layout.cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const row = ws.getRow(r);
    // The headers name täljare and nämnare at length: room for them wrapped, whatever the program does on open.
    if (r === layout.headerRow) row.height = HEADER_HEIGHT;
    for (const cell of byRow.get(r) ?? []) {
      const target = row.getCell(cell.col);
      target.value = cellValue(cell);
      if (cell.numFmt) target.numFmt = cell.numFmt;
      style(target, cell.role);
      if (cell.role === "level2" && cell.col > 1) row.getCell(1).font = { bold: true };
    }
    row.commit();
  }
  for (const h of layout.highlights)
    ws.addConditionalFormatting({
      ref: h.range,
      rules: [{ type: "expression", priority: 1, formulae: [h.formula], style: HIGHLIGHT }],
    });
}

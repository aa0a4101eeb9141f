/**
 * Writes the Ekonomi sheet (src/workbook/ekonomiLayout.ts, the same layout the exceljs writer
 * writes) into the active workbook with Office.js, in two round trips whatever the number of
 * units: the sheet names, then everything at once: one block of formulas and one of number
 * formats, the styles per role, the columns' widths and the deviation highlight as a live
 * conditional format. Formulas to the Nivå 2 sheet point at the name it has in this workbook.
 */
import type { EkonomiCell, EkonomiLayout, EkonomiRole } from "../workbook/ekonomiLayout";
import { blockAddress } from "../workbook/a1";
import { asText, renameSheetRefs, uniqueSheetName, type FormulaCell } from "./sheetBlocks";

/** The exceljs writer's colours (ekonomiSheet.ts), as Office.js takes them. */
export const EKONOMI_FILLS: Partial<Record<EkonomiRole, string>> = {
  input: "#FFF2CC",
  heading: "#D9E1F2",
  level2: "#E2EFDA",
};
const BOLD: ReadonlySet<EkonomiRole> = new Set(["title", "heading", "level2"]);
const HIGHLIGHT = { fill: "#FFC7CE", font: "#9C0006" };

export interface EkonomiBlock {
  /** "A1:P20": the used part of the sheet, from A1. */
  address: string;
  formulas: FormulaCell[][];
  numberFormat: string[][];
}

function formulaOf(cell: EkonomiCell, renames: ReadonlyMap<string, string>): FormulaCell {
  if (cell.formula !== undefined) return `=${renameSheetRefs(cell.formula, renames)}`;
  if (cell.value === undefined || cell.value === null) return "";
  return typeof cell.value === "number" ? cell.value : asText(cell.value);
}

/** The layout as one block from A1; `renames` maps the level-2 sheets' names to the names they have here. */
export function ekonomiBlock(layout: EkonomiLayout, renames: ReadonlyMap<string, string>): EkonomiBlock {
  const rows = Math.max(1, ...layout.cells.map((c) => c.row));
  const cols = Math.max(1, layout.columns.length, ...layout.cells.map((c) => c.col));
  const formulas: FormulaCell[][] = Array.from({ length: rows }, () => Array<FormulaCell>(cols).fill(""));
  const numberFormat: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const cell of layout.cells) {
    const row = formulas[cell.row - 1];
    const formats = numberFormat[cell.row - 1];
    if (!row || !formats) continue;
    row[cell.col - 1] = formulaOf(cell, renames);
    if (cell.numFmt) formats[cell.col - 1] = cell.numFmt;
  }
  return { address: blockAddress({ row: 0, col: 0 }, rows, cols), formulas, numberFormat };
}

/** Excel's column width in points for a width in characters (exceljs's unit): 7 px a character and 5 px padding. */
export const widthInPoints = (characters: number) => Math.round((characters * 7 + 5) * 0.75);

export async function writeEkonomiLayout(
  context: Excel.RequestContext,
  layout: EkonomiLayout,
  renames: ReadonlyMap<string, string>,
  supported: (version: string) => boolean,
): Promise<string> {
  const wb = context.workbook;
  // Round trip 1: the names taken, so a second Ekonomi sheet becomes "Ekonomi (2)" rather than failing.
  const existing = wb.worksheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(layout.sheet, new Set(existing.items.map((s) => s.name.toLowerCase())));

  // Round trip 2: the sheet and all it holds.
  if (supported("1.6")) wb.application.suspendApiCalculationUntilNextSync();
  const sheet = wb.worksheets.add(name);
  const block = ekonomiBlock(layout, renames);
  const range = sheet.getRange(block.address);
  range.formulas = block.formulas;
  range.numberFormat = block.numberFormat;
  for (const cell of layout.cells) {
    const color = EKONOMI_FILLS[cell.role];
    const bold = BOLD.has(cell.role);
    if (!color && !bold && cell.role !== "heading") continue;
    const format = sheet.getRange(cell.address).format;
    if (color) format.fill.color = color;
    if (bold) format.font.bold = true;
    if (cell.role === "heading") format.wrapText = true;
    if (cell.role === "title") format.font.size = 14;
  }
  for (const column of layout.columns)
    sheet.getRange(`${column.letter}1`).format.columnWidth = widthInPoints(column.width);
  if (supported("1.6"))
    for (const h of layout.highlights) {
      const conditional = sheet.getRange(h.range).conditionalFormats.add("Custom");
      conditional.custom.rule.formula = `=${h.formula}`;
      conditional.custom.format.fill.color = HIGHLIGHT.fill;
      conditional.custom.format.font.color = HIGHLIGHT.font;
    }
  if (supported("1.7")) sheet.freezePanes.freezeAt(sheet.getRange(`A1:A${layout.headerRow}`));
  sheet.activate();
  await context.sync();
  return name;
}

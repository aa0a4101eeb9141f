/**
 * The Ekonomi view's work on a budget table: read a picked file or the active workbook's sheets
 * into cells, recognise and check the table, match its rows to the follow-up's units. The
 * finance core is imported only here, and this module only through workbookModule.ts, so the
 * pane's first load carries none of it.
 */
import {
  describeSigns,
  financeRollup,
  type FinanceRollup,
  matchRows,
  readBudgetTable,
  recognitionLines,
  type BudgetMapping,
  type BudgetTable,
  type Cell,
  type MatchResult,
  type MoneyUnit,
} from "../core/finance";
import type { Problem } from "../core/model";
import type { WorkbookSheets } from "./host";
import { readBudgetFile } from "../workbook/readBudgetFile";
import type { CollectedRollup } from "../workbook/collect";
import { ekonomiLayout, type EkonomiLayout } from "../workbook/ekonomiLayout";
import { level2FileName } from "../workbook/fileNames";
import { summaryCells, writeLevel2 } from "../workbook/writeLevel2";

/** A budget's cells as read, before recognition: re-recognised when the user says tkr or kr. */
export interface BudgetCells {
  /** The file name, or the active workbook's name. */
  source: string;
  sheet?: string;
  cells: Cell[][];
}

export interface BudgetReading {
  source: string;
  sheet?: string;
  table: BudgetTable;
  /** The recogniser's and the checks' problems, Swedish messages naming sheet, row and column. */
  problems: Problem[];
  /** What was recognised, one Swedish line each. */
  lines: string[];
  /** The sign convention in words. */
  signs: string;
}

export type CellsRead = { ok: true; budget: BudgetCells } | { ok: false; message: string };

/** A picked budget file (xlsx, xls, ods or CSV) as cells; never throws. */
export function budgetCellsOfFile(bytes: Uint8Array, fileName: string): CellsRead {
  const read = readBudgetFile(bytes, fileName);
  if (!read.ok) return read;
  return {
    ok: true,
    budget: { source: fileName, ...(read.sheet ? { sheet: read.sheet } : {}), cells: read.cells },
  };
}

/** Recognises and checks the table; `unit` is the user's tkr/kr for a header that does not say. */
export function readBudget(budget: BudgetCells, unit?: MoneyUnit): BudgetReading {
  const { table, problems } = readBudgetTable(budget.cells, {
    source: budget.source,
    ...(budget.sheet ? { sheet: budget.sheet } : {}),
    ...(unit ? { unit } : {}),
  });
  return {
    source: budget.source,
    ...(budget.sheet ? { sheet: budget.sheet } : {}),
    table,
    problems,
    lines: recognitionLines(table),
    signs: describeSigns(table.signs),
  };
}

/** A table the recogniser could place: a label column and at least one amount column. */
export function isBudgetTable(table: BudgetTable): boolean {
  return table.label !== undefined && table.amountColumns.length > 0;
}

/**
 * The active workbook's budget table: the active sheet when it is one, else the first sheet that
 * is; undefined when no sheet is a budget table (then the workbook is not a budget workbook).
 */
export function budgetOfWorkbook(book: WorkbookSheets): BudgetCells | undefined {
  const ordered = [
    ...book.sheets.filter((s) => s.name === book.active),
    ...book.sheets.filter((s) => s.name !== book.active),
  ];
  for (const sheet of ordered) {
    const budget = { source: book.file, sheet: sheet.name, cells: sheet.cells };
    if (isBudgetTable(readBudgetTable(sheet.cells, { source: book.file, sheet: sheet.name }).table))
      return budget;
  }
  return undefined;
}

/** The table's rows matched to the units, a saved or confirmed mapping first. */
export function matchBudget(
  reading: BudgetReading,
  units: readonly string[],
  mapping?: BudgetMapping,
): MatchResult {
  return matchRows(reading.table, units, mapping);
}

/** The roll-up's finance: money per unit and key figures, from the budget and the mapping in use. */
export function financeOf(
  collected: CollectedRollup,
  reading: BudgetReading,
  mapping?: BudgetMapping,
  mappingFile?: string,
): FinanceRollup {
  return financeRollup(collected.uppdrag, collected.result, {
    table: reading.table,
    tableProblems: reading.problems,
    ...(mapping ? { saved: mapping } : {}),
    ...(mappingFile ? { mappingFile } : {}),
  });
}

/** What the finance adds beyond the table's checks and the matching: no column for the period, key figures that could not be computed. */
export function financeNotes(finance: FinanceRollup, reading: BudgetReading): Problem[] {
  const known = new Set<Problem>([...reading.problems, ...finance.match.problems]);
  return finance.problems.filter((p) => !known.has(p));
}

/** The Ekonomi sheet as cells, its formulas pointing at the level-2 workbook's Nivå 2 sheet (Excel writes it). */
export function ekonomiLayoutOf(collected: CollectedRollup, finance: FinanceRollup): EkonomiLayout {
  return ekonomiLayout({
    uppdrag: collected.uppdrag,
    period: collected.result.period,
    units: collected.result.used,
    finance,
    summary: summaryCells(collected),
  });
}

/** The level-2 workbook with the Ekonomi sheet (the standalone page downloads it). */
export async function level2WithEkonomi(
  collected: CollectedRollup,
  finance: FinanceRollup,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  return { bytes: await writeLevel2(collected, { finance }), fileName: level2FileName(collected) };
}

export { confirmMapping, parseMapping, serializeMapping } from "../core/finance";

/**
 * Writes the level-2 workbook with exceljs: one column per unit and a level-2 column whose
 * figures are live formulas over the unit columns (sums, ratios of sums and weighted means
 * over the units that gave every input, counts of answers, medians and means over the listed
 * cases), so a controller can trace every figure; each figure flagged when it rests on values
 * with errors, and the cross-measure rules' results on level 2; the analyses side by side;
 * every input file with its status; every problem; and a tidy data table for Power BI or a pivot.
 */
import { cellText, safeCellValue } from "../core/cellText";
import ExcelJS from "exceljs";
import type { Measure, Problem, UnitReport, Uppdrag } from "../core/model";
import { headlineStatistic, type Figure } from "../core/rollup";
import { computeUnitRatio, formulaInputs } from "../core/derive";
import { parsePeriod } from "../core/period";
import { valueTypeOf } from "../core/valueTypes";
import { aggregationOf } from "../core/aggregations";
import { problemText } from "../core/messages/sv";
import { ERROR_POLICY, flaggedFigureText } from "../core/messages/policy";
import { LEVEL2_UNIT, TIDY_HEADERS, tidyRow, tidyRows } from "../core/tidy";
import { runProblems, type CollectedRollup, type FileOutcome } from "./collect";
import { columnLetters } from "./a1";
import { fittedHeight, printableSheet, type PageHeader } from "./printSetup";
import { addCharts } from "./addCharts";
import { writeLevel2Charts } from "./level2Charts";
import type { Comparison } from "../core/comparison/model";

import { LEVEL2_SHEETS } from "./level2Sheets";
import type { SummaryCells } from "./ekonomiLayout";
import { financeTidyRows, type FinanceRollup } from "../core/finance";
import { writeEkonomiSheet } from "./ekonomiSheet";
import { writeOverview } from "./overviewSheet";
import { keyMeasuresOf } from "../core/catalog";
import { present } from "../core/invariant";
import {
  addHistoryIcons,
  historyColumns,
  historyLookup,
  writeHistoryCells,
  type HistoryColumns,
} from "./summaryHistory";
export { LEVEL2_SHEETS };
/**
 * The summary sheet's columns, as a reader meets them on paper: the labels, one column per unit,
 * the level-2 figure and what explains it; the ids last, for machines, outside the print area.
 */
const LABELS: readonly Column[] = [
  ["Mått", 32],
  ["Måttenhet", 10],
];
const UNIT_WIDTH = 14;
const LEVEL2_WIDTH = 13;
const AFTER_LEVEL2: readonly Column[] = [
  ["Så räknas nivå 2", 20],
  ["Underlag", 16],
  ["Enheter som saknas", 14],
  ["Fel i underlaget", 16],
  ["Kontroll mellan måtten", 26],
];
/** A hairline under each measure's row, so the eye can follow it across the page. */
const ROW_RULE: Partial<ExcelJS.Borders> = { bottom: { style: "hair", color: { argb: "FFBFBFBF" } } };
const ID_COLUMN: Column = ["Mått-id", 24];
/** A unit cell for a measure of a part the unit's workbook does not cover. */
const NOT_COVERED = "–";
/** A unit's ratio cell when its denominator is 0. */
const ZERO_DENOMINATOR = "nämnaren är 0";
/** Level-2 rule results listed at the top of the summary sheet; the rest are on the Problem sheet. */
const LISTED_LEVEL_TWO = 5;

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const LEVEL2_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };

function styleHeader(row: ExcelJS.Row) {
  row.font = BOLD;
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

/**
 * What a unit's cell shows for a measure: its number, Ja/Nej, its choice, its own ratio, or for
 * wait times the same statistic as the row's level-2 figure ("0 ärenden" when it had none).
 * Blank is kept for missing: a ratio the unit gave every input for but cannot have says why.
 */
function unitCell(measure: Measure, report: UnitReport): string | number | null {
  if (measure.formula) {
    const ratio = computeUnitRatio(measure.formula, report.values);
    const complete = formulaInputs(measure.formula).every((id) => report.values[id]?.kind === "number");
    return ratio === null && complete ? ZERO_DENOMINATOR : ratio;
  }
  const v = report.values[measure.id];
  if (!v) return null;
  switch (v.kind) {
    case "number":
      return v.value;
    case "yesNo":
      return v.value ? "Ja" : "Nej";
    case "text":
      return v.value;
    case "list":
      return v.values.length === 0
        ? "0 ärenden"
        : headlineStatistic(
            measure,
            [...v.values].sort((a, b) => a - b),
          );
    case "missing":
      return null;
  }
}

interface SummaryContext {
  uppdrag: Uppdrag;
  units: UnitReport[];
  firstUnitCol: number;
  lastUnitCol: number;
  /** Row of each measure on the summary sheet, for formulas that refer to other measures. */
  rowOf: Map<string, number>;
  /** For pooled measures: the range of their cases on the Ärenden sheet. */
  caseRange: Map<string, string>;
}

function unitRange(ctx: SummaryContext, row: number): string {
  return `${columnLetters(ctx.firstUnitCol)}${row}:${columnLetters(ctx.lastUnitCol)}${row}`;
}

/** Excel's own computation of a level-2 figure from the unit columns (or the listed cases); undefined when it has no rows to refer to. */
function level2Formula(measure: Measure, row: number, ctx: SummaryContext): string | undefined {
  return aggregationOf(measure).formula(measure, row, {
    unitRange: (r) => unitRange(ctx, r),
    rowOf: (id) => ctx.rowOf.get(id),
    caseRange: (id) => ctx.caseRange.get(id),
    notCovered: NOT_COVERED,
  });
}

/** The level-2 cell: a live formula carrying the roll-up's figure as its cached result. */
function level2Cell(measure: Measure, figure: Figure, row: number, ctx: SummaryContext): ExcelJS.CellValue {
  if (figure.value === null) return null; // missing stays blank: SUM() of blanks would show a false 0
  if (ctx.units.length === 0) return figure.value;
  const formula = level2Formula(measure, row, ctx);
  return formula ? { formula, result: figure.value } : figure.value;
}

function basisText(measure: Measure, figure: Figure, unitOf: (id: string) => string): string {
  return aggregationOf(measure).basis(measure, figure, unitOf);
}

/** The Ärenden sheet's rows (one per case) and, per pooled measure, the range its cases take. */
function caseLayout(
  uppdrag: Uppdrag,
  units: UnitReport[],
): { rows: (string | number)[][]; ranges: Map<string, string> } {
  const rows: (string | number)[][] = [];
  const ranges = new Map<string, string>();
  for (const m of uppdrag.measures.filter((x) => valueTypeOf(x).entry === "cases")) {
    const first = rows.length + 2; // row 1 is the header
    for (const r of units) {
      const v = r.values[m.id];
      if (v?.kind === "list") for (const days of v.values) rows.push([m.id, m.label, r.unit, days]);
    }
    if (rows.length + 1 >= first)
      ranges.set(m.id, `'${LEVEL2_SHEETS.cases}'!$D$${first}:$D$${rows.length + 1}`);
  }
  return { rows, ranges };
}

type Column = [header: string, width: number];
type SheetRow = (string | number | null)[];

/** What every printed page of the workbook says in its header: the uppdrag and the period. */

/**
 * A sheet that is a list: a styled header with a filter, then one row per item. Each row is
 * committed at once, so the streaming writer flushes it instead of keeping it. With `wrap`,
 * long texts wrap and each row gets the height they need (for sheets people read on paper).
 */
function listSheet(
  wb: ExcelJS.Workbook,
  name: string,
  page: PageHeader,
  columns: Column[],
  rows: Iterable<SheetRow>,
  wrap = false,
) {
  const widths = columns.map(([, width]) => width);
  const ws = wb.addWorksheet(name, printableSheet({ ...page, widths, titleRows: [1, 1], frozenRows: 1 }));
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.addRow(columns.map(([h]) => h));
  styleHeader(header);
  header.commit();
  for (const r of rows) {
    const row = ws.addRow(r.map(safeCellValue));
    if (wrap) {
      row.alignment = { wrapText: true, vertical: "top" };
      const height = fittedHeight(
        r.map((v) => (typeof v === "string" ? v : undefined)),
        widths,
      );
      if (height) row.height = height;
    }
    row.commit();
  }
}

function writeCases(wb: ExcelJS.Workbook, page: PageHeader, rows: SheetRow[]) {
  listSheet(
    wb,
    LEVEL2_SHEETS.cases,
    page,
    [
      ["Mått-id", 22],
      ["Mått", 50],
      ["Enhet", 28],
      ["Dagar", 10],
    ],
    rows,
  );
}
/** Where things go on the summary sheet: notes above the table, then a row per section and measure. */
interface SummaryLayout {
  notes: string[];
  headerRow: number;
  firstUnitCol: number;
  lastUnitCol: number;
  level2Col: number;
  /** The earlier period, change, target and status columns right after the level-2 column (with a comparison). */
  history: HistoryColumns;
  /** The first of the columns that explain the level-2 figure (AFTER_LEVEL2). */
  afterCol: number;
  /** The measure ids' column, after every printed column. */
  idCol: number;
  plan: ({ section: string; row: number } | { measure: Measure; row: number })[];
  /** Row of each measure, for formulas that refer to other measures. */
  rowOf: Map<string, number>;
}

/** The policy on values with errors, and what the cross-measure rules say about the level-2 figures. */
function summaryNotes(collected: CollectedRollup): string[] {
  const { uppdrag, result } = collected;
  const label = new Map(uppdrag.measures.map((m) => [m.id, m.label]));
  const problems = result.levelTwoProblems;
  const notes = [`Värden med fel: ${ERROR_POLICY}`];
  if (problems.length === 0) {
    notes.push(
      "Kontrollerna mellan måtten (flöden, delar och helheter, rimliga kvoter) ger inga avvikelser på nivå 2.",
    );
    return notes;
  }
  notes.push(
    `Kontrollerna mellan måtten ger ${problems.length} ${problems.length === 1 ? "avvikelse" : "avvikelser"} på nivå 2 (kolumnen Kontroll mellan måtten och bladet Problem):`,
  );
  for (const p of problems.slice(0, LISTED_LEVEL_TWO))
    notes.push(`• ${p.measureId ? `${label.get(p.measureId) ?? p.measureId}: ` : ""}${problemText(p)}`);
  if (problems.length > LISTED_LEVEL_TWO)
    notes.push(`… och ${problems.length - LISTED_LEVEL_TWO} till på bladet Problem.`);
  return notes;
}

function summaryLayout(collected: CollectedRollup, comparison?: Comparison): SummaryLayout {
  const { uppdrag, result } = collected;
  const notes = summaryNotes(collected);
  // Title, period and units take rows 1–3; the notes follow, then an empty row and the header.
  const headerRow = 3 + notes.length + 2;
  const firstUnitCol = LABELS.length + 1;
  const lastUnitCol = LABELS.length + Math.max(result.used.length, 1);
  const figureIds = new Set(result.figures.map((f) => f.measureId));
  const shown = uppdrag.measures.filter((m) => !aggregationOf(m).sideBySide && figureIds.has(m.id));
  // Rows are fixed first so that ratio formulas can refer to rows further down.
  const rowOf = new Map<string, number>();
  const plan: SummaryLayout["plan"] = [];
  let row = headerRow + 1;
  for (const section of uppdrag.sections) {
    const measures = shown.filter((m) => m.section === section.id);
    if (measures.length === 0) continue;
    plan.push({ section: section.label, row: row++ });
    for (const m of measures) {
      rowOf.set(m.id, row);
      plan.push({ measure: m, row: row++ });
    }
  }
  const level2Col = lastUnitCol + 1;
  const history = historyColumns(comparison, level2Col + 1);
  const afterCol = level2Col + 1 + history.columns.length;
  const idCol = afterCol + AFTER_LEVEL2.length;
  return { notes, headerRow, firstUnitCol, lastUnitCol, level2Col, history, afterCol, idCol, plan, rowOf };
}

/** The A1 address of a measure's level-2 figure on the summary sheet. */
function level2Address(layout: SummaryLayout, measureId: string): string | undefined {
  const row = layout.rowOf.get(measureId);
  return row === undefined ? undefined : `${columnLetters(layout.level2Col)}${row}`;
}

/** Where the summary sheet shows each measure, for formulas on other sheets (the Ekonomi sheet). */
export function summaryCells(collected: CollectedRollup, comparison?: Comparison): SummaryCells {
  const layout = summaryLayout(collected, comparison);
  const units = collected.result.used.length;
  return {
    sheet: LEVEL2_SHEETS.summary,
    unit: (measureId, unitIndex) => {
      const row = layout.rowOf.get(measureId);
      return row === undefined || unitIndex < 0 || unitIndex >= units
        ? undefined
        : `${columnLetters(layout.firstUnitCol + unitIndex)}${row}`;
    },
    level2: (measureId) => level2Address(layout, measureId),
  };
}

/** The summary sheet's columns, left to right, with their widths. */
function summaryColumns(units: readonly UnitReport[], history: HistoryColumns): Column[] {
  return [
    ...LABELS,
    ...(units.length
      ? units.map((u): Column => [u.unit, UNIT_WIDTH])
      : [["(inga enheter)", UNIT_WIDTH] as Column]),
    ["Nivå 2", LEVEL2_WIDTH],
    ...history.columns,
    ...AFTER_LEVEL2,
    ID_COLUMN,
  ];
}

/** Rows above the table (title, period, units, notes) span the printed width and wrap. */
function writeAboveTable(
  ws: ExcelJS.Worksheet,
  texts: readonly string[],
  printedWidth: number,
  lastCol: number,
) {
  texts.forEach((text, i) => {
    const row = i + 1;
    ws.getCell(row, 1).value = cellText(text);
    ws.mergeCells(row, 1, row, lastCol);
    ws.getCell(row, 1).alignment = { wrapText: true, vertical: "top" };
    const height = fittedHeight([text], [printedWidth]);
    if (height) ws.getRow(row).height = height;
  });
}

function writeSummary(
  wb: ExcelJS.Workbook,
  page: PageHeader,
  collected: CollectedRollup,
  layout: SummaryLayout,
  caseRange: Map<string, string>,
  createdAt: Date,
  comparison: Comparison | undefined,
) {
  const { uppdrag, result } = collected;
  const units = result.used;
  const { headerRow, firstUnitCol, lastUnitCol, level2Col, afterCol, idCol, history } = layout;
  const columns = summaryColumns(units, history);
  const earlierOf = historyLookup(comparison, history.period);
  const widths = columns.map(([, w]) => w);
  const printedCols = idCol - 1;
  const lastRow = layout.plan.at(-1)?.row ?? headerRow;
  const ws = wb.addWorksheet(
    LEVEL2_SHEETS.summary,
    printableSheet({
      ...page,
      widths,
      titleRows: [headerRow, headerRow],
      labelColumns: LABELS.length,
      frozenRows: headerRow,
      printedColumns: printedCols,
      lastRow,
    }),
  );
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const period = parsePeriod(result.period);
  const absent = result.absentUnits.map((u) => u.unit);
  writeAboveTable(
    ws,
    [
      `Sammanställning nivå 2 – ${uppdrag.name}`,
      `Period: ${period?.label ?? result.period} · mallversion ${uppdrag.version} · skapad ${createdAt.toISOString().slice(0, 16).replace("T", " ")}`,
      `${units.length} enheter ingår${absent.length ? `; saknas: ${absent.join(", ")}` : ""}. Tomma celler är saknade värden, inte 0.`,
      ...layout.notes,
    ],
    widths.slice(0, printedCols).reduce((a, b) => a + b, 0),
    printedCols,
  );
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getRow(1).height = 20;

  const header = ws.getRow(headerRow);
  header.values = columns.map(([h]) => cellText(h));
  styleHeader(header);
  header.alignment = { wrapText: true, vertical: "bottom" };
  const headerHeight = fittedHeight(
    columns.map(([h]) => h),
    widths,
  );
  if (headerHeight) header.height = headerHeight;

  const figureOf = new Map(result.figures.map((f) => [f.measureId, f]));
  const measureUnits = new Map(uppdrag.measures.map((m) => [m.id, m.unit]));
  const unitOf = (id: string) => measureUnits.get(id) ?? "";
  const checksOf = new Map<string, string[]>();
  for (const p of result.levelTwoProblems)
    if (p.measureId) checksOf.set(p.measureId, [...(checksOf.get(p.measureId) ?? []), problemText(p)]);
  const ctx: SummaryContext = { uppdrag, units, firstUnitCol, lastUnitCol, rowOf: layout.rowOf, caseRange };
  for (const item of layout.plan) {
    if ("section" in item) {
      ws.getCell(item.row, 1).value = item.section;
      ws.getRow(item.row).font = BOLD;
      continue;
    }
    const m = item.measure;
    const figure = figureOf.get(m.id);
    if (!figure) continue; // the layout plans only measures with a figure
    const aggregation = aggregationOf(m);
    const unitFormat = valueTypeOf(m).level2NumberFormat;
    const excelRow = ws.getRow(item.row);
    const cells: [column: number, value: ExcelJS.CellValue][] = [
      [1, m.label],
      [2, m.unit],
      ...units.map((u, i): [number, ExcelJS.CellValue] => [
        firstUnitCol + i,
        m.part && u.parts && !u.parts.includes(m.part) ? NOT_COVERED : safeCellValue(unitCell(m, u)),
      ]),
      [afterCol, aggregation.explain(m)],
      [afterCol + 1, cellText(basisText(m, figure, unitOf) + (figure.note ? ` – ${figure.note}` : ""))],
      [afterCol + 2, cellText(figure.missing.join(", "))],
      [afterCol + 3, safeCellValue(flaggedFigureText(figure.flaggedUnits) || null)],
      [afterCol + 4, safeCellValue(checksOf.get(m.id)?.join(" ") ?? null)],
      [idCol, m.id],
    ];
    const texts: (string | undefined)[] = [];
    for (const [column, value] of cells) {
      const cell = excelRow.getCell(column);
      cell.value = value;
      // Unit figures rounded as the level-2 figure is; the value stays exact.
      if (typeof value === "number" && unitFormat) cell.numFmt = unitFormat;
      if (typeof value === "string") texts[column - 1] = value;
    }
    excelRow.alignment = { wrapText: true, vertical: "top" };
    const l2 = excelRow.getCell(level2Col);
    l2.value = level2Cell(m, figure, item.row, ctx);
    l2.fill = LEVEL2_FILL;
    l2.font = BOLD;
    const format = aggregation.figureFormat ?? valueTypeOf(m).level2NumberFormat;
    if (format) l2.numFmt = format;
    writeHistoryCells(excelRow, history, {
      row: item.row,
      level2Ref: `${columnLetters(level2Col)}${item.row}`,
      level2Value: typeof figure.value === "number" ? figure.value : undefined,
      format,
      earlierValue: earlierOf.earlier(m.id),
      target: earlierOf.target(m.id),
    });
    const height = fittedHeight(texts, widths);
    if (height) excelRow.height = height;
    for (let c = 1; c < idCol; c++) excelRow.getCell(c).border = ROW_RULE;
  }
  addHistoryIcons(ws, history, headerRow + 1, lastRow);
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: idCol },
  };
}
/** The Analyser sheet: one row per quality area or question, the units' texts side by side, wrapped to fit. */
function writeAnalyses(
  wb: ExcelJS.Workbook,
  page: PageHeader,
  uppdrag: Uppdrag,
  units: UnitReport[],
  figures: Figure[],
) {
  const figureOf = new Map(figures.map((f) => [f.measureId, f]));
  const measures = uppdrag.measures.filter((x) => aggregationOf(x).sideBySide && figureOf.has(x.id));
  const columns: Column[] = [
    ["Kvalitetsområde eller fråga", 30],
    ...units.map((u): Column => [u.unit, 45]),
    ID_COLUMN,
  ];
  const widths = columns.map(([, w]) => w);
  const ws = wb.addWorksheet(
    LEVEL2_SHEETS.analyses,
    printableSheet({
      ...page,
      widths,
      titleRows: [1, 1],
      labelColumns: 1,
      frozenRows: 1,
      printedColumns: columns.length - 1,
      lastRow: measures.length + 1,
    }),
  );
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.getRow(1).values = columns.map(([h]) => cellText(h));
  styleHeader(ws.getRow(1));
  for (const m of measures) {
    const texts = new Map((figureOf.get(m.id)?.details.texts ?? []).map((t) => [t.unit, t.text]));
    const values = [
      m.label,
      ...units.map((u) => texts.get(u.unit) ?? (u.values[m.id] ? "(saknas)" : "–")),
      m.id,
    ].map(cellText);
    const row = ws.addRow(values);
    row.alignment = { wrapText: true, vertical: "top" };
    const height = fittedHeight(values, widths);
    if (height) row.height = height;
  }
}

function statusText(o: FileOutcome): string {
  return o.status === "used"
    ? "Används"
    : o.status === "rejected"
      ? "Avvisad"
      : o.status === "copy"
        ? "Kopia"
        : "Läst";
}

function* fileRows(collected: CollectedRollup): Generator<SheetRow> {
  for (const o of collected.files) {
    const errors = o.problems.filter((p) => p.severity === "fel").length;
    yield [
      o.file,
      o.report?.unit ?? "",
      o.report?.period ?? "",
      o.report?.templateVersion ?? "",
      o.sha256,
      statusText(o),
      o.reason ? problemText(o.reason) : "",
      errors,
      o.problems.length - errors,
    ];
  }
  for (const u of collected.result.absentUnits)
    yield [
      "(ingen fil)",
      u.unit,
      collected.result.period,
      "",
      "",
      "Saknas",
      "Enheten finns i listan över förväntade enheter men har inte lämnat någon uppföljning.",
      null,
      null,
    ];
}

function writeFiles(wb: ExcelJS.Workbook, page: PageHeader, collected: CollectedRollup) {
  const columns: Column[] = [
    ["Fil", 40],
    ["Enhet", 28],
    ["Period", 10],
    ["Mallversion", 12],
    ["SHA-256", 66],
    ["Status", 10],
    ["Orsak", 50],
    ["Fel", 6],
    ["Varningar", 10],
  ];
  listSheet(wb, LEVEL2_SHEETS.files, page, columns, fileRows(collected), true);
}

export interface ProblemRow {
  file: string;
  sheet: string;
  cell: string;
  measureId: string;
  measure: string;
  severity: string;
  message: string;
}

/**
 * Every problem of the run as rows: file rejections, content problems and roll-up problems, then
 * the cross-measure rules broken on level 2, at their figure's cell when `level2Cell` knows it.
 */
function problemRows(
  collected: CollectedRollup,
  level2Cell: (measureId: string) => string | undefined = () => undefined,
): ProblemRow[] {
  const label = new Map(collected.uppdrag.measures.map((m) => [m.id, m.label]));
  const toRow = (p: Problem, file: string): ProblemRow => ({
    file: p.location?.file ?? file,
    sheet: p.location?.sheet ?? "",
    cell: p.location?.cell ?? "",
    measureId: p.measureId ?? "",
    measure: p.measureId ? (label.get(p.measureId) ?? "") : "",
    severity: p.severity === "fel" ? "Fel" : "Varning",
    message: problemText(p),
  });
  const levelTwo = collected.result.levelTwoProblems.map((p) => ({
    ...p,
    location: { sheet: LEVEL2_SHEETS.summary, cell: p.measureId ? level2Cell(p.measureId) : undefined },
  }));
  return [...runProblems(collected).map((p) => toRow(p, "")), ...levelTwo.map((p) => toRow(p, LEVEL2_UNIT))];
}

function writeProblems(
  wb: ExcelJS.Workbook,
  page: PageHeader,
  collected: CollectedRollup,
  layout: SummaryLayout,
) {
  const columns: Column[] = [
    ["Fil", 36],
    ["Blad", 22],
    ["Cell", 10],
    ["Mått-id", 22],
    ["Mått", 40],
    ["Allvarlighet", 12],
    ["Meddelande", 90],
  ];
  const rows = problemRows(collected, (id) => level2Address(layout, id));
  listSheet(
    wb,
    LEVEL2_SHEETS.problems,
    page,
    columns,
    rows.map((p) => [p.file, p.sheet, p.cell, p.measureId, p.measure, p.severity, p.message]),
    true,
  );
}

function writeData(
  wb: ExcelJS.Workbook,
  page: PageHeader,
  collected: CollectedRollup,
  finance: FinanceRollup | undefined,
  comparison: Comparison | undefined,
) {
  // A plain range with a filter rather than an Excel table: a table costs exceljs several times
  // the memory and time at a thousand units, and Power BI and pivot tables read a range as well.
  const widths = [22, 10, 6, 28, 24, 50, 12, 14, 8, 12, 8, 10, 16];
  listSheet(
    wb,
    LEVEL2_SHEETS.data,
    page,
    TIDY_HEADERS.map((h, i): Column => [h, present(widths[i], `bredden för ${h}`)]),
    (function* () {
      for (const r of tidyRows(collected.uppdrag, collected.result, comparison?.targets)) yield tidyRow(r);
      if (finance)
        for (const r of financeTidyRows(collected.uppdrag, collected.result, finance)) yield tidyRow(r);
    })(),
  );
}

/** The header of every printed page: the uppdrag, and the period in words. */
export function pageHeader(collected: CollectedRollup): PageHeader {
  const period = collected.result.period;
  return { title: collected.uppdrag.name, period: parsePeriod(period)?.label ?? period };
}

/**
 * A workbook to write into and a way to finish it. In Node the streaming writer keeps memory
 * flat however many units there are (rows are flushed as they are committed); in the browser,
 * where exceljs has no streams and a roll-up holds a handful of units, the in-memory workbook.
 */
function newBook(): { wb: ExcelJS.Workbook; finish(): Promise<Uint8Array> } {
  const Writer = (
    ExcelJS as { stream?: { xlsx?: { WorkbookWriter?: typeof ExcelJS.stream.xlsx.WorkbookWriter } } }
  ).stream?.xlsx?.WorkbookWriter;
  const isNode = typeof process !== "undefined" && Boolean(process.versions?.node);
  if (Writer && isNode) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node-only, kept out of the browser bundle
    const { PassThrough } = require("node:stream") as typeof import("node:stream");
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      sink.on("end", resolve);
      sink.on("error", reject);
    });
    const wb = new Writer({ stream: sink, useStyles: true, useSharedStrings: true });
    return {
      wb,
      finish: async () => {
        await wb.commit();
        await done;
        return new Uint8Array(Buffer.concat(chunks));
      },
    };
  }
  const wb = new ExcelJS.Workbook();
  return { wb, finish: async () => new Uint8Array(await wb.xlsx.writeBuffer()) };
}

export async function writeLevel2(
  collected: CollectedRollup,
  /** keyMeasures: ids of the measures charted on the Diagram sheet (default: the catalog's key measures); comparison: earlier periods and targets. */
  options: {
    createdAt?: Date;
    finance?: FinanceRollup;
    keyMeasures?: readonly string[];
    comparison?: Comparison;
  } = {},
): Promise<Uint8Array> {
  const { wb, finish } = newBook();
  const createdAt = options.createdAt ?? new Date();
  wb.creator = "uppfoljning";
  wb.created = createdAt;
  wb.title = `Nivå 2 – ${collected.uppdrag.name} – ${collected.result.period}`;
  // Every formula carries its result, so no recalculation on open is needed (the streaming writer has no calcProperties).
  const page = pageHeader(collected);
  const cases = caseLayout(collected.uppdrag, collected.result.used);
  const layout = summaryLayout(collected, options.comparison);
  writeOverview(wb, page, collected, options.comparison, (id) => level2Address(layout, id), createdAt);
  writeSummary(wb, page, collected, layout, cases.ranges, createdAt, options.comparison);
  if (options.finance)
    writeEkonomiSheet(wb, collected, options.finance, summaryCells(collected, options.comparison), page);
  writeAnalyses(wb, page, collected.uppdrag, collected.result.used, collected.result.figures);
  writeCases(wb, page, cases.rows);
  writeFiles(wb, page, collected);
  writeProblems(wb, page, collected, layout);
  writeData(wb, page, collected, options.finance, options.comparison);
  const keyMeasures = options.keyMeasures ?? keyMeasuresOf(collected.uppdrag).map((m) => m.id);
  const charts = writeLevel2Charts(wb, collected, keyMeasures, options.comparison);
  return addCharts(await finish(), charts);
}

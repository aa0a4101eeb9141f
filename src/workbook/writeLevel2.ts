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

import { LEVEL2_SHEETS } from "./level2Sheets";
import { writeOverview } from "./overviewSheet";
import type { Comparison } from "../core/comparison/model";
export { LEVEL2_SHEETS };
/** The fixed columns before the units on the summary sheet, and the columns after the level-2 figure. */
const FIXED = ["Mått-id", "Mått", "Måttenhet", "Sammanställning"];
const AFTER_LEVEL2 = ["Underlag", "Saknas för", "Fel i underlaget", "Kontroll på nivå 2"];
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

/**
 * A sheet that is a list: a styled header with a filter, then one row per item. Each row is
 * committed at once, so the streaming writer flushes it instead of keeping it.
 */
function listSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Iterable<SheetRow>) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  columns.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.addRow(columns.map(([h]) => h));
  styleHeader(header);
  header.commit();
  for (const r of rows) ws.addRow(r.map(safeCellValue)).commit();
}

function writeCases(wb: ExcelJS.Workbook, rows: SheetRow[]) {
  listSheet(
    wb,
    LEVEL2_SHEETS.cases,
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
    `Kontrollerna mellan måtten ger ${problems.length} ${problems.length === 1 ? "avvikelse" : "avvikelser"} på nivå 2 (kolumnen Kontroll på nivå 2 och bladet Problem):`,
  );
  for (const p of problems.slice(0, LISTED_LEVEL_TWO))
    notes.push(`• ${p.measureId ? `${label.get(p.measureId) ?? p.measureId}: ` : ""}${problemText(p)}`);
  if (problems.length > LISTED_LEVEL_TWO)
    notes.push(`… och ${problems.length - LISTED_LEVEL_TWO} till på bladet Problem.`);
  return notes;
}

function summaryLayout(collected: CollectedRollup): SummaryLayout {
  const { uppdrag, result } = collected;
  const notes = summaryNotes(collected);
  // Title, period and units take rows 1–3; the notes follow, then an empty row and the header.
  const headerRow = 3 + notes.length + 2;
  const firstUnitCol = FIXED.length + 1;
  const lastUnitCol = FIXED.length + Math.max(result.used.length, 1);
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
  return { notes, headerRow, firstUnitCol, lastUnitCol, level2Col: lastUnitCol + 1, plan, rowOf };
}

/** The A1 address of a measure's level-2 figure on the summary sheet. */
function level2Address(layout: SummaryLayout, measureId: string): string | undefined {
  const row = layout.rowOf.get(measureId);
  return row === undefined ? undefined : `${columnLetters(layout.level2Col)}${row}`;
}

function writeSummary(
  wb: ExcelJS.Workbook,
  collected: CollectedRollup,
  layout: SummaryLayout,
  caseRange: Map<string, string>,
  createdAt: Date,
) {
  const { uppdrag, result } = collected;
  const units = result.used;
  const { headerRow, firstUnitCol, lastUnitCol, level2Col } = layout;
  const ws = wb.addWorksheet(LEVEL2_SHEETS.summary, {
    views: [{ state: "frozen", xSplit: 2, ySplit: headerRow }],
  });
  const period = parsePeriod(result.period);
  ws.getCell("A1").value = `Sammanställning nivå 2 – ${uppdrag.name}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value =
    `Period: ${period?.label ?? result.period} · mallversion ${uppdrag.version} · skapad ${createdAt.toISOString().slice(0, 16).replace("T", " ")}`;
  const absent = result.absentUnits.map((u) => u.unit);
  ws.getCell("A3").value = cellText(
    `${units.length} enheter ingår${absent.length ? `; saknas: ${absent.join(", ")}` : ""}. Tomma celler är saknade värden, inte 0.`,
  );
  layout.notes.forEach((note, i) => (ws.getCell(4 + i, 1).value = cellText(note)));

  const header = ws.getRow(headerRow);
  header.values = [
    ...FIXED,
    ...(units.length ? units.map((u) => u.unit) : ["(inga enheter)"]),
    "Nivå 2",
    ...AFTER_LEVEL2,
  ].map(cellText);
  styleHeader(header);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 55;
  ws.getColumn(3).width = 14;
  ws.getColumn(4).width = 22;
  for (let c = firstUnitCol; c <= lastUnitCol; c++) ws.getColumn(c).width = 14;
  ws.getColumn(level2Col).width = 14;
  AFTER_LEVEL2.forEach((_, i) => (ws.getColumn(level2Col + 1 + i).width = i < 2 ? 30 : 45));

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
    const figure = figureOf.get(m.id)!;
    const excelRow = ws.getRow(item.row);
    excelRow.getCell(1).value = m.id;
    excelRow.getCell(2).value = m.label;
    excelRow.getCell(3).value = m.unit;
    excelRow.getCell(4).value = aggregationOf(m).label;
    units.forEach(
      (u, i) =>
        (excelRow.getCell(firstUnitCol + i).value =
          m.part && u.parts && !u.parts.includes(m.part) ? NOT_COVERED : safeCellValue(unitCell(m, u))),
    );
    const l2 = excelRow.getCell(level2Col);
    l2.value = level2Cell(m, figure, item.row, ctx);
    l2.fill = LEVEL2_FILL;
    l2.font = BOLD;
    const format = valueTypeOf(m).level2NumberFormat;
    if (format) l2.numFmt = format;
    excelRow.getCell(level2Col + 1).value = cellText(
      basisText(m, figure, unitOf) + (figure.note ? ` – ${figure.note}` : ""),
    );
    excelRow.getCell(level2Col + 2).value = cellText(figure.missing.join(", "));
    excelRow.getCell(level2Col + 3).value = safeCellValue(flaggedFigureText(figure.flaggedUnits) || null);
    excelRow.getCell(level2Col + 4).value = safeCellValue(checksOf.get(m.id)?.join(" ") ?? null);
  }
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: level2Col + AFTER_LEVEL2.length },
  };
}
function writeAnalyses(wb: ExcelJS.Workbook, uppdrag: Uppdrag, units: UnitReport[], figures: Figure[]) {
  const ws = wb.addWorksheet(LEVEL2_SHEETS.analyses, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.getRow(1).values = ["Mått-id", "Område / fråga", ...units.map((u) => u.unit)].map(cellText);
  styleHeader(ws.getRow(1));
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 40;
  units.forEach((_, i) => (ws.getColumn(3 + i).width = 45));
  const figureOf = new Map(figures.map((f) => [f.measureId, f]));
  for (const m of uppdrag.measures.filter((x) => aggregationOf(x).sideBySide && figureOf.has(x.id))) {
    const texts = new Map((figureOf.get(m.id)!.details.texts ?? []).map((t) => [t.unit, t.text]));
    const row = ws.addRow(
      [m.id, m.label, ...units.map((u) => texts.get(u.unit) ?? (u.values[m.id] ? "(saknas)" : "–"))].map(
        cellText,
      ),
    );
    row.alignment = { wrapText: true, vertical: "top" };
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

function writeFiles(wb: ExcelJS.Workbook, collected: CollectedRollup) {
  const columns: Column[] = [
    ["Fil", 40],
    ["Enhet", 28],
    ["Period", 10],
    ["Mallversion", 12],
    ["SHA-256", 66],
    ["Status", 10],
    ["Orsak", 70],
    ["Fel", 6],
    ["Varningar", 10],
  ];
  listSheet(wb, LEVEL2_SHEETS.files, columns, fileRows(collected));
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
export function problemRows(
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

function writeProblems(wb: ExcelJS.Workbook, collected: CollectedRollup, layout: SummaryLayout) {
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
    columns,
    rows.map((p) => [p.file, p.sheet, p.cell, p.measureId, p.measure, p.severity, p.message]),
  );
}

function writeData(wb: ExcelJS.Workbook, collected: CollectedRollup, comparison: Comparison | undefined) {
  // A plain range with a filter rather than an Excel table: a table costs exceljs several times
  // the memory and time at a thousand units, and Power BI and pivot tables read a range as well.
  const widths = [22, 10, 6, 28, 24, 50, 12, 14, 8, 12, 8, 10, 16];
  listSheet(
    wb,
    LEVEL2_SHEETS.data,
    TIDY_HEADERS.map((h, i): Column => [h, widths[i]!]),
    (function* () {
      for (const r of tidyRows(collected.uppdrag, collected.result, comparison?.targets)) yield tidyRow(r);
    })(),
  );
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
  options: { createdAt?: Date; comparison?: Comparison } = {},
): Promise<Uint8Array> {
  const { wb, finish } = newBook();
  const createdAt = options.createdAt ?? new Date();
  wb.creator = "uppfoljning";
  wb.created = createdAt;
  wb.title = `Nivå 2 – ${collected.uppdrag.name} – ${collected.result.period}`;
  // Every formula carries its result, so no recalculation on open is needed (the streaming writer has no calcProperties).
  const cases = caseLayout(collected.uppdrag, collected.result.used);
  const layout = summaryLayout(collected);
  writeOverview(wb, collected, options.comparison, (id) => level2Address(layout, id), createdAt);
  writeSummary(wb, collected, layout, cases.ranges, createdAt);
  writeAnalyses(wb, collected.uppdrag, collected.result.used, collected.result.figures);
  writeCases(wb, cases.rows);
  writeFiles(wb, collected);
  writeProblems(wb, collected, layout);
  writeData(wb, collected, options.comparison);
  return finish();
}

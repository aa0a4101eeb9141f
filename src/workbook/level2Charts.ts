/**
 * The Diagram sheet of the level-2 workbook (issue 12, item 5): per key measure a line over the
 * periods (level 2, and the target when there is one) and columns per unit for the current period
 * (beside the latest earlier period when history is known). Each chart's figures are a small
 * table on the sheet beside it, and the chart refers to those cells, so it stays live when a
 * controller corrects a figure; a missing figure is a blank cell and a gap, never 0.
 */
import { unitFigure } from "../core/unitFigure";
import { printableSheet } from "./printSetup";
import type ExcelJS from "exceljs";
import type { Measure, Uppdrag } from "../core/model";
import type { Comparison, MeasureSeries } from "../core/comparison/model";
import type { RollupResult } from "../core/rollup";
import { parsePeriod } from "../core/period";
import { valueTypeOf } from "../core/valueTypes";
import { LEVEL2_UNIT } from "../core/tidy";
import { cellText } from "../core/cellText";
import { columnLetters } from "./a1";
import { sheetRef, type ChartKind } from "./chartXml";
import type { ChartPlacement } from "./addCharts";
import type { CollectedRollup } from "./collect";

export const CHART_SHEET = "Diagram";
/** More units than this make columns too thin to read: the table is written, the chart is not. */
export const MAX_UNITS_IN_CHART = 40;
/** A chart's frame: columns wide and rows high. */
const CHART_COLUMNS = 9;
const CHART_ROWS = 20;
/** Rows of the default height that fit on an A4 landscape page inside the margins at 100 %. */
const PAGE_ROWS = 34;

/** One chart and the table it is drawn from. */
export interface ChartBlock {
  kind: ChartKind;
  title: string;
  categories: string[];
  series: { name: string; values: (number | undefined)[] }[];
  numberFormat?: string;
  unitOfMeasure: string;
  /** Why the table has no chart beside it (too many units), in Swedish. */
  noChart?: string;
}

const periodLabel = (code: string) => parsePeriod(code)?.label ?? code;

function overPeriods(measure: Measure, level2: MeasureSeries, comparison: Comparison): ChartBlock {
  const points = [...level2.earlier, level2.current];
  const target = comparison.targets.find((t) => t.measureId === measure.id)?.target;
  return {
    kind: "line",
    title: `${measure.label} – över perioderna`,
    categories: points.map((p) => periodLabel(p.period)),
    series: [
      { name: "Nivå 2", values: points.map((p) => p.value) },
      ...(target ? [{ name: "Mål", values: points.map(() => target.target) }] : []),
    ],
    numberFormat: valueTypeOf(measure).level2NumberFormat,
    unitOfMeasure: measure.unit,
  };
}

function perUnit(
  measure: Measure,
  result: RollupResult,
  comparison: Comparison | undefined,
): ChartBlock | undefined {
  const units = result.used.filter((u) => !measure.part || !u.parts || u.parts.includes(measure.part));
  if (units.length === 0) return undefined;
  const current = { name: periodLabel(result.period), values: units.map((u) => unitFigure(measure, u)) };
  // The latest earlier period the history knows for any unit of this measure, side by side with now.
  const history = new Map(
    (comparison?.series ?? []).filter((s) => s.measureId === measure.id).map((s) => [s.unit, s.earlier]),
  );
  const earlierPeriod = comparison?.periods[comparison.periods.length - 1];
  const earlier = earlierPeriod
    ? {
        name: periodLabel(earlierPeriod),
        values: units.map((u) => history.get(u.unit)?.find((p) => p.period === earlierPeriod)?.value),
      }
    : undefined;
  return {
    kind: "bar",
    title: `${measure.label} – per enhet`,
    categories: units.map((u) => u.unit),
    series: earlier && earlier.values.some((v) => v !== undefined) ? [earlier, current] : [current],
    numberFormat: valueTypeOf(measure).level2NumberFormat,
    unitOfMeasure: measure.unit,
    noChart:
      units.length > MAX_UNITS_IN_CHART
        ? `${units.length} enheter är för många för ett läsbart diagram; tabellen visar alla.`
        : undefined,
  };
}

/**
 * The charts of the key measures that have a level-2 number: over the periods when history is
 * given, and per unit for the current period. Unknown ids and measures without a number are skipped.
 */
export function level2ChartBlocks(
  uppdrag: Uppdrag,
  result: RollupResult,
  keyMeasureIds: readonly string[],
  comparison?: Comparison,
): ChartBlock[] {
  const byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  const figureIds = new Set(result.figures.filter((f) => f.value !== null).map((f) => f.measureId));
  const blocks: ChartBlock[] = [];
  for (const id of keyMeasureIds) {
    const measure = byId.get(id);
    if (!measure || !figureIds.has(id)) continue;
    const level2 = comparison?.series.find((s) => s.measureId === id && s.unit === LEVEL2_UNIT);
    if (comparison && level2 && level2.earlier.length > 0)
      blocks.push(overPeriods(measure, level2, comparison));
    const units = perUnit(measure, result, comparison);
    if (units) blocks.push(units);
  }
  return blocks;
}

/**
 * Writes the Diagram sheet (a table per chart, the chart's frame to its right) and returns where
 * each chart goes, for addCharts once the workbook is written. No sheet when there is no chart.
 */
export function writeChartSheet(
  wb: ExcelJS.Workbook,
  heading: { title: string; period: string },
  blocks: readonly ChartBlock[],
): ChartPlacement[] {
  if (blocks.length === 0) return [];
  // Printed like the other level-2 sheets (A4 landscape, one page wide, header and page numbers).
  const ws = wb.addWorksheet(
    CHART_SHEET,
    printableSheet({ title: heading.title, period: periodLabel(heading.period), widths: [30, 16, 16, 16] }),
  );
  ws.getColumn(1).width = 30;
  for (let c = 2; c <= 4; c++) ws.getColumn(c).width = 16;
  const title = ws.getRow(1);
  title.getCell(1).value = cellText(`Diagram – ${heading.title}`);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.getRow(2).getCell(1).value = cellText(
    `Period: ${periodLabel(heading.period)}. Tabellen vid varje diagram är dess underlag: ändras en siffra där ändras diagrammet. En tom cell är ett saknat värde och syns som en lucka, inte som 0.`,
  );
  ws.getRow(2).commit();
  const placements: ChartPlacement[] = [];
  let row = 4;
  let pageTop = 1;
  for (const block of blocks) {
    // A chart never straddles a page: start a new page when the block would not fit on this one.
    const height = block.noChart
      ? block.categories.length + 3
      : Math.max(block.categories.length + 4, CHART_ROWS + 2);
    if (row > 4 && row + height - pageTop > PAGE_ROWS) {
      ws.getRow(row - 1).addPageBreak();
      pageTop = row;
    }
    const top = row;
    const head = ws.getRow(top);
    head.getCell(1).value = cellText(block.title);
    head.font = { bold: true };
    head.commit();
    const header = ws.getRow(top + 1);
    // The corner cell stays empty: then Excel, given the block, takes the first row as series
    // names and the first column as categories (the task pane adds its charts that way).
    block.series.forEach((s, i) => (header.getCell(i + 2).value = cellText(s.name)));
    header.font = { bold: true };
    header.commit();
    const first = top + 2;
    block.categories.forEach((category, k) => {
      const r = ws.getRow(first + k);
      r.getCell(1).value = cellText(category);
      block.series.forEach((s, i) => {
        const cell = r.getCell(2 + i);
        cell.value = s.values[k] ?? null;
        if (block.numberFormat) cell.numFmt = block.numberFormat;
      });
      r.commit();
    });
    const last = first + block.categories.length - 1;
    if (block.noChart) {
      ws.getRow(last + 1).getCell(1).value = cellText(block.noChart);
      ws.getRow(last + 1).commit();
      row = last + 3;
      continue;
    }
    const chartCol = block.series.length + 3;
    placements.push({
      sheet: CHART_SHEET,
      from: `${columnLetters(chartCol)}${top}`,
      to: `${columnLetters(chartCol + CHART_COLUMNS)}${top + CHART_ROWS}`,
      altText: altText(block),
      spec: {
        kind: block.kind,
        title: block.title,
        categories: block.categories,
        categoriesRef: sheetRef(CHART_SHEET, `A${first}`, `A${last}`),
        series: block.series.map((s, i) => {
          const col = columnLetters(2 + i);
          return {
            name: s.name,
            nameRef: sheetRef(CHART_SHEET, `${col}${top + 1}`),
            values: s.values,
            valuesRef: sheetRef(CHART_SHEET, `${col}${first}`, `${col}${last}`),
          };
        }),
        numberFormat: block.numberFormat,
        valueAxisTitle: block.unitOfMeasure || undefined,
      },
    });
    row = Math.max(last + 2, top + CHART_ROWS + 2);
  }
  return placements;
}

/** What a screen reader says for a chart: its kind, what it shows and how many points are missing. */
function altText(block: ChartBlock): string {
  const kind = block.kind === "line" ? "Linjediagram" : "Stapeldiagram";
  const missing = block.series.reduce(
    (n, s) => n + block.categories.filter((_, k) => s.values[k] === undefined).length,
    0,
  );
  return `${kind}: ${block.title}${block.unitOfMeasure ? ` (${block.unitOfMeasure})` : ""}, ${block.series
    .map((s) => s.name)
    .join(" och ")} för ${block.categories.length} ${block.kind === "line" ? "perioder" : "enheter"}${
    missing ? `; ${missing} saknade värden visas som luckor` : ""
  }.`;
}

/** The Diagram sheet of a roll-up's level-2 workbook: the one call writeLevel2 makes. */
export function writeLevel2Charts(
  wb: ExcelJS.Workbook,
  collected: CollectedRollup,
  keyMeasureIds: readonly string[],
  comparison?: Comparison,
): ChartPlacement[] {
  const { uppdrag, result } = collected;
  const blocks = level2ChartBlocks(uppdrag, result, keyMeasureIds, comparison);
  return writeChartSheet(wb, { title: uppdrag.name, period: result.period }, blocks);
}

/**
 * The level-2 charts in Excel: deliverLevel2 adds each chart the file carries as a real Excel
 * chart (charts.add over the Diagram sheet's table) in the same round trips as without charts,
 * however many charts and units, on whichever name the Diagram sheet got.
 */
import * as XLSX from "xlsx";
import { createExcelHost } from "../../src/excel/excelHost";
import { memoryFillStore } from "../../src/excel/fillMemory";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { CHART_SHEET } from "../../src/workbook/level2Charts";
import { readCharts } from "../../src/workbook/readCharts";
import { cellsOf, decodeRange, encodeCell } from "../../src/workbook/a1";
import type { Measure } from "../../src/core/model";
import { catalog, collectedFor, fixtureReports, handFigure } from "../workbook/level2Fixture";
import { must } from "../workbook/xmlTree";
import { FakeWorkbook } from "./fakeExcel";

const uppdrag = must(catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag"));
const reports = fixtureReports(uppdrag);
const charted = uppdrag.measures.filter(
  (m: Measure) =>
    ["sum", "ratio", "pooled", "weightedMean"].includes(m.aggregate) && handFigure(m, reports) !== null,
);

const level2 = (keys: number, units: number) =>
  writeLevel2(collectedFor(uppdrag, reports.slice(0, units)), {
    createdAt: new Date("2026-01-15T10:00:00Z"),
    keyMeasures: charted.slice(0, keys).map((m) => m.id),
  });

const host = (wb: FakeWorkbook, sets: string[]) =>
  createExcelHost({
    run: wb.run,
    isSetSupported: (_n, v) => sets.includes(v),
    fills: memoryFillStore(),
    loadXlsx: async () => XLSX,
  });

async function deliver(bytes: Uint8Array, sets: string[], existing: string[] = []) {
  const wb = new FakeWorkbook([
    { name: "Mina siffror", cells: { A1: 1 } },
    ...existing.map((name) => ({ name })),
  ]);
  await host(wb, sets).deliverLevel2(bytes, "niva2.xlsx");
  return wb;
}

const INSERT = ["1.1", "1.6", "1.8", "1.13"];
const BLOCKS = ["1.1", "1.6", "1.8"];

describe("deliverLevel2 adds the workbook's charts through Office.js", () => {
  it.each([
    ["insert (ExcelApi 1.13)", INSERT],
    ["blocks", BLOCKS],
  ])(
    "%s: one chart per key measure, the same round trips for 1 chart and 2 units as for 5 charts and 4 units",
    async (_, sets) => {
      const small = await deliver(await level2(1, 2), sets);
      const large = await deliver(await level2(5, 4), sets);
      expect(must(small.sheet(CHART_SHEET)).charts).toHaveLength(1);
      expect(must(large.sheet(CHART_SHEET)).charts).toHaveLength(5);
      expect(large.syncs).toBe(small.syncs);
      expect(large.syncs).toBe(sets.includes("1.13") ? 3 : 2);
    },
  );

  it("draws each chart over its table: series names across the top, units down the side, figures as in the file", async () => {
    const bytes = await level2(3, 4);
    const wb = await deliver(bytes, INSERT);
    const inFile = readCharts(bytes);
    const charts = must(wb.sheet(CHART_SHEET)).charts;
    expect(charts).toHaveLength(3);
    const source = XLSX.read(bytes, { type: "array" }).Sheets[CHART_SHEET];
    charts.forEach((chart, i) => {
      const file = must(inFile[i]);
      expect(chart).toMatchObject({
        type: "ColumnClustered",
        seriesBy: "Columns",
        dataSheet: CHART_SHEET,
        source: file.source,
        title: file.title,
        legendPosition: "Bottom",
        position: { from: file.from, to: file.to },
        displayBlanksAs: "NotPlotted",
      });
      expect(chart.title).toBe(`${must(charted[i]).label} – per enhet`);
      const range = must(decodeRange(chart.source));
      const sheet = must(wb.sheet(CHART_SHEET));
      const at = (row: number, col: number) => sheet.cells.get(encodeCell({ row, col }))?.value;
      // The empty corner lets Excel take the first row as names and the first column as categories.
      expect(at(range.start.row, range.start.col)).toBeUndefined();
      const units = reports.filter((r) => !charted[i]?.part || !r.parts || r.parts.includes(charted[i].part));
      const down: unknown[] = [];
      for (let r = range.start.row + 1; r <= range.end.row; r++) down.push(at(r, range.start.col));
      expect(down).toEqual(units.map((u) => u.unit));
      expect(at(range.start.row, range.start.col + 1)).toBe("Halvår 1 2025");
      // The figures in the range are the file's, cell for cell.
      for (const a of cellsOf(chart.source)) expect(sheet.cells.get(a)?.value).toEqual(source?.[a]?.v);
    });
  });

  it("puts the charts on the sheet's new name when Diagram is taken, and refers to that sheet's table", async () => {
    for (const sets of [INSERT, BLOCKS]) {
      const wb = await deliver(await level2(2, 4), sets, [CHART_SHEET]);
      expect(must(wb.sheet(CHART_SHEET)).charts).toHaveLength(0);
      const copy = must(wb.sheet(`${CHART_SHEET} (2)`));
      expect(copy.charts.map((c) => c.dataSheet)).toEqual([`${CHART_SHEET} (2)`, `${CHART_SHEET} (2)`]);
    }
  });

  it("adds no chart and no round trip for a workbook without key measures", async () => {
    const bytes = await level2(0, 4);
    expect(readCharts(bytes)).toEqual([]);
    const wb = await deliver(bytes, INSERT);
    expect(wb.sheet(CHART_SHEET)).toBeUndefined();
    expect(wb.log.filter((o) => o.op === "addChart")).toEqual([]);
    expect(wb.syncs).toBe(3);
  });
});

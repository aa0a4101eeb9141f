/**
 * Which charts the Diagram sheet gets: only key measures with a level-2 number, a line only
 * when there is history, units that do not cover a measure's part left out, and no chart
 * (the table only) above MAX_UNITS_IN_CHART units.
 */
import { level2ChartBlocks, MAX_UNITS_IN_CHART } from "../../src/workbook/level2Charts";
import { unitFigure } from "../../src/core/unitFigure";
import { LEVEL2_UNIT } from "../../src/core/tidy";
import type { Comparison } from "../../src/core/comparison/model";
import { catalog, collectedFor, fixtureReports, handFigure } from "./level2Fixture";
import { must } from "./xmlTree";

const uppdrag = must(catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag"));
const reports = fixtureReports(uppdrag);
const { result } = collectedFor(uppdrag, reports);
/** A sum with a level-2 figure that a unit left blank. */
const withFigure = must(
  uppdrag.measures.find(
    (m) =>
      m.aggregate === "sum" &&
      handFigure(m, reports) !== null &&
      reports.some((r) => r.values[m.id]?.kind === "missing"),
  ),
);
const noFigure = must(uppdrag.measures.find((m) => m.formula && handFigure(m, reports) === null));
const partial = must(uppdrag.measures.find((m) => m.part && m.aggregate === "sum"));

describe("level2ChartBlocks", () => {
  it("charts per unit only the key measures that have a level-2 number, skipping unknown ids", () => {
    const blocks = level2ChartBlocks(uppdrag, result, [noFigure.id, "finns-inte", withFigure.id]);
    expect(blocks.map((b) => [b.kind, b.title])).toEqual([["bar", `${withFigure.label} – per enhet`]]);
    const [block] = blocks;
    const asked = reports.filter((r) => !withFigure.part || !r.parts || r.parts.includes(withFigure.part));
    expect(block?.categories).toEqual(asked.map((r) => r.unit));
    // Each unit's own number, a blank one as missing (undefined), never 0.
    expect(block?.series[0]?.values).toEqual(asked.map((r) => unitFigure(withFigure, r)));
    expect(block?.series[0]?.values).toEqual(asked.map((r) => handFigure(withFigure, [r]) ?? undefined));
    expect(block?.series[0]?.values.some((v) => v === undefined)).toBe(true);
  });

  it("leaves out units whose workbook does not cover the measure's part", () => {
    const [block] = level2ChartBlocks(uppdrag, result, [partial.id]);
    const covering = reports.filter((r) => !r.parts || r.parts.includes(partial.part ?? ""));
    expect(covering.length).toBeLessThan(reports.length);
    expect(block?.categories).toEqual(covering.map((r) => r.unit));
  });

  it("adds the line over the periods only when the comparison has earlier level-2 figures", () => {
    const series = (earlier: number) => ({
      measureId: withFigure.id,
      unit: LEVEL2_UNIT,
      earlier: Array.from({ length: earlier }, (_, i) => ({ period: `202${i}H1`, value: i })),
      current: { period: "2025H1", value: 1 },
      change: undefined,
      movedBeyondThreshold: false,
    });
    const comparison = (earlier: number): Comparison => ({
      periods: [],
      series: [series(earlier)],
      targets: [],
      problems: [],
    });
    expect(level2ChartBlocks(uppdrag, result, [withFigure.id], comparison(0)).map((b) => b.kind)).toEqual([
      "bar",
    ]);
    const [line] = level2ChartBlocks(uppdrag, result, [withFigure.id], comparison(2));
    expect(line?.kind).toBe("line");
    expect(line?.categories).toEqual(["Halvår 1 2020", "Halvår 1 2021", "Halvår 1 2025"]);
  });

  it(`writes the table but no chart for more than ${MAX_UNITS_IN_CHART} units`, () => {
    const many = Array.from({ length: MAX_UNITS_IN_CHART + 1 }, (_, i) => ({
      ...must(reports[0]),
      unit: `Enhet ${i + 1}`,
      file: `e${i}.xlsx`,
    }));
    const [block] = level2ChartBlocks(uppdrag, collectedFor(uppdrag, many).result, [withFigure.id]);
    expect(block?.categories).toHaveLength(MAX_UNITS_IN_CHART + 1);
    expect(block?.noChart).toContain(`${MAX_UNITS_IN_CHART + 1} enheter`);
    const [few] = level2ChartBlocks(
      uppdrag,
      collectedFor(uppdrag, many.slice(0, MAX_UNITS_IN_CHART)).result,
      [withFigure.id],
    );
    expect(few?.noChart).toBeUndefined();
  });
});

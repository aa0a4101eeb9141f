/** The aggregation registry: one descriptor per aggregation, agreeing with itself and with the value types. */
import { AGGREGATES, aggregationOf } from "../../src/core/aggregations";
import { VALUE_TYPES } from "../../src/core/valueTypes";
import { AGGREGATIONS, type Measure } from "../../src/core/model";
import { uppdragById } from "./builders";

describe("the aggregation registry", () => {
  it("has one labelled descriptor for every aggregation, and every one is allowed by some value type", () => {
    expect(Object.keys(AGGREGATES).sort()).toEqual([...AGGREGATIONS].sort());
    const allowed = new Set(Object.values(VALUE_TYPES).flatMap((t) => t.aggregations));
    for (const a of AGGREGATIONS) {
      expect(AGGREGATES[a].label).toMatch(/\S/);
      expect(allowed.has(a)).toBe(true);
    }
  });

  it("explains every aggregation to a nämnd in a sentence of its own, without the controllers' terms", () => {
    const m = (aggregate: Measure["aggregate"], statistic?: "median" | "mean") =>
      ({ aggregate, statistic }) as Measure;
    const texts = AGGREGATIONS.map((a) => AGGREGATES[a].explain(m(a, "median")));
    for (const t of texts) {
      expect(t).toMatch(/^[A-ZÅÄÖ].*\.$/);
      expect(t).not.toMatch(/summa av|kvot|bestånd|aggreg|vägt/i);
    }
    expect(new Set(texts).size).toBe(AGGREGATIONS.length);
    expect(AGGREGATES.pooled.explain(m("pooled", "median"))).toMatch(/^Medianen /);
    expect(AGGREGATES.pooled.explain(m("pooled", "mean"))).toMatch(/^Medelvärdet /);
  });

  it("shows in the task pane every figure the level-2 rules compare, and writes it to tidy data", () => {
    for (const d of Object.values(AGGREGATES).filter((x) => x.numeric)) {
      expect(d.keyFigure).toBeDefined();
      expect(d.tidy).toBe(true);
    }
  });

  it("rolls up, explains and shows a yes/no measure as x av n units", () => {
    const m: Measure = uppdragById("psykiatrisk-hemsjukvard").measures.find(
      (x) => x.aggregate === "yesCount",
    )!;
    const values: Record<string, Record<string, { kind: "yesNo"; value: boolean }>> = {
      A: { [m.id]: { kind: "yesNo", value: true } },
      B: { [m.id]: { kind: "yesNo", value: false } },
      C: { [m.id]: { kind: "yesNo", value: true } },
    };
    const outcome = aggregationOf(m).rollUp(m, ["A", "B", "C"], (u) => values[u]!);
    expect(outcome).toEqual({ value: 2, details: { yes: 2, answered: 3 } });
    const figure = { ...outcome, contributors: ["A", "B", "C"] };
    expect(aggregationOf(m).basis(m, figure, () => "")).toBe("Ja för 2 av 3 enheter");
    expect(aggregationOf(m).keyFigure!(m, figure, String)).toEqual({ value: "2 av 3", unit: "enheter" });
    expect(
      aggregationOf(m).formula(m, 7, {
        unitRange: (r) => `E${r}:G${r}`,
        rowOf: () => undefined,
        caseRange: () => undefined,
        notCovered: "–",
      }),
    ).toBe('COUNTIF(E7:G7,"Ja")');
  });
});

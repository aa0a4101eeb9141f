/**
 * Key figures computed by hand here and compared: per unit, and at level 2 as a ratio of sums
 * over the units that have both parts (never a mean of the units' figures).
 */
import { selectionProblems, unitMoney } from "../../../src/core/finance/amounts";
import { computeKeyFigures, type UnitFinanceInput } from "../../../src/core/finance/keyFigures";
import { matchRows } from "../../../src/core/finance/mapping";
import { recogniseBudgetTable } from "../../../src/core/finance/recognise";
import type { KeyFigure } from "../../../src/core/model";
import { parsePeriod } from "../../../src/core/period";
import { formatProblem } from "../../../src/core/messages/sv";
import { n, psyk } from "../builders";

const H1 = parsePeriod("2025H1")!;
const uppdrag = psyk();

const A: UnitFinanceInput = {
  unit: "A",
  values: { patienter_start: n(60), patienter_slut: n(70), arsarbetare: n(7) },
  money: {
    utfall: { intakter: 100, kostnader: 2600, netto: -2500 },
    budget: { intakter: 200, kostnader: 5400, netto: -5200 },
  },
};
const B: UnitFinanceInput = {
  unit: "B",
  values: { patienter_slut: n(40), arsarbetare: n(0) },
  money: {
    utfall: { intakter: 0, kostnader: 1550, netto: -1550 },
    budget: { intakter: 0, kostnader: 2800, netto: -2800 },
  },
};
const C: UnitFinanceInput = {
  unit: "C",
  values: { patienter_start: n(10), patienter_slut: n(10), arsarbetare: n(1) },
};
const D: UnitFinanceInput = {
  unit: "D",
  values: {},
  money: { utfall: { intakter: 0, kostnader: 300, netto: -300 } },
};

const result = computeKeyFigures(uppdrag, [A, B, C, D], { period: H1 });
const figure = (id: string) => result.figures.find((f) => f.figure.id === id)!;
const values = (id: string) => figure(id).perUnit.map((u) => u.value);

describe("per-volume key figures", () => {
  it("kostnad per patient: kr over the average of start and end when both exist, else the one there is, and says which", () => {
    const expected = [2600_000 / ((60 + 70) / 2), 1550_000 / 40, null, null];
    values("kostnad_per_patient").forEach((v, i) =>
      expected[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(expected[i]!, 9),
    );
    expect(figure("kostnad_per_patient").perUnit.map((u) => u.basis ?? u.missing)).toEqual([
      "medelvärdet av Antal patienter vid periodens början och Antal patienter vid periodens slut",
      "Antal patienter vid periodens slut (bara det värdet finns, inget medelvärde)",
      "ingen budgetrad är kopplad till enheten",
      "Antal patienter vid periodens början och Antal patienter vid periodens slut saknas",
    ]);
    expect(figure("kostnad_per_patient").perUnit[0]!.parts).toEqual({ numerator: 2600, denominator: 65 });
    expect(figure("kostnad_per_patient").unit).toBe("kr per patient");
  });

  it("at level 2 is Σ kostnader / Σ patienter over A and B, not the mean of their figures", () => {
    const level2 = figure("kostnad_per_patient").level2;
    expect(level2.units).toEqual(["A", "B"]);
    expect(level2.value).toBeCloseTo(((2600 + 1550) * 1000) / (65 + 40), 9);
    expect(level2.value).not.toBeCloseTo((40000 + 38750) / 2, 0);
    expect(level2.parts).toEqual({ numerator: 4150, denominator: 105 });
  });

  it("nettokostnad per patient uses kostnader − intäkter", () => {
    expect(values("nettokostnad_per_patient")[0]).toBeCloseTo(2500_000 / 65, 9);
    expect(figure("nettokostnad_per_patient").level2.value).toBeCloseTo(((2500 + 1550) * 1000) / 105, 9);
  });

  it("kostnad per årsarbetare: 0 årsarbetare gives no figure for the unit, but its parts still count at level 2", () => {
    expect(values("kostnad_per_arsarbetare")[0]).toBeCloseTo(2600_000 / 7, 9);
    expect(figure("kostnad_per_arsarbetare").perUnit[1]).toMatchObject({
      value: null,
      missing: "nämnaren är 0",
    });
    expect(figure("kostnad_per_arsarbetare").level2.value).toBeCloseTo(((2600 + 1550) * 1000) / 7, 9);
  });

  it("flags costs with no volume to relate them to", () => {
    expect(result.problems.map((p) => formatProblem(p))).toEqual([
      "Varning: Enheten D har kostnader men ingen volym att relatera dem till (Kostnad per patient, Nettokostnad per patient, Kostnad per årsarbetare saknar nämnare).",
    ]);
    const none = computeKeyFigures({ measures: uppdrag.measures, keyFigures: [] }, [A], { period: H1 });
    expect(none.problems.map((p) => p.code)).toEqual(["financeNoVolumeMeasure"]);
  });
});

describe("budget deviation", () => {
  it("compares half-year utfall with half the annual budget, in tkr and in % of that budget", () => {
    // A: −2 500 − (−5 200 / 2) = 100 (överskott); B: −1 550 − (−2 800 / 2) = −150 (underskott).
    expect(values("budgetavvikelse_tkr")).toEqual([100, -150, null, null]);
    const percent = values("budgetavvikelse_procent");
    expect(percent[0]).toBeCloseTo((100 / 2600) * 100, 9);
    expect(percent[1]).toBeCloseTo((-150 / 1400) * 100, 9);
    expect(figure("budgetavvikelse_procent").perUnit[3]!.missing).toBe("budget för netto saknas");
    expect(figure("budgetavvikelse_tkr").perUnit[0]!.basis).toBe(
      "periodiserad budget: 6/12 av årsbudgeten (jämnt fördelad)",
    );
  });

  it("at level 2 is Σ deviation over Σ periodised budget", () => {
    expect(figure("budgetavvikelse_tkr").level2.value).toBe(-50);
    expect(figure("budgetavvikelse_procent").level2.value).toBeCloseTo((-50 / 4000) * 100, 9);
  });

  const deviation = (compare: "utfall" | "prognos", as: "tkr" | "procent"): KeyFigure => ({
    kind: "budgetDeviation",
    id: `d_${compare}_${as}`,
    label: "Avvikelse",
    compare,
    as,
  });
  const one = (
    period: string,
    money: UnitFinanceInput["money"],
    figures: KeyFigure[],
    monthlyWeights?: number[],
  ) =>
    computeKeyFigures(
      { measures: uppdrag.measures, keyFigures: figures },
      [{ unit: "X", values: {}, money }],
      { period: parsePeriod(period)!, ...(monthlyWeights ? { monthlyWeights } : {}) },
    ).figures.map((f) => f.perUnit[0]!.value);

  it("periodises evenly for a tertial (a third) and a month (a twelfth)", () => {
    const money = { budget: { netto: -1200 }, utfall: { netto: -450 } };
    expect(one("2025T1", money, [deviation("utfall", "tkr"), deviation("utfall", "procent")])).toEqual([
      -50, -12.5,
    ]);
    expect(
      one("2025M03", { budget: { netto: -1200 }, utfall: { netto: -90 } }, [deviation("utfall", "tkr")]),
    ).toEqual([10]);
  });

  it("uses finance's monthly periodisation when given", () => {
    // July weighs half: H2 = (0,5 + 5) / 11,5 of −1 150 = −550; utfall −600 → −50, −50 / 550 = −9,09 %.
    const weights = [1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 1];
    const [tkr, percent] = one(
      "2025H2",
      { budget: { netto: -1150 }, utfall: { netto: -600 } },
      [deviation("utfall", "tkr"), deviation("utfall", "procent")],
      weights,
    );
    expect(tkr).toBeCloseTo(-50, 6);
    expect(percent).toBeCloseTo((-50 / 550) * 100, 4);
  });

  it("compares the helårsprognos with the whole year's budget", () => {
    expect(
      one("2025T2", { budget: { netto: -1200 }, prognos: { netto: -1260 } }, [
        deviation("prognos", "tkr"),
        deviation("prognos", "procent"),
      ]),
    ).toEqual([-60, -5]);
  });

  it("refuses a periodisation that is not twelve non-negative weights", () => {
    const r = computeKeyFigures(uppdrag, [A], { period: H1, monthlyWeights: [1, 2] });
    expect(r.problems.map((p) => formatProblem(p))).toEqual([
      "Fel: Periodiseringen kan inte användas: periodiseringen ska ha tolv vikter, en per månad, inga negativa.",
    ]);
  });
});

describe("a unit's money from the budget table", () => {
  it("sums the rows mapped to a unit, in tkr as positive magnitudes, whatever the table's signs and unit", () => {
    const table = recogniseBudgetTable(
      [
        [
          "Ansvar",
          "Budget 2025 intäkter kr",
          "Budget 2025 kostnader kr",
          "Utfall 2025 kostnader kr",
          "Budget 2024 kostnader kr",
        ],
        ["Psyk team norr", 100_000, -2_000_500, -1_100_000, -1],
        ["Psyk team syd", 50_000, -1_000_000, null, -1],
        ["Summa", 150_000, -3_000_500, -1_100_000, -2],
      ],
      { source: "b.csv" },
    );
    const match = matchRows(table, ["Psykiatri"], {
      format: "uppfoljning-budgetmappning",
      version: 1,
      entries: [
        { row: "Psyk team norr", unit: "Psykiatri" },
        { row: "Psyk team syd", unit: "Psykiatri" },
      ],
    });
    const money = unitMoney(table, match.matched, { year: 2025 }).get("Psykiatri");
    // By hand: intäkter 150 tkr, kostnader 3 000,5 tkr, netto 150 − 3 000,5 = −2 850,5; utfall kostnader missing for syd → missing.
    expect(money).toEqual({ budget: { intakter: 150, kostnader: 3000.5, netto: -2850.5 } });
  });

  it("takes the columns of the follow-up's year and period only, and says when the budget is for another year", () => {
    const table = recogniseBudgetTable(
      [
        ["Enhet", "Budget 2024 netto tkr", "Utfall 2025T1 netto tkr", "Utfall 2025H1 netto tkr"],
        ["A", -1200, -350, -640],
      ],
      { source: "b.xlsx" },
    );
    const match = matchRows(table, ["A"]);
    const selection = { year: 2025, period: "2025H1" };
    expect(unitMoney(table, match.matched, selection).get("A")).toEqual({ utfall: { netto: -640 } });
    expect(selectionProblems(table, selection).map((p) => formatProblem(p))).toEqual([
      "Fel: b.xlsx: Budgetfilen har ingen kolumn med budget för 2025H1 (den har 2024). Använd budgetfilen för rätt år eller period.",
    ]);
  });

  it("in a long table with a period column, takes the rows of the follow-up's period", () => {
    const table = recogniseBudgetTable(
      [
        ["Enhet", "Period", "Utfall netto tkr"],
        ["A", "2025T1", -10],
        ["A", "2025T2", -12],
      ],
      { source: "b.xlsx" },
    );
    const match = matchRows(table, ["A"]);
    expect(match.matched).toEqual([{ row: "A", rowNumbers: [2, 3], unit: "A", via: "name" }]);
    expect(unitMoney(table, match.matched, { year: 2025, period: "2025T2" }).get("A")).toEqual({
      utfall: { netto: -12 },
    });
  });
});

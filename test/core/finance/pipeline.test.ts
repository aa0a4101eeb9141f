/**
 * The whole path a front end takes, on the psykiatrisk hemsjukvård catalog: a ledger table with
 * budget and utfall, rows mapped to the units that reported, money per unit, key figures.
 */
import {
  computeKeyFigures,
  matchRows,
  readBudgetTable,
  selectionProblems,
  unitMoney,
} from "../../../src/core/finance";
import { parsePeriod } from "../../../src/core/period";
import { n, psyk } from "../builders";

it("goes from a ledger table to key figures per unit and at level 2", () => {
  const { table, problems } = readBudgetTable(
    [
      ["Ansvar", "Budget 2025", null, null, "Utfall 2025", null, null],
      [null, "Intäkter", "Kostnader", "Netto", "Intäkter", "Kostnader", "Netto"],
      ["Psykiatriteam Norr", 120, -5400, -5280, 70, -2800, -2730],
      ["Psykiatriteam Syd", 0, -3000, -3000, 0, -1400, -1400],
      ["Summa", 120, -8400, -8280, 70, -4200, -4130],
    ],
    { source: "ledger.xlsx", unit: "tkr" },
  );
  expect(problems).toEqual([]);
  const period = parsePeriod("2025H1")!;
  const match = matchRows(table, ["Psykiatriteam norr", "Psykiatriteam syd"]);
  expect(match.problems).toEqual([]);
  const money = unitMoney(table, match.matched, { year: period.year, period: period.code });
  expect(selectionProblems(table, { year: period.year, period: period.code })).toEqual([]);
  const { figures } = computeKeyFigures(
    psyk(),
    [
      {
        unit: "Psykiatriteam norr",
        values: { patienter_start: n(68), patienter_slut: n(72), arsarbetare: n(7) },
        money: money.get("Psykiatriteam norr")!,
      },
      {
        unit: "Psykiatriteam syd",
        values: { patienter_start: n(30), patienter_slut: n(30), arsarbetare: n(4) },
        money: money.get("Psykiatriteam syd")!,
      },
    ],
    { period },
  );
  const byId = Object.fromEntries(figures.map((f) => [f.figure.id, f]));
  // By hand: Norr 2 800 tkr / 70 patienter = 40 000 kr; Syd 1 400 / 30 = 46 666,67; level 2 4 200 000 / 100 = 42 000.
  expect(byId.kostnad_per_patient!.perUnit[0]!.value).toBeCloseTo(40000, 9);
  expect(byId.kostnad_per_patient!.perUnit[1]!.value).toBeCloseTo(1400000 / 30, 9);
  expect(byId.kostnad_per_patient!.level2.value).toBeCloseTo(42000, 9);
  // Norr: −2 730 − (−5 280 / 2) = −90; Syd: −1 400 − (−1 500) = 100; level 2: 10 tkr, 10 / 4 140 = 0,2415 %.
  expect(byId.budgetavvikelse_tkr!.perUnit.map((u) => u.value)).toEqual([-90, 100]);
  expect(byId.budgetavvikelse_tkr!.level2.value).toBe(10);
  expect(byId.budgetavvikelse_procent!.level2.value).toBeCloseTo((10 / 4140) * 100, 9);
});

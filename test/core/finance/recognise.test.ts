/** Recognising budget tables from their Swedish headers: what is placed, what is listed, and the money unit. */
import { recogniseBudgetTable } from "../../../src/core/finance/recognise";
import type { Cell } from "../../../src/core/finance/model";
import { formatProblem } from "../../../src/core/messages/sv";

const read = (cells: Cell[][], options: Partial<Parameters<typeof recogniseBudgetTable>[1]> = {}) =>
  recogniseBudgetTable(cells, { source: "budget.xlsx", ...options });
const series = (cells: Cell[][], options = {}) =>
  read(cells, options).amountColumns.map((c) => [c.letter, c.series]);
const codes = (cells: Cell[][], options = {}) => read(cells, options).problems.map((p) => p.code);

describe("headers", () => {
  it("reads budget, utfall (also Bokslut) and helårsprognos with kind, year and unit, whatever the case, spacing or diacritics", () => {
    const cells: Cell[][] = [
      [
        "ANSVAR",
        "Budget 2025 intäkter (tkr)",
        "budget 2025  KOSTNADER tkr",
        "Bokslut 2024 Netto, tkr",
        "Utfall  2025 netto tkr",
        "Helårsprognos netto tkr",
        "Intakter utfall 2025 tkr",
      ],
      ["Hemtjänst", 100, -500, -380, -200, -410, 50],
    ];
    expect(series(cells)).toEqual([
      ["B", { kind: "intakter", scenario: "budget", year: 2025 }],
      ["C", { kind: "kostnader", scenario: "budget", year: 2025 }],
      ["D", { kind: "netto", scenario: "utfall", year: 2024 }],
      ["E", { kind: "netto", scenario: "utfall", year: 2025 }],
      ["F", { kind: "netto", scenario: "prognos" }],
      ["G", { kind: "intakter", scenario: "utfall", year: 2025 }],
    ]);
    expect(read(cells).unit).toBe("tkr");
    expect(read(cells).problems).toEqual([]);
  });

  it("reads a two-row header with the scenario over the kind, and a period over a kind", () => {
    const cells: Cell[][] = [
      ["Uppdrag", "Budget", null, "Utfall 2025T1", null, "Budgetavvikelse"],
      [null, "Kostnader", "Netto", "Kostnader", "Netto", null],
      ["Psykiatrisk hemsjukvård", -1200, -1100, -420, -390, -23.3],
    ];
    expect(series(cells, { unit: "tkr" })).toEqual([
      ["B", { kind: "kostnader", scenario: "budget" }],
      ["C", { kind: "netto", scenario: "budget" }],
      ["D", { kind: "kostnader", scenario: "utfall", period: "2025T1" }],
      ["E", { kind: "netto", scenario: "utfall", period: "2025T1" }],
      ["F", { kind: "skillnad" }],
    ]);
  });

  it("lists a column it cannot place (and one that repeats another) instead of guessing, naming its letter and header", () => {
    const cells: Cell[][] = [
      ["Verksamhet", "Budget netto", "Kommentar", "Konto", "Budget netto"],
      ["A", -10, "ok", 4010, -10],
    ];
    const table = read(cells, { unit: "tkr" });
    expect(table.amountColumns.map((c) => c.letter)).toEqual(["B"]);
    expect(table.unplaced.map((c) => [c.letter, c.header, c.why])).toEqual([
      ["C", "Kommentar", "unknown"],
      ["D", "Konto", "unknown"],
      ["E", "Budget netto", "duplicate"],
    ]);
    expect(table.problems.map((p) => formatProblem(p))).toEqual([
      'Varning: budget.xlsx, cell C1: Kolumn C ("Kommentar") kunde inte tolkas och används inte. Ge den en rubrik som Intäkter, Kostnader, Netto, Budget, Utfall eller Prognos om den ska med.',
      'Varning: budget.xlsx, cell D1: Kolumn D ("Konto") kunde inte tolkas och används inte. Ge den en rubrik som Intäkter, Kostnader, Netto, Budget, Utfall eller Prognos om den ska med.',
      "Fel: budget.xlsx, cell E1: Kolumn E betyder samma sak som kolumn B (budget, netto) och används inte. Ta bort den ena eller förtydliga rubriken.",
    ]);
  });

  it("says when a column with budget/utfall but no kind is read as netto, and when the scenario is not given", () => {
    expect(
      codes(
        [
          ["Enhet", "Budget 2025"],
          ["A", -10],
        ],
        { unit: "tkr" },
      ),
    ).toEqual(["financeAssumedNet"]);
    expect(
      codes(
        [
          ["Enhet", "Kostnader"],
          ["A", -10],
        ],
        { unit: "tkr" },
      ),
    ).toEqual(["financeScenarioUnknown"]);
    expect(
      series(
        [
          ["Enhet", "Kostnader"],
          ["A", -10],
        ],
        { unit: "tkr", scenario: "utfall" },
      ),
    ).toEqual([["B", { kind: "kostnader", scenario: "utfall" }]]);
  });

  it("skips a title above and blank rows between the header and the data", () => {
    const table = read([
      ["Driftredovisning per verksamhet"],
      [],
      ["Verksamhet", "Budget netto tkr", "Prognosavvikelse"],
      [null, null],
      ["A", -10, 1],
    ]);
    expect(table.headerRows).toEqual([3]);
    expect(table.amountColumns.map((c) => c.series.kind)).toEqual(["netto", "skillnad"]);
    expect(table.rows.map((r) => [r.rowNumber, r.label])).toEqual([[5, "A"]]);
  });

  it("needs a label column (verksamhet, uppdrag, enhet, ansvar) and says so when there is none", () => {
    expect(
      codes(
        [
          ["Namn", "Budget"],
          ["A", -10],
        ],
        { unit: "tkr" },
      ),
    ).toEqual(["financeNoLabelColumn"]);
    expect(codes([["bara text"], ["mer text"]])).toEqual(["financeNoHeader"]);
  });

  it("reads a period column in a long table, and flags a period it cannot read", () => {
    const table = read(
      [
        ["Enhet", "Period", "Utfall netto"],
        ["A", "2025T1", -10],
        ["A", "2025T2", -12],
        ["A", "vår", -1],
      ],
      { unit: "tkr" },
    );
    expect(table.periodColumn?.letter).toBe("B");
    expect(table.rows.map((r) => r.period)).toEqual(["2025T1", "2025T2", undefined]);
    expect(table.problems.map((p) => [p.code, p.location?.cell])).toEqual([["financeBadPeriod", "B4"]]);
  });
});

describe("rows and cells", () => {
  it("keeps a blank amount missing (never 0), skips heading rows, and flags text in an amount cell at its cell", () => {
    const table = read([
      ["Verksamhet", "Budget netto tkr", "Utfall netto tkr"],
      ["Äldreomsorg"],
      ["Hemtjänst", -10, null],
      ["Säbo", "-", "tio"],
      ["Summa", -10, 0],
    ]);
    expect(table.rows.map((r) => [r.label, r.amounts])).toEqual([
      ["Hemtjänst", [-10, undefined]],
      ["Säbo", [undefined, undefined]],
      ["Summa", [-10, 0]],
    ]);
    expect(table.problems.map((p) => formatProblem(p))).toEqual([
      'Fel: budget.xlsx, cell C4: Rad 4, kolumn C (Säbo): "tio" är inte ett belopp. Skriv bara siffror, t.ex. -12 135.',
    ]);
  });

  it("flags a row with amounts but no name", () => {
    expect(
      codes([
        ["Verksamhet", "Budget netto tkr"],
        [null, -10],
      ]),
    ).toEqual(["financeRowWithoutLabel"]);
  });

  it("recognises Summa, Totalt and Total as sum rows, not units", () => {
    const table = read([
      ["Verksamhet", "Budget netto tkr"],
      ["A", -1],
      ["Summa verksamhet", -1],
      ["TOTALT", -1],
      ["Total", -1],
      ["Summering av avtal", -1],
    ]);
    expect(table.rows.map((r) => r.isSumma)).toEqual([false, true, true, true, false]);
  });
});

describe("money unit", () => {
  const body: Cell[] = ["A", -10];
  it("takes tkr or kr from the header", () => {
    expect(read([["Verksamhet", "Budget (tkr)"], body])).toMatchObject({ unit: "tkr", unitFrom: "header" });
    expect(read([["Verksamhet", "Budget, kr"], body])).toMatchObject({ unit: "kr", unitFrom: "header" });
    expect(read([["Belopp i tusental kronor"], ["Verksamhet", "Budget"], body])).toMatchObject({
      unit: "tkr",
    });
  });

  it("takes the option when the header is silent, and refuses a header that disagrees with it", () => {
    expect(read([["Verksamhet", "Budget"], body], { unit: "kr" })).toMatchObject({
      unit: "kr",
      unitFrom: "option",
    });
    const conflict = read([["Verksamhet", "Budget tkr"], body], { unit: "kr" });
    expect(conflict.unit).toBeUndefined();
    expect(conflict.problems.map((p) => p.code)).toContain("financeUnitConflict");
  });

  it("never mixes kr and tkr, and says so when the unit is unknown or not supported", () => {
    const mixed = read([
      ["Verksamhet", "Budget tkr", "Utfall kr"],
      ["A", -10, -10000],
    ]);
    expect(mixed.unit).toBeUndefined();
    expect(mixed.problems.map((p) => formatProblem(p))).toContain(
      "Fel: budget.xlsx: Rubrikerna anger belopp i både tkr och kr. Beloppen räknas inte ihop förrän alla kolumner har samma enhet.",
    );
    expect(codes([["Verksamhet", "Budget"], body])).toEqual(["financeAssumedNet", "financeUnitUnknown"]);
    expect(codes([["Verksamhet", "Budget mnkr"], body])).toContain("financeUnsupportedUnit");
  });
});

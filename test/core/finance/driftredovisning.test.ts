/**
 * The Driftredovisning of seed 003 (Lilla Edet, Socialnämnden, tkr), typed in as SheetJS or the
 * CSV reader gives it: year over kind in two header rows, "Verksamhet" in a third, costs
 * negative. The table as printed is accepted (its sums are within the rounding allowance); each
 * planted mistake is flagged at its row and column.
 */
import { checkBudgetTable, summaBlocks } from "../../../src/core/finance/checks";
import { recogniseBudgetTable } from "../../../src/core/finance/recognise";
import { describeSigns } from "../../../src/core/finance/signs";
import { readBudgetTable, recognitionLines } from "../../../src/core/finance/budgetFile";
import type { Cell } from "../../../src/core/finance/model";
import { formatProblem } from "../../../src/core/messages/sv";
import { parseCsv } from "../../../src/workbook/csvText";
import type { Problem } from "../../../src/core/model";
import { DRIFT_003 } from "./drift003";

const paramsOf = (p: Problem) => p.params as Record<string, string | number | undefined>;

const DRIFT: Cell[][] = DRIFT_003.map((r) => [...r]);

const copy = (t: Cell[][]) => t.map((r) => [...r]);
const read = (t: Cell[][]) =>
  recogniseBudgetTable(t, { source: "drift.xlsx", sheet: "Drift", scenario: "budget" });
const lines = (t: Cell[][]) => {
  const table = read(t);
  return [...table.problems, ...checkBudgetTable(table)].map((p) => formatProblem(p));
};

describe("003's Driftredovisning", () => {
  it("recognises every column from the two-row header, the unit from the corner and the Summa row", () => {
    const table = read(DRIFT);
    expect(table.headerRows).toEqual([1, 2, 3]);
    expect(table.label).toMatchObject({ letter: "A" });
    expect(table.amountColumns.map((c) => [c.letter, c.series])).toEqual([
      ["B", { kind: "intakter", scenario: "budget", year: 2021 }],
      ["C", { kind: "kostnader", scenario: "budget", year: 2021 }],
      ["D", { kind: "netto", scenario: "budget", year: 2021 }],
      ["E", { kind: "intakter", scenario: "budget", year: 2020 }],
      ["F", { kind: "kostnader", scenario: "budget", year: 2020 }],
      ["G", { kind: "netto", scenario: "budget", year: 2020 }],
      ["H", { kind: "skillnad" }],
    ]);
    expect(table.unplaced).toEqual([]);
    expect(table.unit).toBe("tkr");
    expect(table.rows.map((r) => [r.rowNumber, r.label, r.isSumma])).toEqual([
      [4, "Övergripande", false],
      [5, "Vård och Omsorg", false],
      [6, "Funktionshinder", false],
      [7, "Individ- och familjeomsorg", false],
      [8, "Summa", true],
    ]);
    expect(summaBlocks(table).map((b) => [b.summa.rowNumber, b.rows.map((r) => r.rowNumber)])).toEqual([
      [8, [4, 5, 6, 7]],
    ]);
  });

  it("detects the sign convention: costs negative, netto = intäkter + kostnader", () => {
    const table = read(DRIFT);
    expect(table.signs).toEqual({ intakter: 1, kostnader: -1, netto: 1 });
    expect(describeSigns(table.signs)).toBe(
      "Tecken i tabellen: intäkter positiva, kostnader negativa, netto = intäkter + kostnader, en nettokostnad är negativ.",
    );
  });

  it("accepts the table as printed: kostnader 2021 are 2 tkr off their sum (4 rows × 0,5 allows 2), Funktionshinder's netto 1 tkr off", () => {
    // By hand: 12 135 + 165 160 + 88 139 + 93 829 = 359 263 vs 359 261; 17 200 − 88 139 = −70 939 vs −70 938.
    expect(lines(DRIFT)).toEqual([]);
  });

  it("reads the same table from CSV text (semicolons, spaces in thousands, minus signs)", () => {
    // Years in the header as typed (2021); amounts as Swedish Excel exports them (−165 160).
    const shown = (c: Cell, row: number) =>
      typeof c === "number" && row > 0
        ? new Intl.NumberFormat("sv-SE").format(c).replace(/\u00a0/g, " ")
        : String(c ?? "");
    const csv = DRIFT.map((r, i) => r.map((c) => shown(c, i)).join(";")).join("\r\n");
    const table = read(parseCsv(csv));
    expect(csv.split("\r\n")[4]).toBe(
      "Vård och Omsorg;25 542;−165 160;−139 618;20 759;−170 001;−149 242;−9 624",
    );
    expect(table.amountColumns).toEqual(read(DRIFT).amountColumns);
    expect(table.rows.map((r) => r.amounts)).toEqual(read(DRIFT).rows.map((r) => r.amounts));
    expect(checkBudgetTable(table)).toEqual([]);
  });

  it("flags a Summa 3 tkr off its four rows (more than 4 × 0,5), naming sheet, row and column", () => {
    const t = copy(DRIFT);
    t[7]![2] = -359260; // the sum of the rows is −359 263
    expect(lines(t)).toEqual([
      "Fel: drift.xlsx, blad Drift, cell C8: Rad 8, kolumn C (Summa, budget 2021, kostnader): summan är -359 260 men raderna ovanför (rad 4–7) blir -359 263 tkr. Skillnaden är större än avrundningen tillåter (4 rader × 0,5 = 2).",
    ]);
  });

  it("flags netto 2 tkr off intäkter + kostnader", () => {
    const t = copy(DRIFT);
    t[3]![3] = -8887; // 3 246 − 12 135 = −8 889; the netto Summa stays within its allowance (rows −302 256, printed −302 257)
    expect(lines(t)).toEqual([
      "Fel: drift.xlsx, blad Drift, cell D4: Rad 4, kolumn D (Övergripande, budget 2021, netto): netto är -8 887 men intäkter 3 246 och kostnader -12 135 ger -8 889 tkr. Skillnaden är större än 1 (avrundning).",
    ]);
  });

  it("flags a row written with costs positive as a row whose sign convention differs (one problem, not three)", () => {
    const t = copy(DRIFT);
    t[4] = ["Vård och Omsorg", 25542, 165160, -139618, 20759, -170001, -149242, -9624];
    const problems = checkBudgetTable(read(t));
    expect(problems.filter((p) => paramsOf(p).row === 5).map((p) => [p.code, p.location?.cell])).toEqual([
      ["financeRowSignDiffers", "D5"],
    ]);
  });

  it("flags a netto printed positive among negative ones (as 003's own Nettokostnad for Budget 2021)", () => {
    const t = copy(DRIFT);
    t[5]![3] = 70938;
    const problems = checkBudgetTable(read(t));
    // The Summa no longer adds up either: −8 889 − 139 618 + 70 938 − 82 813 = −160 382.
    expect(problems.map((p) => [p.code, p.location?.cell, paramsOf(p).sum ?? ""])).toEqual([
      ["financeSumMismatch", "D8", -160382],
      ["financeRowSignDiffers", "D6", ""],
    ]);
  });

  it("flags one positive cost among negative ones where the netto still adds up (a cost written with the wrong sign)", () => {
    const t: Cell[][] = [
      ["Verksamhet", "Budget intäkter", "Budget kostnader", "Budget netto"],
      ["A", 10, -100, -90],
      ["B", 5, -50, -45],
      ["C", 0, 20, 20], // a refund: netto 0 + 20 = 20 follows the table's own formula
      ["Summa", 15, -130, -115],
    ];
    const table = recogniseBudgetTable(t, { source: "b.csv", unit: "tkr" });
    expect(checkBudgetTable(table).map((p) => [p.code, p.location?.cell])).toEqual([
      ["financePositiveCost", "C4"],
    ]);
  });

  it("flags a row that follows the other convention (costs positive, netto = intäkter − kostnader) once, at its netto", () => {
    const t: Cell[][] = [
      ["Verksamhet", "Budget intäkter", "Budget kostnader", "Budget netto"],
      ["A", 10, -100, -90],
      ["B", 5, -50, -45],
      ["C", 0, 20, -20],
      ["Summa", 15, -130, -155],
    ];
    const table = recogniseBudgetTable(t, { source: "b.csv", unit: "tkr" });
    // The Summa inherits the mix: its kostnader add the +20 (−130), so 15 − 130 ≠ −155 either.
    expect(checkBudgetTable(table).map((p) => [p.code, p.location?.cell])).toEqual([
      ["financeRowSignDiffers", "D4"],
      ["financeNetMismatch", "D5"],
    ]);
  });

  it("with costs positive, a negative cost is flagged and netto = intäkter − kostnader is accepted", () => {
    const t: Cell[][] = [
      ["Enhet", "Intäkter tkr", "Kostnader tkr", "Netto tkr"],
      ["A", 10, 100, -90],
      ["B", 5, 50, -45],
      ["C", 2, 30, -28],
      ["D", 1, -4, 5],
      ["Totalt", 18, 176, -158],
    ];
    const table = recogniseBudgetTable(t, { source: "b.csv", scenario: "utfall" });
    expect(table.signs).toEqual({ intakter: 1, kostnader: 1, netto: 1 });
    expect(checkBudgetTable(table).map((p) => [p.code, p.location?.cell])).toEqual([
      ["financeNegativeCost", "C5"],
    ]);
  });
});

describe("a ledger export (intäkter negative as credits, kostnader positive as debits)", () => {
  it("is detected as such, netto = intäkter + kostnader with a net cost positive, and a unit's money comes out the same", () => {
    const table = recogniseBudgetTable(
      [
        ["Ansvar", "Utfall intäkter", "Utfall kostnader", "Utfall netto"],
        ["A", -10, 100, 90],
        ["B", -5, 50, 45],
        ["C", 3, 20, 23],
        ["Summa", -12, 170, 158],
      ],
      { source: "ledger.csv", unit: "kr" },
    );
    expect(table.signs).toEqual({ intakter: -1, kostnader: 1, netto: -1 });
    expect(describeSigns(table.signs)).toBe(
      "Tecken i tabellen: intäkter negativa, kostnader positiva, netto = intäkter + kostnader, en nettokostnad är positiv.",
    );
    expect(checkBudgetTable(table).map((p) => [p.code, p.location?.cell])).toEqual([
      ["financePositiveIncome", "B4"],
    ]);
  });
});

describe("003's table per nämnd (Intäkter, Kostnader, Nettokostnad as rows)", () => {
  it("is not guessed at: the user is asked to turn it so that each verksamhet is a row", () => {
    const cells: Cell[][] = [
      ["Socialnämnden", "Utfall 2019", "Budget 2020", "Budget 2021"],
      ["Intäkter", 65708, 51317, 57004],
      ["Kostnader", -396299, -368665, -359261],
      ["Nettokostnad", -330591, -317348, 302257],
    ];
    const table = recogniseBudgetTable(cells, { source: "sn.csv", unit: "tkr" });
    expect(table.rows).toEqual([]);
    expect(table.problems.map((p) => formatProblem(p))).toEqual([
      "Fel: sn.csv: Tabellen har intäkter, kostnader och netto som rader i kolumn A. Vänd den så att varje verksamhet är en rad och intäkter, kostnader och netto är kolumner.",
    ]);
  });

  it("once turned, its Budget 2021 netto printed positive (302 257 among negative nettos) is flagged", () => {
    const cells: Cell[][] = [
      [
        "Verksamhet",
        "Utfall 2019 intäkter",
        "Utfall 2019 kostnader",
        "Utfall 2019 nettokostnad",
        "Budget 2020 intäkter",
        "Budget 2020 kostnader",
        "Budget 2020 nettokostnad",
        "Budget 2021 intäkter",
        "Budget 2021 kostnader",
        "Budget 2021 nettokostnad",
      ],
      ["Socialnämnden", 65708, -396299, -330591, 51317, -368665, -317348, 57004, -359261, 302257],
    ];
    const table = recogniseBudgetTable(cells, { source: "sn.csv", unit: "tkr" });
    expect(checkBudgetTable(table).map((p) => [p.code, p.location?.cell])).toEqual([
      ["financeRowSignDiffers", "J2"],
    ]);
  });
});

describe("003's Investeringar", () => {
  const INVEST: Cell[][] = [
    ["Investeringar", "Budget 2021", "Budget 2022", "Budget 2023"],
    ["Inventarier VoO/FH", 470, 45, 27],
    ["Inventarier AME", 70, 60, 60],
    ["Summa", 540, 45, 27],
  ];

  it("is read as an investment table (not operating costs) and its 2022 and 2023 Summa are flagged: 45 + 60 ≠ 45, 27 + 60 ≠ 27", () => {
    const table = recogniseBudgetTable(INVEST, { source: "inv.csv", unit: "tkr" });
    expect(table.kind).toBe("investering");
    expect(table.amountColumns.map((c) => c.series)).toEqual(
      [2021, 2022, 2023].map((year) => ({ kind: "netto", scenario: "budget", year })),
    );
    expect(table.problems).toEqual([]);
    expect(
      checkBudgetTable(table).map((p) => [p.code, p.location?.cell, paramsOf(p).printed, paramsOf(p).sum]),
    ).toEqual([
      ["financeSumMismatch", "C4", 45, 105],
      ["financeSumMismatch", "D4", 27, 87],
    ]);
  });
});

describe("what the user is told was recognised", () => {
  it("names every column's reading, the unit, the signs and the Summa row", () => {
    const withComment = copy(DRIFT);
    withComment[1]![8] = "Kommentar"; // under the spanning 2020, so its header reads "2020 / Kommentar"
    const { table, problems } = readBudgetTable(withComment, { source: "drift.xlsx", scenario: "budget" });
    expect(problems.map((p) => p.code)).toEqual(["financeColumnUnplaced"]);
    expect(recognitionLines(table)).toEqual([
      'Kolumn A ("tkr / Verksamhet"): verksamhet (radernas namn)',
      'Kolumn B ("2021 / Intäkter"): budget 2021, intäkter',
      'Kolumn C ("2021 / Kostnader"): budget 2021, kostnader',
      'Kolumn D ("2021 / Netto"): budget 2021, netto',
      'Kolumn E ("2020 / Intäkter"): budget 2020, intäkter',
      'Kolumn F ("2020 / Kostnader"): budget 2020, kostnader',
      'Kolumn G ("2020 / Netto"): budget 2020, netto',
      'Kolumn H ("2020 / Skillnad"): skillnad',
      'Kolumn I ("2020 / Kommentar"): används inte (rubriken kunde inte tolkas)',
      "Belopp i tkr (enligt rubriken)",
      "Tecken i tabellen: intäkter positiva, kostnader negativa, netto = intäkter + kostnader, en nettokostnad är negativ.",
      'Rad 8 ("Summa") summerar rad 4–7',
    ]);
  });
});

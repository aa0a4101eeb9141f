/**
 * `uppfoljning ekonomi-mall`: the budget workbook for the units of a list. It is written with
 * yellow, validated, named and unlocked inputs and live netto and Summa formulas; filled the way
 * finance would (SheetJS, through the names), it is read back by `uppfoljning ekonomi` with every
 * column recognised, one row per unit and no problems; recalculated by LibreOffice, Summa and
 * netto equal the sums computed here, also after a filled value is changed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { cli } from "./helpers";
import { fillNamedCells } from "../workbook/sheetjsFill";
import { soffice } from "../helpers/libreoffice";
import { blankCachedResults, mapFormulas, recalculateWithLibreOffice } from "../helpers/libreofficeRecalc";
import { BUDGET_SHEET, budgetCellName, budgetSummaName } from "../../src/workbook/budgetTemplate";

const UNITS = ["Team Norr", "Team Söder", "Team Väster", "Team Öster", "Team Centrum"];
/** Per unit filled (Team Centrum is left blank): [intäkter, kostnader] for budget, utfall, prognos. */
const FILLED: Record<string, [number, number][]> = {
  "Team Norr": [
    [120, 5400.5],
    [55, 2710],
    [118, 5450],
  ],
  "Team Söder": [
    [80, 4300],
    [41.5, 2166.5],
    [82, 4350],
  ],
  "Team Väster": [
    [60, 3900],
    [30, 1890],
    [60, 3880],
  ],
  "Team Öster": [
    [40, 2800],
    [18, 1450.5],
    [40, 2905],
  ],
};
const SCENARIOS = ["budget", "utfall", "prognos"] as const;

/** The value, or a test failure saying what was missing. */
function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} saknas`);
  return value;
}

function fillValues(filled: Record<string, [number, number][]>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [unit, amounts] of Object.entries(filled))
    SCENARIOS.forEach((s, i) => {
      values[budgetCellName(unit, s, "intakter")] = must(amounts[i], unit)[0];
      values[budgetCellName(unit, s, "kostnader")] = must(amounts[i], unit)[1];
    });
  return values;
}

/** The Summa figures computed here: [intäkter, kostnader, netto] per scenario. */
function handSums(filled: Record<string, [number, number][]>): Record<string, number> {
  const sums: Record<string, number> = {};
  SCENARIOS.forEach((s, i) => {
    const income = Object.values(filled).reduce((sum, a) => sum + must(a[i], s)[0], 0);
    const cost = Object.values(filled).reduce((sum, a) => sum + must(a[i], s)[1], 0);
    sums[budgetSummaName(s, "intakter")] = income;
    sums[budgetSummaName(s, "kostnader")] = cost;
    sums[budgetSummaName(s, "netto")] = income - cost;
  });
  return sums;
}

/** The values in the named cells, as SheetJS reads the cached results. */
function namedValues(bytes: Uint8Array, names: string[]): Record<string, unknown> {
  const wb = XLSX.read(bytes, { type: "array" });
  const ws = must(wb.Sheets[BUDGET_SHEET], BUDGET_SHEET);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const ref = wb.Workbook?.Names?.find((n) => n.Name === name)?.Ref ?? "";
    const cell = ref.replace(/^.*!/, "").replace(/\$/g, "");
    out[name] = ws[cell]?.v;
  }
  return out;
}

let dir: string;
let template: Uint8Array;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ekonomi-mall-"));
  fs.writeFileSync(path.join(dir, "enheter.txt"), UNITS.join("\n"), "utf8");
  const made = await cli(
    [
      "ekonomi-mall",
      "psykiatrisk-hemsjukvard",
      "--units",
      "enheter.txt",
      "--period",
      "2025H1",
      "--out",
      "budget.xlsx",
    ],
    dir,
  );
  expect(made).toMatchObject({ code: 0, err: "" });
  template = new Uint8Array(fs.readFileSync(path.join(dir, "budget.xlsx")));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("uppfoljning ekonomi-mall writes the budget workbook", () => {
  it("says what it made, and refuses to write over a file without --skriv-over", async () => {
    const again = await cli(
      [
        "ekonomi-mall",
        "psykiatrisk-hemsjukvard",
        "--units",
        "enheter.txt",
        "--period",
        "2025H1",
        "--out",
        "budget.xlsx",
      ],
      dir,
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain("budget.xlsx finns redan och skrivs inte över");
    const wrongPeriod = await cli(
      [
        "ekonomi-mall",
        "psykiatrisk-hemsjukvard",
        "--units",
        "enheter.txt",
        "--period",
        "2025",
        "--out",
        "helar.xlsx",
      ],
      dir,
    );
    expect(wrongPeriod.code).toBe(2);
    const full = await cli(
      [
        "ekonomi-mall",
        "karlstad-vardighetsgarantier",
        "--units",
        "enheter.txt",
        "--period",
        "2025",
        "--out",
        "helar.xlsx",
      ],
      dir,
    );
    expect(full.out).toContain("Helår 2025, 5 enheter; Budget 2025, Utfall 2025).");
  });

  it("has one row per unit and Summa, yellow validated unlocked inputs with stable names, formulas, protection", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = must(wb.getWorksheet(BUDGET_SHEET), BUDGET_SHEET);
    expect([9, 10, 11, 12, 13, 14].map((r) => ws.getCell(r, 1).value)).toEqual([...UNITS, "Summa"]);
    expect([7, 8].map((r) => [2, 3, 4, 5, 8].map((c) => ws.getCell(r, c).text))).toEqual([
      // B7:D7 is one merged cell (exceljs shows its text in each).
      [
        "Budget 2025 (tkr)",
        "Budget 2025 (tkr)",
        "Budget 2025 (tkr)",
        "Utfall 2025H1 (tkr)",
        "Helårsprognos 2025 (tkr)",
      ],
      ["Intäkter", "Kostnader", "Netto", "Intäkter", "Intäkter"],
    ]);
    const input = ws.getCell("C10"); // Team Söder, budget, kostnader
    expect(wb.definedNames.getRanges("ek_team_soder_budget_kostnader").ranges).toEqual(["Budget!$C$10"]);
    expect(input.protection?.locked).toBe(false);
    expect((input.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    expect(input.dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(ws.getCell("D10").formula).toBe('IF(OR(B10="",C10=""),"",B10-C10)');
    expect(ws.getCell("D10").protection?.locked).not.toBe(false);
    expect(ws.getCell("C14").formula).toBe('IF(COUNT(C9:C13)=0,"",SUM(C9:C13))');
    expect(wb.definedNames.getRanges("ek_summa_utfall_netto").ranges).toEqual(["Budget!$G$14"]);
    expect(ws.getCell("A3").text).toContain("netto = intäkter − kostnader");
    const sheetXml = (await import("fflate")).unzipSync(template)["xl/worksheets/sheet1.xml"];
    expect(Buffer.from(must(sheetXml, "sheet1.xml")).toString()).toContain("<sheetProtection");
  });

  it("filled through its names, is read back by uppfoljning ekonomi: all columns, the units' rows, no problems", async () => {
    fs.writeFileSync(path.join(dir, "ifylld.xlsx"), fillNamedCells(template, fillValues(FILLED)));
    const read = await cli(["ekonomi", "ifylld.xlsx"], dir);
    expect(read.out).toContain('Kolumn A ("Enhet"): verksamhet (radernas namn)');
    for (const line of [
      'Kolumn B ("Budget 2025 (tkr) / Intäkter"): budget 2025, intäkter',
      'Kolumn D ("Budget 2025 (tkr) / Netto"): budget 2025, netto',
      'Kolumn F ("Utfall 2025H1 (tkr) / Kostnader"): utfall 2025H1, kostnader',
      'Kolumn J ("Helårsprognos 2025 (tkr) / Netto"): prognos 2025, netto',
      "Belopp i tkr (enligt rubriken)",
      "Tecken i tabellen: intäkter positiva, kostnader positiva.",
    ])
      expect(read.out).toContain(line);
    expect(read.out).not.toContain("används inte");
    expect(read.out).toContain("0 fel, 0 varningar");
    expect(read.code).toBe(0);
    const json = JSON.parse((await cli(["ekonomi", "ifylld.xlsx", "--json"], dir)).out) as {
      rows: { label: string }[];
    };
    expect(json.rows.map((r) => r.label)).toEqual(Object.keys(FILLED));
  });

  it("filled by teams without income (every intäkt 0), has no warning that the income sign is unknown", async () => {
    const noIncome = Object.fromEntries(
      Object.entries(FILLED).map(([unit, amounts]) => [
        unit,
        amounts.map(([, cost]): [number, number] => [0, cost]),
      ]),
    );
    fs.writeFileSync(path.join(dir, "utan-intakter.xlsx"), fillNamedCells(template, fillValues(noIncome)));
    const read = await cli(["ekonomi", "utan-intakter.xlsx"], dir);
    expect(read.out).toContain("0 fel, 0 varningar");
  });

  const maybe = soffice ? it : it.skip;
  maybe(
    "recalculated by LibreOffice, Summa and netto equal the hand sums, also after a value changes; checks then pass",
    () => {
      const filled = fillNamedCells(template, fillValues(FILLED));
      const changedFigures = structuredClone(FILLED);
      changedFigures["Team Söder"] = [[80, 4999.5], ...must(FILLED["Team Söder"], "Team Söder").slice(1)];
      const changed = fillNamedCells(filled, {
        [budgetCellName("Team Söder", "budget", "kostnader")]: 4999.5,
      });
      // A Summa that skips the first unit's row must be noticed by the same comparison.
      const broken = mapFormulas(filled, (f) =>
        f.replace(/SUM\(([A-Z])9:([A-Z])13\)/, (_, a: string, b: string) => `SUM(${a}10:${b}13)`),
      );
      const books = new Map(
        Object.entries({ filled, changed, broken }).map(([k, v]) => [k, blankCachedResults(v).bytes]),
      );
      const recalculated = recalculateWithLibreOffice(books);
      const names = Object.keys(handSums(FILLED));
      expect(namedValues(must(recalculated.get("filled"), "filled"), names)).toEqual(handSums(FILLED));
      expect(namedValues(must(recalculated.get("changed"), "changed"), names)).toEqual(
        handSums(changedFigures),
      );
      expect(namedValues(must(recalculated.get("broken"), "broken"), names)).not.toEqual(handSums(FILLED));
      expect(
        namedValues(must(recalculated.get("changed"), "changed"), [
          budgetCellName("Team Söder", "budget", "netto"),
        ]),
      ).toEqual({
        [budgetCellName("Team Söder", "budget", "netto")]: 80 - 4999.5,
      });

      fs.writeFileSync(path.join(dir, "omraknad.xlsx"), must(recalculated.get("changed"), "changed"));
      return cli(["ekonomi", "omraknad.xlsx"], dir).then((read) => {
        expect(read.out).toContain(`Rad 14 ("Summa") summerar rad 9–12`);
        expect(read.out).toContain("netto = intäkter − kostnader");
        expect(read.out).toContain("0 fel, 0 varningar");
      });
    },
    120_000,
  );
});

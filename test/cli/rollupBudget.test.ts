/**
 * `uppfoljning rollup … --budget <fil>` on the demo's units: the level-2 workbook gets the Ekonomi
 * sheet; every budget row is accounted for (used, or listed with the command that confirms it);
 * a saved mapping beside the budget file is read by itself; --json gets the budget rows and key
 * figures beside the fields it had; the tidy rows (--csv and the Data sheet) get the key figures
 * and still read back as a period record.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { cli } from "./helpers";
import { readPeriodFile } from "../../src/workbook/readPeriodFile";
import { levelTwoValue } from "../../src/core/periodRecord";
import { LEVEL2_UNIT } from "../../src/core/tidy";

/** Budget 2025 and utfall 2025 per team, in tkr, costs negative; "Kansli" is no team, Team Öster has no row. */
const BUDGET = [
  "tkr;Budget 2025;;;Utfall 2025;;",
  "Verksamhet;Intäkter;Kostnader;Netto;Intäkter;Kostnader;Netto",
  "Team Norr;200;-4800;-4600;90;-2300;-2210",
  "Team Söder;150;-4000;-3850;80;-2100;-2020",
  "Team Väster;0;-3000;-3000;0;-1600;-1600",
  "Kansli;0;-1000;-1000;0;-450;-450",
  "Summa;350;-12800;-12450;170;-6450;-6280",
].join("\r\n");

let dir: string;
const expected = path.join("demo", "mallar", "forvantade-enheter.txt");
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollup-budget-"));
  const demo = await cli(["demo", "--out-dir", "demo"], dir);
  expect(demo.err).toBe("");
  fs.writeFileSync(path.join(dir, "budget.csv"), BUDGET, "utf8");
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rollup = (...extra: string[]) =>
  cli(["rollup", path.join("demo", "inkommet"), "--expected", expected, "--out", "n2.xlsx", ...extra], dir);

describe("rollup --budget", () => {
  it("names the expected-units file the demo writes", () => {
    expect(fs.existsSync(path.join(dir, expected))).toBe(true);
  });

  it("adds the Ekonomi sheet with live key figures and accounts for every budget row", async () => {
    const r = await rollup("--budget", "budget.csv");
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "Ekonomi: budget.csv: 5 budgetrader, 3 kopplade till enheter, 1 utan enhet, 0 utanför enligt mappningen, 1 summarader (bladet Ekonomi).",
    );
    expect(r.out).toContain('  Kopplad: "Team Väster" (rad 5) → Team Väster');
    expect(r.out).toContain('  Ingen enhet: "Kansli" (rad 6)');
    expect(r.out).toContain("Enheten Team Öster har mått men ingen budgetrad.");
    expect(r.out).toContain(`uppfoljning ekonomi budget.csv --enheter ${expected} --bekrafta`);
    expect(r.out).toContain("  Ingen sparad mappning: raderna kopplas på namn.");
    const wb = XLSX.read(fs.readFileSync(path.join(dir, "n2.xlsx")), { cellFormula: true });
    expect(wb.SheetNames).toContain("Ekonomi");
    const ws = wb.Sheets.Ekonomi ?? {};
    const formulas = Object.values(ws).flatMap((c: XLSX.CellObject) => (c.f ? [c.f] : []));
    expect(formulas.some((f) => f.includes("'Nivå 2'!"))).toBe(true);
  });

  it("reads a saved mapping beside the budget file by itself", async () => {
    fs.writeFileSync(
      path.join(dir, "budget.mappning.json"),
      JSON.stringify({
        format: "uppfoljning-budgetmappning",
        version: 1,
        entries: [
          { row: "Kansli", unit: null },
          { row: "Team Väster", unit: "Team Öster" },
        ],
      }),
    );
    try {
      const r = await rollup("--budget", "budget.csv");
      expect(r.out).toContain("  Mappning: budget.mappning.json");
      expect(r.out).toContain('  Kopplad: "Team Väster" (rad 5) → Team Öster (enligt mappningen)');
      expect(r.out).toContain('  Utanför enligt mappningen: "Kansli" (rad 6)');
      expect(r.out).toContain("Enheten Team Väster har mått men ingen budgetrad.");
      expect(r.out).not.toContain("--bekrafta");
    } finally {
      fs.rmSync(path.join(dir, "budget.mappning.json"));
    }
  });

  it("gives --json the budget rows and key figures beside the fields it had", async () => {
    const r = await rollup("--budget", "budget.csv", "--json");
    const json = JSON.parse(r.out);
    expect(json.level2.patienter_slut).toBeDefined();
    expect(json.files.length).toBeGreaterThan(0);
    const statuses = json.budget.rows.map((x: { label: string; status: string; unit: string | null }) => [
      x.label,
      x.status,
      x.unit,
    ]);
    expect(statuses).toEqual([
      ["Team Norr", "used", "Team Norr"],
      ["Team Söder", "used", "Team Söder"],
      ["Team Väster", "used", "Team Väster"],
      ["Kansli", "unmatched", null],
      ["Summa", "summa", null],
    ]);
    expect(json.budget.unmatchedUnits).toEqual(["Team Öster"]);
    expect(json.budget.money["Team Norr"]).toEqual({
      budget: { intakter: 200, kostnader: 4800, netto: -4600 },
      utfall: { intakter: 90, kostnader: 2300, netto: -2210 },
    });
    const deviation = json.budget.keyFigures.find((k: { id: string }) => k.id === "budgetavvikelse_tkr");
    // Level 2: Σ utfall netto − Σ half the budget netto over the three teams with both.
    expect(deviation.level2.value).toBeCloseTo(-2210 - 2020 - 1600 - (-4600 - 3850 - 3000) / 2, 9);
    expect(json.budget.problems.map((p: { code: string }) => p.code)).toContain("financeConfirmRows");
    const without = JSON.parse((await rollup("--json")).out);
    expect(without.budget).toBeNull();
  });

  it("puts the key figures in the tidy rows, which still read back as a period record", async () => {
    const r = await rollup("--budget", "budget.csv", "--csv", "n2.csv", "--json");
    const json = JSON.parse(r.out);
    const perPatient = json.budget.keyFigures.find((k: { id: string }) => k.id === "kostnad_per_patient");
    const read = readPeriodFile(fs.readFileSync(path.join(dir, "n2.csv")), "n2.csv");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.problems).toEqual([]);
    expect(levelTwoValue(read.record, "kostnad_per_patient")).toBeCloseTo(perPatient.level2.value, 6);
    expect(levelTwoValue(read.record, "ekonomi.budget.netto")).toBe(-4600 - 3850 - 3000);
    const norr = read.record.rows.find(
      (x) => x.unit === "Team Norr" && x.measureId === "kostnad_per_patient",
    );
    expect(norr?.value).toBeCloseTo(
      perPatient.perUnit.find((u: { unit: string }) => u.unit === "Team Norr").value,
      6,
    );
    // The Data sheet has the same rows.
    const data = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(fs.readFileSync(path.join(dir, "n2.xlsx"))).Sheets.Data ?? {},
      { header: 1 },
    );
    expect(data.some((row) => row[3] === LEVEL2_UNIT && row[4] === "kostnad_per_patient")).toBe(true);
  });

  it("does not read the budget workbook as a unit's file when it lies among them", async () => {
    const inside = path.join("demo", "inkommet", "budget.xlsx");
    const book = XLSX.utils.book_new();
    const rows = BUDGET.split("\r\n").map((line) =>
      line.split(";").map((c) => (c === "" ? null : /^-?\d+$/.test(c) ? Number(c) : c)),
    );
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Budget");
    XLSX.writeFile(book, path.join(dir, inside));
    try {
      const r = await rollup("--budget", inside, "--json");
      const json = JSON.parse(r.out);
      expect(json.files.map((f: { file: string }) => f.file)).not.toContain(inside);
      expect(json.files).toHaveLength(4);
      expect(json.budget).toMatchObject({ file: inside, sheet: "Budget" });
      expect(json.budget.keyFigures.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(path.join(dir, inside));
    }
  });

  it("refuses --enhet without --budget, a bad unit and a named mapping that does not exist", async () => {
    const noBudget = await rollup("--enhet", "tkr");
    expect(noBudget.code).toBe(2);
    expect(noBudget.err).toContain("--enhet och --mappning gäller budgetfilen");
    const bad = await rollup("--budget", "budget.csv", "--enhet", "mkr");
    expect(bad.err).toContain('--enhet ska vara tkr eller kr, inte "mkr"');
    const missing = await rollup("--budget", "budget.csv", "--mappning", "finns-inte.json");
    expect(missing.err).toContain("Mappningsfilen finns-inte.json finns inte.");
    expect(fs.existsSync(path.join(dir, "finns-inte.json"))).toBe(false);
  });
});

/**
 * The demo's budget: `uppfoljning demo` writes the empty budget workbook and finance's ledger
 * table beside the units list, checks the table and prints the planted mistake's message (the
 * Summa of budgeted costs 100 tkr off, named by row and column); every row maps to a demo unit.
 * Without the planted mistake the same table has no problems, so the check finds that one only.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { cli } from "./helpers";
import { DEMO_UNITS } from "../../src/cli/commands/demo";
import { demoBudgetRows, demoBudgetUnits, PLANTED_SUMMA_ERROR } from "../../src/cli/demoBudget";

/** -8 300: as the messages print numbers. */
const sv = (n: number) =>
  n
    .toLocaleString("sv-SE")
    .replace(/\u00a0/g, " ")
    .replace("\u2212", "-");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-budget-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("the demo writes the budget files and prints the planted Summa mistake the check finds", async () => {
  const run = await cli(["demo", "--out-dir", "ut"], dir);
  const units = demoBudgetUnits(DEMO_UNITS.map((u) => ({ unit: u.unit, fte: u.flow?.[4] })));
  const costs = units.reduce((s, u) => s + u.budget[1], 0);
  const summaRow = 4 + units.length + 1;
  expect(fs.existsSync(path.join(dir, "ut", "mallar", "budgetmall-2025H1.xlsx"))).toBe(true);
  expect(run.out).toContain(
    `Fel: ${path.join("ut", "mallar", "budget-2025.xlsx")}, blad Driftredovisning, cell C${summaRow}: Rad ${summaRow}, kolumn C (Summa, budget 2025, kostnader): summan är ${sv(-(costs + PLANTED_SUMMA_ERROR))} men raderna ovanför (rad 5–${summaRow - 1}) blir ${sv(-costs)} tkr.`,
  );
  expect(run.out).toContain(
    `  ${units.length} av ${units.length} enheter har en budgetrad; alla budgetrader är kopplade.`,
  );
  // The one wrong cell also leaves netto on the Summa row not adding up: the second message points at the same row.
  expect(run.out).toContain(
    `Fel: ${path.join("ut", "mallar", "budget-2025.xlsx")}, blad Driftredovisning, cell D${summaRow}:`,
  );
  expect(run.out).toContain("2 fel, 0 varningar");
});

it("the same table without the planted mistake has no problems", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Driftredovisning").addRows(
    demoBudgetRows(demoBudgetUnits(DEMO_UNITS.map((u) => ({ unit: u.unit, fte: u.flow?.[4] })))),
  );
  fs.writeFileSync(path.join(dir, "ratt.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
  const run = await cli(["ekonomi", "ratt.xlsx"], dir);
  expect(run.out).toContain(
    "Tecken i tabellen: intäkter positiva, kostnader negativa, netto = intäkter + kostnader",
  );
  expect(run.out).toContain("0 fel, 0 varningar");
});

/**
 * `uppfoljning ekonomi <budgetfil> --enheter <fil> [--koppla "Rad=Enhet"] [--bekrafta] [--mappning <fil>]`:
 * rows matched to the units by name are listed, the row and the unit that do not match are
 * problems, a manual pairing is taken, --bekrafta saves the mapping beside the budget file (the
 * budget file untouched) and the next run reuses it; a new period's file finds the old mapping
 * only when pointed at it (--mappning), and is told it exists.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli } from "./helpers";
import { mappingFileName, parseMapping } from "../../src/core/finance";

const BUDGET = [
  "Verksamhet;Budget netto tkr",
  "Övergripande;-8889",
  "Vård & omsorg;-139618",
  "Funktionshinder;-70938",
  "IFO;-82813",
  "Summa;-302258",
].join("\r\n");
const UNITS = ["Vård och Omsorg", "Funktionshinder", "Individ- och familjeomsorg"].join("\n");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ekonomi-koppling-"));
  fs.mkdirSync(path.join(dir, "ekonomi"));
  fs.writeFileSync(path.join(dir, "ekonomi", "budget-2025.csv"), BUDGET, "utf8");
  fs.writeFileSync(path.join(dir, "enheter.txt"), UNITS, "utf8");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const budget = path.join("ekonomi", "budget-2025.csv");
const saved = path.join("ekonomi", "budget-2025.mappning.json");

describe("uppfoljning ekonomi --enheter", () => {
  it("lists what matched by name, and as problems the row and the unit that did not; saves nothing", async () => {
    const run = await cli(["ekonomi", budget, "--enheter", "enheter.txt"], dir);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines).toContain('  "Vård & omsorg" (rad 3) → Vård och Omsorg, kopplad på namn');
    expect(lines).toContain('  "Funktionshinder" (rad 4) → Funktionshinder, kopplad på namn');
    expect(lines).toContain("  2 av 3 enheter har en budgetrad; 2 budgetrader är inte kopplade.");
    expect(run.out).toContain('Budgetraden "Övergripande" (rad 2) motsvarar ingen enhet i uppföljningen.');
    expect(run.out).toContain('Budgetraden "IFO" (rad 5) motsvarar ingen enhet i uppföljningen.');
    expect(run.out).toContain("Enheten Individ- och familjeomsorg har mått men ingen budgetrad.");
    expect(run.out).toContain(`Inget sparades. Lägg till --bekrafta för att spara kopplingen i ${saved}`);
    expect(fs.existsSync(path.join(dir, saved))).toBe(false);
  });

  it("takes manual pairings, saves them with --bekrafta beside the budget file, and reuses them next run", async () => {
    const before = fs.readFileSync(path.join(dir, budget));
    const confirm = await cli(
      [
        "ekonomi",
        budget,
        "--enheter",
        "enheter.txt",
        "--koppla",
        "IFO=Individ- och familjeomsorg",
        "--koppla",
        "Övergripande=",
        "--bekrafta",
      ],
      dir,
    );
    expect(confirm.code).toBe(0);
    expect(confirm.out).toContain('"IFO" (rad 5) → Individ- och familjeomsorg, kopplad enligt ditt val');
    expect(confirm.out).toContain('"Övergripande" (rad 2) hör inte till någon enhet (enligt ditt val)');
    expect(confirm.out).toContain("3 av 3 enheter har en budgetrad; alla budgetrader är kopplade.");
    expect(confirm.out).toContain("0 fel, 0 varningar");
    expect(confirm.out).toContain(`Sparade kopplingen i ${saved}.`);
    expect(mappingFileName(path.join(dir, budget))).toBe(path.join(dir, saved));
    const mapping = parseMapping(fs.readFileSync(path.join(dir, saved), "utf8"), saved).mapping;
    expect(mapping?.entries).toEqual([
      { row: "Vård & omsorg", unit: "Vård och Omsorg" },
      { row: "Funktionshinder", unit: "Funktionshinder" },
      { row: "IFO", unit: "Individ- och familjeomsorg" },
      { row: "Övergripande", unit: null },
    ]);
    expect(fs.readFileSync(path.join(dir, budget))).toEqual(before);

    const again = await cli(["ekonomi", budget, "--enheter", "enheter.txt"], dir);
    expect(again.out).toContain(`Koppling till enheterna i enheter.txt (sparad koppling: ${saved}):`);
    expect(again.out).toContain('"IFO" (rad 5) → Individ- och familjeomsorg, kopplad enligt sparad koppling');
    expect(again.out).toContain("0 fel, 0 varningar");
  });

  it("a new period's budget file is told of the old mapping, and uses it when pointed at it", async () => {
    await cli(
      [
        "ekonomi",
        budget,
        "--enheter",
        "enheter.txt",
        "--koppla",
        "IFO=Individ- och familjeomsorg",
        "--koppla",
        "Övergripande=",
        "--bekrafta",
      ],
      dir,
    );
    const next = path.join("ekonomi", "budget-2026.csv");
    fs.writeFileSync(path.join(dir, next), BUDGET, "utf8");
    const told = await cli(["ekonomi", next, "--enheter", "enheter.txt"], dir);
    expect(told.out).toContain(
      `Ingen sparad koppling för den här budgetfilen (budget-2026.mappning.json), men mappen har budget-2025.mappning.json. Ange --mappning ${saved}`,
    );
    const reused = await cli(
      ["ekonomi", next, "--enheter", "enheter.txt", "--mappning", saved, "--bekrafta"],
      dir,
    );
    expect(reused.out).toContain("alla budgetrader är kopplade");
    expect(reused.out).toContain("0 fel, 0 varningar");
    expect(fs.existsSync(path.join(dir, "ekonomi", "budget-2026.mappning.json"))).toBe(true);
  });

  it("reports a stale saved entry, and refuses unknown rows and units in --koppla with the names there are", async () => {
    fs.writeFileSync(
      path.join(dir, saved),
      JSON.stringify({
        format: "uppfoljning-budgetmappning",
        version: 1,
        entries: [{ row: "Kostenheten", unit: "Vård och Omsorg" }],
      }),
    );
    const stale = await cli(["ekonomi", budget, "--enheter", "enheter.txt"], dir);
    expect(stale.out).toContain(
      'Den sparade kopplingen "Kostenheten" → Vård och Omsorg används inte: raden finns inte längre i budgetfilen.',
    );
    const unknownRow = await cli(
      ["ekonomi", budget, "--enheter", "enheter.txt", "--koppla", "Vård=Funktionshinder"],
      dir,
    );
    expect(unknownRow.code).toBe(2);
    expect(unknownRow.err).toContain(
      'Budgetfilen har ingen rad "Vård". Raderna heter "Övergripande", "Vård & omsorg", "Funktionshinder", "IFO".',
    );
    const unknownUnit = await cli(
      ["ekonomi", budget, "--enheter", "enheter.txt", "--koppla", "IFO=Socialtjänst"],
      dir,
    );
    expect(unknownUnit.err).toContain(
      '"IFO" kan inte kopplas till Socialtjänst: enheten finns inte i enhetslistan',
    );
    const noEquals = await cli(["ekonomi", budget, "--enheter", "enheter.txt", "--koppla", "IFO"], dir);
    expect(noEquals.err).toContain('"IFO" är ingen koppling.');
    const noUnits = await cli(["ekonomi", budget, "--bekrafta"], dir);
    expect(noUnits.err).toContain(
      "--bekrafta kopplar budgetraderna till enheter; ange enhetslistan med --enheter <fil>.",
    );
    expect(fs.existsSync(path.join(dir, "ekonomi", "budget-2025.mappning.json"))).toBe(true);
  });

  it("gives the mapping in --json", async () => {
    const run = await cli(
      ["ekonomi", budget, "--enheter", "enheter.txt", "--koppla", "Övergripande=", "--json"],
      dir,
    );
    const json = JSON.parse(run.out) as { mapping: Record<string, unknown> };
    expect(json.mapping).toMatchObject({
      unitsFile: "enheter.txt",
      readFrom: null,
      savedTo: null,
      noUnit: [{ row: "Övergripande", rows: [2] }],
      unmatchedRows: [{ row: "IFO", rows: [5] }],
      unmatchedUnits: ["Individ- och familjeomsorg"],
    });
  });
});

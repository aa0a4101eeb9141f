/** Budget rows to the follow-up's units: by normalised name, then a confirmed mapping saved and reused. */
import {
  confirmMapping,
  matchKey,
  mappingFileName,
  matchRows,
  parseMapping,
  serializeMapping,
  type BudgetMapping,
} from "../../../src/core/finance/mapping";
import { recogniseBudgetTable } from "../../../src/core/finance/recognise";
import type { Cell } from "../../../src/core/finance/model";
import { formatProblem } from "../../../src/core/messages/sv";

const TABLE: Cell[][] = [
  ["Verksamhet", "Budget netto tkr"],
  ["Övergripande", -8889],
  ["Vård & omsorg", -139618],
  ["Funktionshinder", -70938],
  ["Individ och familjeomsorg", -82813],
  ["Summa", -302258],
];
const table = recogniseBudgetTable(TABLE, { source: "budget.xlsx", sheet: "Drift" });
const UNITS = ["Vård och Omsorg", "FUNKTIONSHINDER", "Individ- och familjeomsorg", "Socialpsykiatri"];

describe("matching by name", () => {
  it("treats & as och, hyphens and case as nothing, so 'Vård & omsorg' is 'Vård och Omsorg'", () => {
    expect(matchKey("Vård & omsorg")).toBe(matchKey("Vård och Omsorg"));
    expect(matchKey("Individ- och familjeomsorg")).toBe(matchKey("individ och familjeomsorg"));
    expect(matchKey("Vård och omsorg")).not.toBe(matchKey("Vård omsorg"));
  });

  it("matches rows to units, lists the row that matches no unit and the unit without a budget row (none dropped)", () => {
    const result = matchRows(table, UNITS);
    expect(result.matched.map((m) => [m.row, m.unit, m.via, m.rowNumbers])).toEqual([
      ["Vård & omsorg", "Vård och Omsorg", "name", [3]],
      ["Funktionshinder", "FUNKTIONSHINDER", "name", [4]],
      ["Individ och familjeomsorg", "Individ- och familjeomsorg", "name", [5]],
    ]);
    expect(result.unmatchedRows).toEqual([{ row: "Övergripande", rowNumbers: [2] }]);
    expect(result.unmatchedUnits).toEqual(["Socialpsykiatri"]);
    expect(result.problems.map((p) => formatProblem(p))).toEqual([
      'Varning: budget.xlsx, blad Drift: Budgetraden "Övergripande" (rad 2) motsvarar ingen enhet i uppföljningen. Koppla den till en enhet eller markera att den inte hör till någon.',
      "Varning: budget.xlsx, blad Drift: Enheten Socialpsykiatri har mått men ingen budgetrad. Koppla en budgetrad till enheten.",
    ]);
  });
});

describe("a confirmed mapping", () => {
  const first = matchRows(table, UNITS);
  const confirmed = confirmMapping(first, [{ row: "Övergripande", unit: null }], "lilla-edet-grunduppdrag");

  it("is saved as small versioned JSON and read back the same", () => {
    const text = serializeMapping(confirmed);
    expect(JSON.parse(text)).toEqual({
      format: "uppfoljning-budgetmappning",
      version: 1,
      uppdrag: "lilla-edet-grunduppdrag",
      entries: [
        { row: "Vård & omsorg", unit: "Vård och Omsorg" },
        { row: "Funktionshinder", unit: "FUNKTIONSHINDER" },
        { row: "Individ och familjeomsorg", unit: "Individ- och familjeomsorg" },
        { row: "Övergripande", unit: null },
      ],
    });
    expect(parseMapping(text, "budget.mappning.json", "lilla-edet-grunduppdrag")).toEqual({
      mapping: confirmed,
      problems: [],
    });
  });

  it("is reused next period: a renamed row follows the mapping, a confirmed non-unit is no longer reported", () => {
    const mapping: BudgetMapping = {
      ...confirmed,
      entries: [...confirmed.entries, { row: "Socialpsykiatrin", unit: "Socialpsykiatri" }],
    };
    const next = recogniseBudgetTable(
      [...TABLE.slice(0, 5), ["Socialpsykiatrin", -100], ["Summa", -302358]],
      { source: "budget2.xlsx" },
    );
    const result = matchRows(next, UNITS, mapping);
    expect(result.matched.map((m) => [m.row, m.unit, m.via])).toEqual([
      ["Vård & omsorg", "Vård och Omsorg", "mapping"],
      ["Funktionshinder", "FUNKTIONSHINDER", "mapping"],
      ["Individ och familjeomsorg", "Individ- och familjeomsorg", "mapping"],
      ["Socialpsykiatrin", "Socialpsykiatri", "mapping"],
    ]);
    expect(result.ignored).toEqual([{ row: "Övergripande", rowNumbers: [2] }]);
    expect(result.problems).toEqual([]);
  });

  it("reports stale entries: a row no longer in the budget, a unit no longer in the follow-up", () => {
    const mapping: BudgetMapping = {
      ...confirmed,
      entries: [...confirmed.entries, { row: "Kostenheten", unit: "Vård och Omsorg" }],
    };
    const result = matchRows(table, ["FUNKTIONSHINDER", "Individ- och familjeomsorg"], mapping);
    expect(result.stale).toEqual([
      { entry: { row: "Vård & omsorg", unit: "Vård och Omsorg" }, why: "unitGone" },
      { entry: { row: "Kostenheten", unit: "Vård och Omsorg" }, why: "rowGone" },
    ]);
    expect(result.unmatchedRows.map((r) => r.row)).toEqual(["Vård & omsorg"]);
    expect(result.problems.map((p) => p.code)).toEqual([
      "financeRowWithoutUnit",
      "financeMappingUnitGone",
      "financeMappingRowGone",
    ]);
  });

  it("refuses a file that is not a mapping, of another version or another uppdrag, with a problem (no exception)", () => {
    const read = (text: string) =>
      parseMapping(text, "m.json", "lilla-edet-grunduppdrag").problems.map((p) => formatProblem(p));
    expect(read("{")).toEqual([
      "Varning: m.json: Den sparade kopplingen m.json kan inte läsas (filen är inte giltig JSON) och används inte; raderna kopplas på namn.",
    ]);
    expect(read(JSON.stringify({ ...confirmed, version: 2 }))[0]).toContain("versionen 2 kan inte läsas");
    expect(read(JSON.stringify({ ...confirmed, entries: [{ row: "A" }] }))[0]).toContain(
      "rad 1 i entries saknar row eller unit",
    );
    expect(read(JSON.stringify({ ...confirmed, uppdrag: "oppna-verksamheter" }))).toEqual([
      "Varning: m.json: Den sparade kopplingen m.json gäller uppdraget oppna-verksamheter, inte lilla-edet-grunduppdrag, och används inte.",
    ]);
  });
});

describe("the mapping's file name", () => {
  it("is the budget file's folder and name stem with .mappning.json, for / and \\ paths", () => {
    expect(mappingFileName("ekonomi/budget-2026.xlsx")).toBe("ekonomi/budget-2026.mappning.json");
    expect(mappingFileName("C:\\Ekonomi\\drift.2026.csv")).toBe("C:\\Ekonomi\\drift.2026.mappning.json");
    expect(mappingFileName("budget")).toBe("budget.mappning.json");
    expect(mappingFileName("./v.1/.budget")).toBe("./v.1/.budget.mappning.json");
  });
});

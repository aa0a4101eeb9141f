/** Small pieces of the Ekonomi view: the mapping's file name beside the budget, and the units budget rows are matched to. */
import { budgetMappingFileName, downloadMapping } from "../../src/taskpane/budgetMappingFile";
import { followUpUnits, unitsOfRollup } from "../../src/taskpane/followUpUnits";
import type { CollectedRollup } from "../../src/workbook/collect";

test("the mapping is named after the budget file without its extension", () => {
  expect(budgetMappingFileName("budget-2025.xlsx")).toBe("budget-2025.mappning.json");
  expect(budgetMappingFileName("C:\\Ekonomi\\Drift 2025.csv")).toBe("Drift 2025.mappning.json");
  expect(budgetMappingFileName("budget")).toBe("budget.mappning.json");
  expect(budgetMappingFileName(".csv")).toBe(".csv.mappning.json");
});

test("the mapping is downloaded as JSON under that name", () => {
  const saved: { name: string; text: string; type?: string }[] = [];
  const name = downloadMapping('{"a":1}\n', "budget.xlsx", (bytes, n, type) =>
    saved.push({ name: n, text: new TextDecoder().decode(bytes), type }),
  );
  expect(name).toBe("budget.mappning.json");
  expect(saved).toEqual([{ name, text: '{"a":1}\n', type: "application/json;charset=utf-8" }]);
});

const rollupOf = (units: string[]) =>
  ({ result: { used: units.map((unit) => ({ unit })) } }) as unknown as CollectedRollup;

test("the roll-up's units, each once (a unit's two parts are one unit)", () => {
  expect(unitsOfRollup(rollupOf(["Team A", "Team B", "team a"]))).toEqual(["Team A", "Team B"]);
});

test("without a roll-up, the typed list; its mistakes are said", () => {
  expect(followUpUnits(rollupOf(["Team A"]), "Team X")).toEqual({
    units: ["Team A"],
    from: "rollup",
    errors: [],
  });
  expect(followUpUnits(undefined, "Team X\n\nTeam Y; del1")).toEqual({
    units: ["Team X", "Team Y"],
    from: "list",
    errors: [],
  });
  expect(followUpUnits(undefined, "Team X\nTeam X").errors).toHaveLength(1);
});

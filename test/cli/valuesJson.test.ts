/** A unit's values in the JSON contract (docs/json.md), each written by its value type. */
import { valuesJson } from "../../src/cli/report";
import { loadTemplates } from "../../src/cli/templateFiles";
import type { UnitReport, Uppdrag, Value, ValueType } from "../../src/core/model";

const { catalog } = loadTemplates();

/** An uppdrag and one measure of each of the given types, from the shipped catalog. */
function measuresOfTypes(types: ValueType[]): { uppdrag: Uppdrag; ids: Record<string, string> } {
  for (const uppdrag of catalog.uppdrag) {
    const ids = Object.fromEntries(types.map((t) => [t, uppdrag.measures.find((m) => m.type === t)?.id]));
    if (types.every((t) => ids[t] !== undefined)) return { uppdrag, ids: ids as Record<string, string> };
  }
  throw new Error(`no uppdrag has all of ${types.join(", ")}`);
}

it("writes a number and a text as they are, Ja/Nej as a boolean, a list of cases as its numbers, missing as null", () => {
  const { uppdrag, ids } = measuresOfTypes(["count", "yesNo", "daysList"]);
  const values: Record<string, Value> = {
    [ids.count!]: { kind: "number", value: 12 },
    [ids.yesNo!]: { kind: "yesNo", value: false },
    [ids.daysList!]: { kind: "list", values: [3, 14] },
  };
  const missing = uppdrag.measures.find((m) => !(m.id in values))!;
  values[missing.id] = { kind: "missing" };
  const report: UnitReport = {
    uppdragId: uppdrag.id,
    templateVersion: uppdrag.version,
    unit: "Norr",
    period: "2025H1",
    file: "norr.xlsx",
    values,
  };
  expect(valuesJson(report, uppdrag)).toEqual({
    [ids.count!]: 12,
    [ids.yesNo!]: false,
    [ids.daysList!]: [3, 14],
    [missing.id]: null,
  });
});

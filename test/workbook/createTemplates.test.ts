/** planTemplates: the one Skapa sequence of the command line and the task pane. */
import { loadTemplates } from "../../src/cli/templateFiles";
import { parsePeriod } from "../../src/core/period";
import { planTemplates } from "../../src/workbook/createTemplates";
import { readUnitWorkbook } from "../../src/workbook/readUnit";

const { catalog } = loadTemplates();
const oppna = catalog.uppdrag.find((u) => u.id === "oppna-verksamheter")!;
const period = parsePeriod("2026h1")!;

describe("planTemplates", () => {
  it("names one template per unit as both front ends do, and writes each for its unit, parts and period", async () => {
    const part = oppna.parts[1]!.id;
    const planned = planTemplates(
      oppna,
      period,
      [{ unit: "Team Söder" }, { unit: "Demens", parts: [part] }],
      { contact: "Kim" },
    );
    expect(planned.map((t) => [t.unit, t.fileName])).toEqual([
      ["Team Söder", "oppna-verksamheter_2026H1_Team-Soder.xlsx"],
      ["Demens", "oppna-verksamheter_2026H1_Demens.xlsx"],
    ]);
    const read = readUnitWorkbook(await planned[1]!.write(), planned[1]!.fileName, catalog);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.raw).toMatchObject({ unit: "Demens", period: "2026H1", parts: [part] });
    const whole = readUnitWorkbook(await planned[0]!.write(), planned[0]!.fileName, catalog);
    expect(whole.ok && whole.raw.parts).toBeUndefined();
  });
});

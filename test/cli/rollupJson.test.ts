/** The rollup JSON for scripts: level-2 figures flagged with the units whose values have errors, and the level-2 rule results. */
import { rollupJson } from "../../src/cli/commands/rollup";
import { rollupFiles, type FileOutcome } from "../../src/workbook/collect";
import { validateReport } from "../../src/core/validate";
import type { UnitReport } from "../../src/core/model";
import { loadTemplates } from "../../src/cli/templateFiles";

const { catalog } = loadTemplates();
const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;

function team(unit: string, start: number, nya: number, avslutade: number, slut: number): UnitReport {
  const n = (value: number) => ({ kind: "number" as const, value });
  const values = {
    patienter_start: n(start),
    patienter_nya: n(nya),
    patienter_avslutade: n(avslutade),
    patienter_slut: n(slut),
    pas_antal: n(2),
    sip_patienter: n(slut),
    arsarbetare: n(2),
  };
  return {
    uppdragId: psyk.id,
    templateVersion: psyk.version,
    unit,
    period: "2025H1",
    file: `inkommet/${unit}.xlsx`,
    values,
  };
}

test("level2 entries name the units with errors behind each figure, and levelTwoProblems says where level 2 does not hold", () => {
  const reports = [team("Team Norr", 22, 5, 3, 24), team("Team Söder", 18, 4, 2, 22)];
  const outcomes: FileOutcome[] = reports.map((report) => ({
    file: report.file,
    sha256: "",
    status: "read",
    uppdrag: psyk,
    report,
    problems: validateReport(psyk, report),
  }));
  const json = JSON.parse(JSON.stringify(rollupJson(rollupFiles(outcomes, catalog)!)));
  expect(json.level2.patienter_slut).toMatchObject({
    value: 46,
    contributors: ["Team Norr", "Team Söder"],
    flaggedUnits: ["Team Söder"],
  });
  expect(json.level2.pas_antal.flaggedUnits).toEqual([]);
  expect(json.levelTwoProblems).toEqual([
    expect.objectContaining({
      code: "levelTwoRule",
      severity: "fel",
      measureId: "patienter_slut",
      file: null,
      message: expect.stringMatching(
        /^Nivå 2 \(hela uppdraget\): Flödet går inte ihop: .* = 44, men .* är 46\./,
      ),
    }),
  ]);
});

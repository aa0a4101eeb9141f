/** levelTwoOf: the one roll-up sequence of the command line and the task pane, from checked files to level 2. */
import type { FileOutcome } from "../../src/workbook/collect";
import { levelTwoOf } from "../../src/workbook/levelTwo";
import { catalog, fixtureReports, level2Mismatches } from "./level2Fixture";

const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
const reports = fixtureReports(psyk);
const outcomes = (): FileOutcome[] =>
  reports.map((report) => ({
    file: report.file,
    sha256: report.file,
    status: "read",
    uppdrag: psyk,
    report,
    problems: [],
  }));

describe("levelTwoOf", () => {
  it("rolls up the checked files and writes level 2 from that roll-up, under the usual file name", async () => {
    const level2 = (await levelTwoOf(outcomes(), catalog, {
      expectedUnits: [...reports.map((r) => ({ unit: r.unit })), { unit: "Saknad" }],
    }))!;
    expect(level2.fileName).toBe(`niva2_${psyk.id}_2025H1.xlsx`);
    expect(level2.collected.files.map((f) => f.status)).toEqual(reports.map(() => "used"));
    expect(level2.collected.result.absentUnits.map((u) => u.unit)).toEqual(["Saknad"]);
    expect(level2Mismatches(psyk, reports, level2.bytes)).toEqual([]);
  });

  it("passes the uppdrag and period asked for on to the roll-up", async () => {
    const other = (await levelTwoOf(outcomes(), catalog, { period: "2024H2" }))!;
    expect(other.collected.result.period).toBe("2024H2");
    expect(
      other.collected.files.every((f) => f.status === "rejected" && f.reason?.code === "otherPeriod"),
    ).toBe(true);
    const oppna = (await levelTwoOf(outcomes(), catalog, { uppdragId: "oppna-verksamheter" }))!;
    expect(oppna.collected.uppdrag.id).toBe("oppna-verksamheter");
  });

  it("gives nothing when no file could be used", async () => {
    const rejected: FileOutcome = {
      file: "trasig.xlsx",
      sha256: "",
      status: "rejected",
      reason: { code: "notAWorkbook", severity: "fel", params: { file: "trasig.xlsx" } },
      problems: [],
    };
    expect(await levelTwoOf([rejected], catalog)).toBeUndefined();
  });
});

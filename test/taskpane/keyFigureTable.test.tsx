/** The task pane's level-2 figures: a figure built on values with errors is flagged beside it, with the units. */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadTemplates } from "../../src/cli/templateFiles";
import { rollupFiles, type FileOutcome } from "../../src/workbook/collect";
import { validateReport } from "../../src/core/validate";
import type { UnitReport } from "../../src/core/model";
import { KeyFigureTable } from "../../src/taskpane/components/KeyFigureTable";

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
    file: `${unit}.xlsx`,
    values,
  };
}

/** The text of each table row, tags stripped. */
function rowTexts(html: string): string[] {
  return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

test("flags a figure built on values with errors with the units, beside the figure, and shows a broken level-2 rule there", () => {
  const reports = [team("Team Norr", 22, 5, 3, 24), team("Team Söder", 18, 4, 2, 22)];
  const outcomes: FileOutcome[] = reports.map((report) => ({
    file: report.file,
    sha256: "",
    status: "read",
    uppdrag: psyk,
    report,
    problems: validateReport(psyk, report),
  }));
  const { result } = rollupFiles(outcomes, catalog)!;
  const html = renderToString(
    <FluentProvider theme={webLightTheme}>
      <KeyFigureTable uppdrag={psyk} figures={result.figures} levelTwoProblems={result.levelTwoProblems} />
    </FluentProvider>,
  );
  const rows = rowTexts(html);
  const slut = rows.find((r) => r.startsWith("Antal patienter vid periodens slut"))!;
  expect(slut).toContain("46 patienter ⚠ Bygger på värden med fel från Team Söder");
  expect(slut).toContain("⚠ Nivå 2 (hela uppdraget): Flödet går inte ihop");
  const pas = rows.find((r) => r.startsWith("Antal patientansvariga sjuksköterskor"))!;
  expect(pas).not.toContain("⚠");
});

/**
 * The pane renders for both hosts without a DOM (server rendering): in Excel it offers the
 * active workbook and cell marking, standalone only files. The roll-up's summary and notice say
 * what was used and what was left out. Interaction is the browser test's job.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadTemplates, readTemplateSources } from "../../src/cli/templateFiles";
import type { HostOperations } from "../../src/taskpane/host";
import { App } from "../../src/taskpane/components/App";
import { createStandaloneHost } from "../../src/taskpane/standaloneHost";
import { RollupSummary } from "../../src/taskpane/components/RollupSummary";
import { rollupNotice } from "../../src/taskpane/rollupOutcome";
import { ERROR_POLICY } from "../../src/core/messages/policy";
import { findUppdrag } from "../../src/core/catalog";
import { sampleValues } from "../../src/cli/sampleData";
import { writeTemplate } from "../../src/workbook/template";
import { checkFiles, rollupFiles, type CollectedRollup, type InputFile } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { fillByNames } from "../workbook/sheetjsFill";

const catalog = loadTemplates().catalog;
const psyk = findUppdrag(catalog, "psykiatrisk-hemsjukvard")!;
const never = () => Promise.reject(new Error("not in this test"));
const excelHost: HostOperations = {
  kind: "excel",
  openTemplate: never,
  readActiveWorkbook: never,
  selectCell: never,
  highlight: never,
  clearHighlight: never,
  deliverLevel2: never,
  readWorkbookSheets: never,
  savedBudgetMapping: () => undefined,
  saveBudgetMapping: never,
  writeEkonomiSheet: never,
};

function render(host: HostOperations): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <App host={host} catalog={catalog} />
    </FluentProvider>,
  );
}

test("i Excel: aktiv arbetsbok och borttagning av markering finns", () => {
  const html = render(excelHost);
  expect(html).toContain("Kontrollera aktiv arbetsbok");
  expect(html).toContain("Ta bort markering");
  expect(html).toContain("Eller kontrollera ifyllda mallar från filer");
  expect(html).toContain("Tillägg i Excel");
});

test("fristående: bara filer, inga Excel-knappar; alla fyra flikarna", () => {
  const html = render(createStandaloneHost(() => undefined));
  expect(html).not.toContain("Kontrollera aktiv arbetsbok");
  expect(html).toContain("Ifyllda mallar att kontrollera");
  for (const tab of ["Skapa", "Kontrollera", "Sammanställ", "Ekonomi"]) expect(html).toContain(`>${tab}<`);
  expect(html).toContain("Psykiatrisk hemsjukvård och hemrehabilitering");
});

test("Ekonomi: in Excel the active workbook's budget is offered and the mapping is kept in it; standalone a file and a saved mapping file", () => {
  const inExcel = render(excelHost);
  expect(inExcel).toContain("Läs budget från aktiv arbetsbok");
  expect(inExcel).toContain("Eller välj budgetfilen");
  expect(inExcel).not.toContain("Sparad koppling (valfritt)");
  const standalone = render(createStandaloneHost(() => undefined));
  expect(standalone).not.toContain("Läs budget från aktiv arbetsbok");
  expect(standalone).toContain("Budgetfil");
  expect(standalone).toContain("Sparad koppling (valfritt)");
  expect(standalone).toContain("Uppföljningens enheter");
  expect(standalone).not.toContain("kommer hit");
});

test("with the bundled catalog's files, the controller can add an uppdrag file of their own; without them, not", () => {
  const withSources = renderToString(
    <FluentProvider theme={webLightTheme}>
      <App
        host={createStandaloneHost(() => undefined)}
        catalog={catalog}
        catalogSources={readTemplateSources()}
      />
    </FluentProvider>,
  );
  expect(withSources).toContain("Eget uppdrag (katalogfil, .json)");
  expect(withSources).toMatch(/accept="\.json"/);
  expect(render(createStandaloneHost(() => undefined))).not.toContain("Eget uppdrag");
});

describe("Sammanställ: vad som räknas med", () => {
  /** A unit's file as the unit fills it; `flowOff` makes the patient flow not add up (an error). */
  async function unitFile(name: string, unit: string, flowOff = false): Promise<InputFile> {
    const template = await writeTemplate(psyk, { unit, period: "2025H1" });
    const bytes = fillByNames(template, {
      ...sampleValues(psyk, 7),
      patienter_start: 20,
      patienter_nya: 5,
      patienter_avslutade: 3,
      patienter_slut: flowOff ? 25 : 22,
      pas_antal: 2,
      sip_patienter: 22,
      sip_moten: 4,
      arsarbetare: 3.5,
    });
    return inMemoryFile(name, bytes);
  }

  /** Team A and B with errors, C and D without; Team E twice, two different files (both left out; the unit sent different files); Team F expected but absent. */
  async function collected(): Promise<CollectedRollup> {
    const files = [
      await unitFile("a.xlsx", "Team A", true),
      await unitFile("b.xlsx", "Team B", true),
      await unitFile("c.xlsx", "Team C"),
      await unitFile("d.xlsx", "Team D"),
      await unitFile("e-forsta.xlsx", "Team E"),
      await unitFile("e-andra.xlsx", "Team E"),
    ];
    const expectedUnits = ["Team A", "Team B", "Team C", "Team D", "Team E", "Team F"].map((unit) => ({
      unit,
    }));
    return rollupFiles(await checkFiles(files, catalog), catalog, { expectedUnits })!;
  }

  const summary = (c: CollectedRollup) =>
    renderToString(
      <FluentProvider theme={webLightTheme}>
        <RollupSummary collected={c} files={c.files} />
      </FluentProvider>,
    );
  /** The visible text, tags dropped, so a sentence split by markup still matches. */
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, "")
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"');

  test("säger hur många filer som används och hur många av dem som har fel, och den beslutade regeln för fel", async () => {
    const shown = text(summary(await collected()));
    expect(shown).toContain("Filer: 4 används, varav 2 med fel.");
    expect(shown).toContain(ERROR_POLICY);
    expect(shown).not.toContain("Felaktiga värden räknas som saknade");
  });

  test("varje fil som inte räknas med står med sitt namn", async () => {
    const html = summary(await collected());
    const items = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => text(m[1]!));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^e-forsta\.xlsx/);
    expect(items[1]).toMatch(/^e-andra\.xlsx/);
  });

  test("meddelandet är en varning, inte grönt, när filer inte räknas med eller enheter saknas", async () => {
    const c = await collected();
    const notice = rollupNotice(c, "Nivå 2 har laddats ned som niva2.xlsx.");
    expect(notice).toEqual({
      intent: "warning",
      title: "Obs: 2 filer räknas inte med, 1 enhet skickade olika filer och 1 förväntad enhet saknas.",
      text: "Nivå 2 har laddats ned som niva2.xlsx.\nSe nedan vilka det gäller.",
    });
    const complete = rollupFiles(
      c.files.filter((f) => f.status === "used"),
      catalog,
    )!;
    expect(rollupNotice(complete, "Klart.")).toEqual({ intent: "success", text: "Klart." });
  });

  test("utan fel i filerna nämns ingen regel för fel", async () => {
    const c = rollupFiles(await checkFiles([await unitFile("c.xlsx", "Team C")], catalog), catalog)!;
    const shown = text(summary(c));
    expect(shown).toContain("Filer: 1 används, inga med fel.");
    expect(shown).not.toContain(ERROR_POLICY);
  });
});

/**
 * The pane renders for both hosts without a DOM (server rendering): in Excel it offers the
 * active workbook and cell marking, standalone only files. Interaction is the browser test's job.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadTemplates } from "../../src/cli/templateFiles";
import type { HostOperations } from "../../src/excel/hostOperations";
import { App } from "../../src/taskpane/components/App";
import { createStandaloneHost } from "../../src/taskpane/standaloneHost";

const catalog = loadTemplates().catalog;
const never = () => Promise.reject(new Error("not in this test"));
const excelHost: HostOperations = {
  kind: "excel",
  openTemplate: never,
  readActiveWorkbook: never,
  selectCell: never,
  highlight: never,
  clearHighlight: never,
  deliverLevel2: never,
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

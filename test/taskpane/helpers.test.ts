/** The task pane's plain helpers: what a controller types, file names, problems and the standalone host. */
import { loadTemplates } from "../../src/cli/templateFiles";
import { findUppdrag } from "../../src/core/catalog";
import type { Problem } from "../../src/core/model";
import { parseUnitList } from "../../src/core/unitList";
import { slug, templateFileName } from "../../src/workbook/fileNames";
import { groupBySeverity, highlightCells, problemLine } from "../../src/taskpane/problems";
import { createStandaloneHost } from "../../src/taskpane/standaloneHost";
import { errorText } from "../../src/taskpane/errors";
import { HostNotSupportedError } from "../../src/excel/errors";

const catalog = loadTemplates().catalog;
const psyk = findUppdrag(catalog, "psykiatrisk-hemsjukvard")!;
const oppna = findUppdrag(catalog, "oppna-verksamheter")!;

describe("enhetsrader", () => {
  test("en enhet per rad; tomma rader och # hoppas över; delar efter semikolon", () => {
    const part = oppna.parts[0]!.id;
    expect(parseUnitList(`Team Norr\n\n# kommentar\n  Demens ; ${part} , \n`, oppna)).toEqual({
      units: [{ unit: "Team Norr" }, { unit: "Demens", parts: [part] }],
      errors: [],
    });
  });

  test("okänd del, saknat namn och dubblett ger svenska fel med radnummer", () => {
    const { errors } = parseUnitList("Team Norr; okand\n; x\nteam norr", psyk);
    expect(errors).toEqual([
      `Rad 1: delen "okand" finns inte i ${psyk.name}. Delar: (uppdraget har inga delar).`,
      "Rad 2: enhetens namn saknas före semikolonet.",
      "Rad 3: team norr står redan på rad 1.",
    ]);
  });
});

test("filnamn som kommandoradens", () => {
  expect(slug("Team Norr/Öst")).toBe("Team-Norr-Ost");
  expect(templateFileName(psyk, "2025H1", "Team Söder")).toBe(
    "psykiatrisk-hemsjukvard_2025H1_Team-Soder.xlsx",
  );
});

describe("problem", () => {
  const flow: Problem = {
    code: "required",
    severity: "fel",
    measureId: "patienter_slut",
    location: { file: "a.xlsx", sheet: "Verksamhetsmått", cell: "C10" },
    params: { measure: "Patienter vid periodens slut" },
  };
  const warning: Problem = { code: "unitMissing", severity: "varning", params: { unit: "Team D" } };

  test("raden nämner blad, cell och mått men inte filen (den står i rubriken)", () => {
    expect(problemLine(flow, psyk)).toBe(
      "Fel: blad Verksamhetsmått, cell C10 (Antal patienter vid periodens slut): Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).",
    );
  });

  test("grupperas efter allvarlighet; bara problem med cell markeras", () => {
    expect(groupBySeverity([warning, flow])).toEqual({ errors: [flow], warnings: [warning] });
    expect(highlightCells([flow, warning])).toEqual([
      { sheet: "Verksamhetsmått", cell: "C10", severity: "fel" },
    ]);
  });
});

test("fristående värd: mallar och nivå 2 sparas som filer", async () => {
  const saved: string[] = [];
  const host = createStandaloneHost((bytes, name) => saved.push(`${name}:${bytes.length}`));
  expect(host.kind).toBe("standalone");
  expect("readActiveWorkbook" in host).toBe(false);
  await host.openTemplate(new Uint8Array(3), "mall.xlsx");
  await host.deliverLevel2(new Uint8Array(5), "niva2.xlsx");
  expect(saved).toEqual(["mall.xlsx:3", "niva2.xlsx:5"]);
});

test("felmeddelanden: adapterns svenska text som den är, annars en allmän rad", () => {
  expect(errorText(new HostNotSupportedError("Kräver ExcelApi 1.8.", "ExcelApi 1.8"))).toBe(
    "Kräver ExcelApi 1.8.",
  );
  expect(errorText(new Error("boom"))).toBe("Något gick fel: boom");
});

/**
 * The Kontrollera tab's two paths with last period's files, as the pane runs them (File objects,
 * the lazily loaded workbook module): the continuity check pairs units as the roll-up does, and
 * previous files that pair with nothing or cannot be read are said, not silently dropped.
 */
import { loadTemplates } from "../../src/cli/templateFiles";
import { sampleValues } from "../../src/cli/sampleData";
import { findUppdrag } from "../../src/core/catalog";
import { writeTemplate } from "../../src/workbook/template";
import { readUnitWorkbook } from "../../src/workbook/readUnit";
import { checkActiveOutcome, checkPickedFiles } from "../../src/taskpane/checkActive";

/** The heading the pane shows above last period's problems. */
const PREVIOUS_FILES = "Förra periodens filer";
import { fillByNames } from "../workbook/sheetjsFill";

const { catalog } = loadTemplates();
const psyk = findUppdrag(catalog, "psykiatrisk-hemsjukvard")!;

async function filled(unit: string, period: string, start: number, slut: number): Promise<Uint8Array> {
  const values = {
    ...sampleValues(psyk, 3),
    patienter_start: start,
    patienter_nya: slut - start,
    patienter_avslutade: 0,
    patienter_slut: slut,
    sip_patienter: slut,
  };
  return fillByNames(
    await writeTemplate(psyk, { unit, period }),
    values as Parameters<typeof fillByNames>[1],
  );
}

const file = (name: string, bytes: Uint8Array) => new File([bytes as Uint8Array<ArrayBuffer>], name);
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe("Kontrollera with last period's files", () => {
  let previous: File[];
  beforeAll(async () => {
    previous = [
      file("forra-norr.xlsx", await filled("team norr", "2024H2", 10, 19)),
      file("forra-vast.xlsx", await filled("Team Väst", "2024H2", 5, 6)),
      file("trasig.xlsx", new TextEncoder().encode("ingen arbetsbok")),
    ];
  });

  it("checks picked files: pairs 'team norr' with Team Norr, tells Team Syd it has no pair, and lists the unused previous files", async () => {
    const results = await checkPickedFiles(
      [
        file("norr.xlsx", await filled("Team Norr", "2025H1", 20, 22)),
        file("syd.xlsx", await filled("Team Syd", "2025H1", 8, 9)),
      ],
      previous,
      catalog,
    );
    expect(results.map((r) => r.file)).toEqual(["norr.xlsx", "syd.xlsx", PREVIOUS_FILES]);
    expect(codes(results[0]!.problems).filter((c) => /previous|continuity/.test(c))).toEqual([
      "continuityMismatch",
    ]);
    expect(codes(results[1]!.problems)).toContain("previousMissing");
    expect(results[2]!.problems.map((p) => [p.code, p.location?.file])).toEqual([
      ["previousUnreadable", "trasig.xlsx"],
      ["previousUnpaired", "forra-vast.xlsx"],
    ]);
  });

  it("pairs nothing with two different previous files for one unit, and says so; a copy of one file is that file", async () => {
    const norr = await filled("Team Norr", "2024H2", 10, 19);
    const copies = await checkPickedFiles(
      [file("norr.xlsx", await filled("Team Norr", "2025H1", 20, 22))],
      [file("a.xlsx", norr), file("a (kopia).xlsx", norr)],
      catalog,
    );
    expect(codes(copies[0]!.problems)).toContain("continuityMismatch");
    expect(copies).toHaveLength(1);
    const different = await checkPickedFiles(
      [file("norr.xlsx", await filled("Team Norr", "2025H1", 20, 22))],
      [file("a.xlsx", norr), file("b.xlsx", await filled("Team Norr", "2024H2", 10, 20))],
      catalog,
    );
    expect(codes(different[0]!.problems).filter((c) => /previous|continuity/.test(c))).toEqual([
      "previousMissing",
    ]);
    expect(different[1]!.problems.map((p) => [p.code, p.location?.file])).toEqual([
      ["previousAmbiguous", "a.xlsx"],
      ["previousAmbiguous", "b.xlsx"],
    ]);
  });

  it("checks the active workbook the same way", async () => {
    const active = readUnitWorkbook(await filled("Team Norr", "2025H1", 20, 22), "Team Norr.xlsx", catalog);
    const [checked, notes] = await checkActiveOutcome(active, catalog, previous);
    expect(codes(checked!.problems).filter((c) => /previous|continuity/.test(c))).toEqual([
      "continuityMismatch",
    ]);
    expect(notes).toMatchObject({ file: PREVIOUS_FILES });
    expect(codes(notes!.problems)).toEqual(["previousUnreadable", "previousUnpaired"]);
  });
});

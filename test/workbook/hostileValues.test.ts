/**
 * Values no count, amount or day can be (1e21, 1e308, a date cell holding garbage) are
 * problems on their cell, never exceptions: validate reports them and rollup still writes.
 */
import { writeTemplate } from "../../src/workbook/template";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { checkFiles, rollupFiles } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { loadTemplates } from "../../src/cli/templateFiles";
import { problemText } from "../../src/core/messages/sv";
import { psyk } from "../core/builders";
import { fillByNames } from "./sheetjsFill";
import { editEntries } from "./hostile";

const { catalog } = loadTemplates();

/** patienter_start is C5 of the sheet Verksamhetsmått (sheet2.xml in the template). */
const withStartCell = (bytes: Uint8Array, xml: string) =>
  editEntries(bytes, /^xl\/worksheets\/sheet2\.xml$/, (s) => s.replace(/<c r="C5"[^>]*>.*?<\/c>/, xml));

let filled: Uint8Array;
beforeAll(async () => {
  const template = await writeTemplate(psyk(), { unit: "Team Norr", period: "2025H1" } as Parameters<
    typeof writeTemplate
  >[1]);
  filled = fillByNames(template, {
    patienter_start: 7,
    patienter_nya: 4,
    patienter_avslutade: 1,
    patienter_slut: 10,
  });
});

describe.each([
  ["1000000000000000000000", '<c r="C5"><v>1000000000000000000000</v></c>', "valueOutOfBounds"],
  ["1e308", '<c r="C5"><v>1e308</v></c>', "valueOutOfBounds"],
  ["2e9 typed as text", '<c r="C5" t="inlineStr"><is><t>2 000 000 000</t></is></c>', "valueOutOfBounds"],
  ["a date cell holding garbage", '<c r="C5" t="d"><v>inget datum</v></c>', "invalidDate"],
  ["a date cell far beyond any calendar", '<c r="C5" t="d"><v>99999999-01-01</v></c>', "invalidDate"],
])("a cell holding %s", (_what, xml, code) => {
  it(`is the problem ${code} on its cell, and the roll-up still uses the file`, async () => {
    const bytes = withStartCell(filled, xml);
    const [outcome] = await checkFiles([inMemoryFile("norr.xlsx", bytes)], catalog);
    const onCell = outcome!.problems.find((p) => p.measureId === "patienter_start");
    expect(onCell).toMatchObject({
      code,
      severity: "fel",
      location: { sheet: "Verksamhetsmått", cell: "C5" },
    });
    expect(problemText(onCell!)).not.toMatch(/undefined|NaN|Infinity/);
    expect(outcome!.report!.values.patienter_start).toMatchObject({ kind: "missing" });
    const collected = rollupFiles([outcome!], catalog)!;
    expect(collected.files[0]!.status).toBe("used");
    expect((await writeLevel2(collected)).length).toBeGreaterThan(1000);
  });
});

it("a value at the limit is still read", async () => {
  const [outcome] = await checkFiles(
    [inMemoryFile("norr.xlsx", withStartCell(filled, '<c r="C5"><v>1000000000</v></c>'))],
    catalog,
  );
  expect(outcome!.report!.values.patienter_start).toEqual({ kind: "number", value: 1e9 });
  expect(() => rollupFiles([outcome!], catalog)).not.toThrow();
});

// Found by the fuzzer (test/fuzz): SheetJS drops a sheet it cannot parse (here for an empty date
// cell) from wb.Sheets but keeps it in SheetNames; the reader then crashed looking for labels on it.
it("a sheet SheetJS cannot parse rejects the file naming the sheet, not as an unexpected error", async () => {
  const bytes = withStartCell(filled, '<c r="C5" t="d"><v></v></c>');
  const [outcome] = await checkFiles([inMemoryFile("norr.xlsx", bytes)], catalog);
  expect(outcome!.status).toBe("rejected");
  expect(problemText(outcome!.reason!)).toBe(
    "norr.xlsx kunde inte läsas: bladet Verksamhetsmått är skadat och gick inte att läsa, så filen används inte.",
  );
});

it("a defined name without its name attribute names nothing, and the file is still read (found by fuzzing)", async () => {
  // A date cell sends the file to the full parse, where SheetJS lists the nameless name with Name undefined.
  const dated = withStartCell(filled, '<c r="C5" t="d"><v>2025-01-01</v></c>');
  const bytes = editEntries(dated, /^xl\/workbook\.xml$/, (s) =>
    s.replace(/<definedName name="U_patienter_nya"/, "<definedName"),
  );
  const [outcome] = await checkFiles([inMemoryFile("norr.xlsx", bytes)], catalog);
  expect(outcome!.status).toBe("read");
  expect(outcome!.problems.map((p) => p.code)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^namesMissingUsedLabels$|^nameMissingUsedLabel$/)]),
  );
});

/**
 * One file can never take the run down: whatever throws while one file is read, interpreted
 * or validated becomes that file's rejection, in Swedish and naming the file, and every other
 * file is still checked and rolled up.
 */
import * as validate from "../../src/core/validate";
import { writeTemplate } from "../../src/workbook/template";
import { checkFiles, rollupFiles, type InputFile } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { loadTemplates } from "../../src/cli/templateFiles";
import { problemText } from "../../src/core/messages/sv";
import { psyk, psykValues } from "../core/builders";
import { fillByNames } from "./sheetjsFill";

const { catalog } = loadTemplates();

async function unitFile(unit: string): Promise<Uint8Array> {
  const template = await writeTemplate(psyk(), { unit, period: "2025H1" } as Parameters<
    typeof writeTemplate
  >[1]);
  return fillByNames(template, psykValues(10, 2, 1, 1, 3));
}

const failing = (name: string, error: Error): InputFile => ({
  name,
  read: async () => Promise.reject(error),
});
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

afterEach(() => jest.restoreAllMocks());

it.each([
  ["EACCES", "behörighet saknas (EACCES)"],
  ["EIO", "läsfel på disken (EIO)"],
  ["ELOOP", "länkar i rad"],
])("a file the system refuses (%s) is rejected in Swedish, and the others roll up", async (code, swedish) => {
  const outcomes = await checkFiles(
    [
      inMemoryFile("norr.xlsx", await unitFile("Team Norr")),
      failing("låst.xlsx", errno(code, `${code}: permission denied, open 'låst.xlsx'`)),
      inMemoryFile("syd.xlsx", await unitFile("Team Syd")),
    ],
    catalog,
  );
  const locked = outcomes[1]!;
  expect(locked.status).toBe("rejected");
  const text = problemText(locked.reason!);
  expect(text).toContain("låst.xlsx");
  expect(text).toContain(swedish);
  expect(text).not.toMatch(/permission denied|open '/);
  const collected = rollupFiles(outcomes, catalog)!;
  expect(collected.result.used.map((r) => r.unit)).toEqual(["Team Norr", "Team Syd"]);
});

it("a file whose validation throws is rejected with a Swedish message naming it; the files before and after still count", async () => {
  const real = validate.validateReport;
  jest.spyOn(validate, "validateReport").mockImplementation((uppdrag, report, previous) => {
    if (report.unit === "Team Mitt")
      throw new TypeError("Cannot read properties of undefined (reading 'value')");
    return real(uppdrag, report, previous);
  });
  const outcomes = await checkFiles(
    [
      inMemoryFile("norr.xlsx", await unitFile("Team Norr")),
      inMemoryFile("mitt.xlsx", await unitFile("Team Mitt")),
      inMemoryFile("syd.xlsx", await unitFile("Team Syd")),
    ],
    catalog,
  );
  expect(outcomes.map((o) => o.status)).toEqual(["read", "rejected", "read"]);
  const text = problemText(outcomes[1]!.reason!);
  expect(text).toMatch(/^mitt\.xlsx kunde inte läsas: filen gick inte att tolka/);
  expect(text).not.toMatch(/Cannot read|undefined/);
  expect(rollupFiles(outcomes, catalog)!.result.used.map((r) => r.unit)).toEqual(["Team Norr", "Team Syd"]);
});

/**
 * Memory flat in the number of files: a checked file's outcome holds its own small copy of
 * what was read, not the file's XML. (V8 keeps a whole string alive behind any short string
 * cut from it, so one text value taken from sharedStrings.xml kept about 30 KB per file.)
 */
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { writeTemplate } from "../../src/workbook/template";
import { fillTemplate } from "../../src/workbook/fill";
import { checkFiles } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { loadTemplates } from "../../src/cli/templateFiles";
import { sampleValues } from "../../src/cli/sampleData";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heapUsed = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

it("an outcome keeps a few kilobytes, not the XML of the file it was read from", async () => {
  const { catalog } = loadTemplates();
  const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
  const filled = await fillTemplate(
    await writeTemplate(psyk, { unit: "Team Norr", period: "2025H1" }),
    sampleValues(psyk, 7),
  );
  const files = Array.from({ length: 60 }, (_, i) => inMemoryFile(`enhet-${i}.xlsx`, filled));
  await checkFiles(files.slice(0, 3), catalog);
  const before = heapUsed();
  const outcomes = await checkFiles(files, catalog);
  const perOutcome = (heapUsed() - before) / outcomes.length;
  expect(
    outcomes.every((o) => o.status === "read" && o.report?.values.kval_samverkan_metod?.kind === "text"),
  ).toBe(true);
  // About 8 KB measured (values, locations, problems); 40 KB when the XML was kept.
  expect(perOutcome).toBeLessThan(16 * 1024);
});

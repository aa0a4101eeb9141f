/**
 * Hostile and odd files against the reader's limits: each is rejected with a Swedish message
 * naming the file (or read, when it is valid), quickly and without taking the run down.
 */
import { strFromU8, strToU8 } from "fflate";
import * as XLSX from "xlsx";
import { writeTemplate } from "../../src/workbook/template";
import { fillTemplate } from "../../src/workbook/fill";
import { readUnitWorkbook } from "../../src/workbook/readUnit";
import { checkFiles, rollupFiles } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { LIMITS, timeLimit } from "../../src/workbook/limits";
import { problemText } from "../../src/core/messages/sv";
import { loadTemplates } from "../../src/cli/templateFiles";
import { sampleValues } from "../../src/cli/sampleData";
import { declareSize, editText, rezip, sheetPath, toZip64 } from "./hostileZip";
import { dropNames, readBook, writeBook } from "./sheetjsFill";

const { catalog } = loadTemplates();
const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
const SHEET = "Verksamhetsmått";
const MB = 1024 * 1024;

// Each limit is tested on its own: a loaded machine must not turn a zip bomb's size rejection into one for time.
beforeEach(() => (timeLimit.seconds = 600));
afterEach(() => (timeLimit.seconds = LIMITS.fileSeconds));

let filled: Uint8Array;
beforeAll(async () => {
  const template = await writeTemplate(psyk, {
    unit: "Team Norr",
    period: "2025H1",
    createdAt: new Date("2025-06-01T08:00:00Z"),
  });
  filled = await fillTemplate(template, sampleValues(psyk, 7));
});

function rejection(bytes: Uint8Array, file = "hostil.xlsx") {
  const outcome = readUnitWorkbook(bytes, file, catalog);
  if (outcome.ok) throw new Error(`${file} was read, not rejected`);
  const text = problemText(outcome.problem);
  expect(text).toContain(file);
  expect(text).not.toMatch(/undefined|NaN|\{|Error/);
  return { ...outcome.problem, text };
}

/** workbook.xml with the defined name pointing at every cell of the sheet. */
const wholeSheetName = (xml: string, name: string, range = "$A$1:$XFD$1048576") =>
  xml.replace(
    new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*`),
    (_, tag: string) => `${tag}'${SHEET}'!${range}`,
  );

/** `n` bytes of XML whitespace inside an element, which deflate shrinks about a thousand times. */
const padding = (n: number) => " ".repeat(n);

describe("zip limits", () => {
  it("refuses an entry whose declared size is past the limit before inflating anything", () => {
    const bytes = declareSize(filled, "xl/sharedStrings.xml", 0xfffffff0);
    const p = rejection(bytes);
    expect(p).toMatchObject({
      code: "zipEntryTooLarge",
      params: { entry: "xl/sharedStrings.xml", max: "16" },
    });
  });

  it("refuses an entry that inflates past the limit although it declares a small size (a zip bomb)", () => {
    const bomb = rezip(filled, (f) =>
      editText(f, "xl/sharedStrings.xml", (x) =>
        x.replace("<sst ", `<sst ${padding(LIMITS.entryBytes + MB)} `),
      ),
    );
    expect(bomb.length).toBeLessThan(200_000);
    const p = rejection(declareSize(bomb, "xl/sharedStrings.xml", 1000));
    expect(p).toMatchObject({ code: "zipEntryTooLarge", params: { entry: "xl/sharedStrings.xml" } });
  });

  it("refuses to hand SheetJS's full parse more than its limit, which it could not interrupt", () => {
    // Names lost, so the file needs the full parse; its sheet is padded past that limit but under the entry limit.
    const bytes = rezip(filled, (f) => {
      editText(f, "xl/workbook.xml", (x) => x.replace(/<definedNames>.*<\/definedNames>/s, ""));
      editText(f, sheetPath(f, SHEET), (x) =>
        x.replace("<worksheet ", `<worksheet ${padding(LIMITS.fullReadBytes + MB)} `),
      );
    });
    expect(rejection(bytes)).toMatchObject({ code: "fullReadTooLarge", params: { max: "4" } });
  });

  it("refuses a file whose entries together inflate past the total limit, each under the entry limit", () => {
    const each = LIMITS.entryBytes - MB;
    const bytes = rezip(filled, (f) => {
      editText(f, "xl/sharedStrings.xml", (x) => x.replace("<sst ", `<sst ${padding(each)} `));
      editText(f, "xl/styles.xml", (x) => x.replace("<styleSheet ", `<styleSheet ${padding(each)} `));
      editText(f, sheetPath(f, SHEET), (x) => x.replace("<worksheet ", `<worksheet ${padding(each)} `));
    });
    expect(rejection(bytes)).toMatchObject({ code: "zipTotalTooLarge", params: { max: "40" } });
  });

  it("refuses a file larger than the file limit, naming its size", () => {
    const noise = new Uint8Array(LIMITS.fileBytes + MB);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const bytes = rezip(filled, (f) => (f["xl/media/image1.png"] = noise), 0);
    expect(rejection(bytes)).toMatchObject({ code: "fileTooLarge", params: { size: "17", max: "16" } });
  });

  it("reads a valid zip64 workbook like the same workbook zipped plainly", () => {
    const zip64 = toZip64(filled);
    const plain = readUnitWorkbook(filled, "enhet.xlsx", catalog);
    const read = readUnitWorkbook(zip64, "enhet.xlsx", catalog);
    expect(read.ok).toBe(true);
    expect(read).toEqual(plain);
    expect(readUnitWorkbook(zip64, "enhet.xlsx", catalog, "full")).toEqual(plain);
  });
});

describe("workbook limits", () => {
  it("refuses a workbook with more sheets than the limit", () => {
    const wb = readBook(filled);
    for (let i = 0; i <= LIMITS.sheets; i++)
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[i]]), `Blad ${i}`);
    const p = rejection(writeBook(wb));
    expect(p).toMatchObject({ code: "tooManySheets", params: { max: LIMITS.sheets } });
    expect(Number((p.params as { count?: number }).count)).toBeGreaterThan(LIMITS.sheets);
  });

  it("refuses a defined name that points at a whole sheet (A1:XFD1048576), in both ways of reading", () => {
    const bytes = rezip(filled, (f) =>
      editText(f, "xl/workbook.xml", (x) => wholeSheetName(x, "U_patienter_start")),
    );
    const p = rejection(bytes);
    expect(p).toMatchObject({
      code: "nameRangeTooLarge",
      params: { name: "U_patienter_start", cells: 16384 * 1048576, max: LIMITS.nameCells },
    });
    expect(p.text).toContain("U_patienter_start");
    expect(readUnitWorkbook(bytes, "hostil.xlsx", catalog, "full")).toEqual(
      readUnitWorkbook(bytes, "hostil.xlsx", catalog),
    );
    // Just past the limit, too: one column of 10 000 cells.
    const longer = rezip(filled, (f) =>
      editText(f, "xl/workbook.xml", (x) => wholeSheetName(x, "U_patienter_start", "$C$5:$C$10004")),
    );
    expect(rejection(longer)).toMatchObject({ code: "nameRangeTooLarge", params: { cells: 10_000 } });
  });

  it("reads by labels a file with lost names whose sheet declares the whole grid as its <dimension>", () => {
    const lost = dropNames(filled);
    const bytes = rezip(lost, (f) =>
      editText(f, sheetPath(f, SHEET), (x) =>
        x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
      ),
    );
    expect(strFromU8(rezip(bytes, () => undefined))).toBeDefined();
    const started = Date.now();
    const read = readUnitWorkbook(bytes, "enhet.xlsx", catalog);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(read).toEqual(readUnitWorkbook(lost, "enhet.xlsx", catalog));
    expect(read.ok && read.raw.cells.patienter_start).toEqual(sampleValues(psyk, 7).patienter_start);
  });

  it("reads the metadata of a file with lost names whose Metadata sheet declares two billion rows", () => {
    const lost = dropNames(filled);
    const bytes = rezip(lost, (f) =>
      editText(f, sheetPath(f, "Metadata"), (x) =>
        x
          .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:B2000000000"/>')
          .replace(
            "</sheetData>",
            '<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
          ),
      ),
    );
    const read = readUnitWorkbook(bytes, "enhet.xlsx", catalog);
    expect(read.ok && read.raw.unit).toBe("Team Norr");
  });

  it("refuses to search a sheet with more rows than the limit for labels when the names are lost", () => {
    const wb = readBook(dropNames(filled));
    XLSX.utils.sheet_add_aoa(
      wb.Sheets[SHEET]!,
      Array.from({ length: LIMITS.scanRows + 10 }, (_, i) => [`rad ${i}`]),
      { origin: { r: 400, c: 6 } },
    );
    const p = rejection(writeBook(wb));
    expect(p).toMatchObject({
      code: "sheetTooLargeToScan",
      params: { sheet: SHEET, maxRows: LIMITS.scanRows },
    });
  });
});

describe("one hostile file in a folder", () => {
  it("is that file's rejection; the good files are still read", async () => {
    const hostile = rezip(filled, (f) =>
      editText(f, "xl/workbook.xml", (x) => wholeSheetName(x, "U_pas_antal")),
    );
    const outcomes = await checkFiles(
      [
        inMemoryFile("a.xlsx", filled),
        inMemoryFile("b.xlsx", hostile),
        inMemoryFile("c.xlsx", strToU8("inte en arbetsbok")),
      ],
      catalog,
    );
    expect(outcomes.map((o) => [o.file, o.status, o.reason?.code])).toEqual([
      ["a.xlsx", "read", undefined],
      ["b.xlsx", "rejected", "nameRangeTooLarge"],
      ["c.xlsx", "rejected", "notAWorkbook"],
    ]);
  });
});

describe("time limit per file", () => {
  /** A clock where every look at it is a millisecond later: a file that makes the reader loop long runs out of time, deterministically and at once. */
  const slowClock = () => {
    let now = 0;
    return jest.spyOn(performance, "now").mockImplementation(() => (now += 1));
  };
  beforeEach(() => (timeLimit.seconds = LIMITS.fileSeconds));
  afterEach(() => jest.restoreAllMocks());

  /** `count` extra empty cells on the named sheet: a loop of that many steps in either way of reading. */
  const manyCells = (bytes: Uint8Array, count: number) =>
    rezip(bytes, (f) =>
      editText(f, sheetPath(f, SHEET), (x) =>
        x.replace(
          "</sheetData>",
          `<row r="900">${Array.from({ length: count }, (_, i) => `<c r="${XLSX.utils.encode_col(i + 10)}900"/>`).join("")}</row></sheetData>`,
        ),
      ),
    );

  it("rejects a file that keeps the targeted reader looping past the limit, naming the file and the seconds", () => {
    slowClock();
    expect(readUnitWorkbook(filled, "enhet.xlsx", catalog).ok).toBe(true);
    const p = rejection(manyCells(filled, 5000), "seg.xlsx");
    expect(p).toMatchObject({
      code: "fileTooSlow",
      params: { file: "seg.xlsx", seconds: String(LIMITS.fileSeconds) },
    });
    expect(p.text).toBe(
      `seg.xlsx tog längre tid än ${LIMITS.fileSeconds} sekunder att läsa, så den används inte (en ifylld mall läses på några hundradelar). Filen är skadad eller gjord för att hålla upp läsningen; be enheten skicka mallen igen.`,
    );
  });

  it("rejects a file that keeps the label search (names lost, read in full) looping past the limit", () => {
    const lost = dropNames(filled);
    slowClock();
    expect(readUnitWorkbook(lost, "enhet.xlsx", catalog).ok).toBe(true);
    const wb = readBook(lost);
    XLSX.utils.sheet_add_aoa(
      wb.Sheets[SHEET]!,
      Array.from({ length: 3000 }, (_, i) => [`benämning ${i}`]),
      { origin: { r: 400, c: 6 } },
    );
    expect(rejection(writeBook(wb), "seg.xlsx")).toMatchObject({ code: "fileTooSlow" });
  });

  it("scans a sheet whose cells are left unclosed in one pass, not once per cell", () => {
    // 300 000 unclosed <c> (about 20 KB zipped): searching to the end from each took minutes.
    const unclosed = rezip(filled, (f) =>
      editText(f, sheetPath(f, SHEET), (x) =>
        x.replace("</sheetData>", `${'<c r="Z900">'.repeat(300_000)}</sheetData>`),
      ),
    );
    const started = Date.now();
    const read = readUnitWorkbook(unclosed, "enhet.xlsx", catalog);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(read).toEqual(readUnitWorkbook(filled, "enhet.xlsx", catalog));
  });

  it("a slow file is that file's rejection; the files before and after still roll up", async () => {
    const other = await fillTemplate(
      await writeTemplate(psyk, { unit: "Team Syd", period: "2025H1" }),
      sampleValues(psyk, 3),
    );
    slowClock();
    const outcomes = await checkFiles(
      [
        inMemoryFile("norr.xlsx", filled),
        inMemoryFile("seg.xlsx", manyCells(filled, 5000)),
        inMemoryFile("syd.xlsx", other),
      ],
      catalog,
    );
    expect(outcomes.map((o) => [o.file, o.status, o.reason?.code])).toEqual([
      ["norr.xlsx", "read", undefined],
      ["seg.xlsx", "rejected", "fileTooSlow"],
      ["syd.xlsx", "read", undefined],
    ]);
    expect(rollupFiles(outcomes, catalog)!.result.used.map((r) => r.unit)).toEqual(["Team Norr", "Team Syd"]);
  });
});

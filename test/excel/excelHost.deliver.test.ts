import { CHART_SHEET } from "../../src/workbook/level2Charts";
import * as XLSX from "xlsx";
import { loadTemplates } from "../../src/cli/templateFiles";
import { sampleValues } from "../../src/cli/sampleData";
import { createExcelHost } from "../../src/excel/excelHost";
import { HostNotSupportedError } from "../../src/excel/errors";
import { memoryFillStore } from "../../src/excel/fillMemory";
import { writeTemplate } from "../../src/workbook/template";
import { fillTemplate } from "../../src/workbook/fill";
import { checkFiles, rollupFiles } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { writeLevel2, LEVEL2_SHEETS } from "../../src/workbook/writeLevel2";
import { FakeWorkbook, type Op } from "./fakeExcel";

const { catalog } = loadTemplates();
const oppna = catalog.uppdrag.find((u) => u.id === "oppna-verksamheter")!;
const list = oppna.measures.find((m) => m.type === "daysList")!;

let level2: { bytes: Uint8Array };

beforeAll(async () => {
  const files = [];
  for (const [i, unit] of ["Anhörigcenter", "Demenscenter"].entries()) {
    const template = await writeTemplate(oppna, {
      unit,
      period: "2026H1",
      createdAt: new Date("2026-01-10T08:00:00Z"),
    });
    // Some cases in the list of days, so the summary has a MEDIAN over the Ärenden sheet.
    const cases = { [list.id]: [12, 40 + i, 7], ...(list.countedBy ? { [list.countedBy]: 3 } : {}) };
    files.push(
      inMemoryFile(`${unit}.xlsx`, await fillTemplate(template, { ...sampleValues(oppna, i + 1), ...cases })),
    );
  }
  const collected = rollupFiles(await checkFiles(files, catalog), catalog)!;
  level2 = { bytes: await writeLevel2(collected, { createdAt: new Date("2026-08-01T08:00:00Z") }) };
});

const host = (wb: FakeWorkbook, sets: string[]) =>
  createExcelHost({
    run: wb.run,
    isSetSupported: (_n, v) => sets.includes(v),
    fills: memoryFillStore(),
    loadXlsx: async () => XLSX,
  });
const userBook = () => new FakeWorkbook([{ name: "Mina siffror", cells: { A1: 1 } }]);
// The Diagram sheet comes last: the catalog declares key measures for every uppdrag.
const sheetOrder = [...Object.values(LEVEL2_SHEETS), CHART_SHEET];
const writesOf = (wb: FakeWorkbook, op: Op["op"]) => wb.log.filter((o) => o.op === op);

describe("deliverLevel2 with insertWorksheetsFromBase64 (ExcelApi 1.13)", () => {
  it("inserts the level-2 workbook's sheets at the end, from base64 of the exact bytes", async () => {
    const wb = userBook();
    await host(wb, ["1.1", "1.6", "1.13"]).deliverLevel2(level2.bytes, "niva2.xlsx");
    expect(wb.syncs).toBeGreaterThanOrEqual(1);
    expect(wb.syncs).toBeLessThanOrEqual(3);
    const [insert] = writesOf(wb, "insertWorksheetsFromBase64");
    if (insert?.op !== "insertWorksheetsFromBase64") throw new Error("no insert");
    expect(Buffer.from(insert.base64, "base64").equals(Buffer.from(level2.bytes))).toBe(true);
    expect(insert.options).toEqual({ positionType: "End" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Mina siffror", ...sheetOrder]);
    expect(writesOf(wb, "values").concat(writesOf(wb, "formulas"))).toEqual([]);
    expect(wb.log).toContainEqual({ op: "activate", sheet: LEVEL2_SHEETS.overview });
  });

  it("gives the copies unique names when the sheets exist from an earlier run", async () => {
    const wb = userBook();
    wb.addSheet({ name: "Nivå 2" });
    wb.addSheet({ name: "ärenden" }); // Excel compares sheet names without case
    wb.insertConflict = "otherName";
    await host(wb, ["1.1", "1.13"]).deliverLevel2(level2.bytes, "niva2.xlsx");
    expect(wb.syncs).toBe(3);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Mina siffror",
      "Nivå 2",
      "ärenden",
      "Översikt",
      "Nivå 2 (2)",
      "Analyser",
      "Ärenden (2)",
      "Filer",
      "Problem",
      "Data",
      CHART_SHEET,
    ]);
  });

  it("writes blocks in the same run when Excel refuses the taken names", async () => {
    const wb = userBook();
    wb.addSheet({ name: "Nivå 2" });
    wb.insertConflict = "reject";
    await host(wb, ["1.1", "1.13"]).deliverLevel2(level2.bytes, "niva2.xlsx");
    expect(wb.syncs).toBe(3);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Mina siffror",
      "Nivå 2",
      LEVEL2_SHEETS.overview,
      "Nivå 2 (2)",
      ...sheetOrder.slice(2),
    ]);
  });
});

describe("deliverLevel2 without insertWorksheetsFromBase64", () => {
  it("writes every sheet as one 2-D block of formulas, calculation suspended, in two round trips", async () => {
    const wb = userBook();
    const before = wb.valuesSnapshot();
    await host(wb, ["1.1", "1.6"]).deliverLevel2(level2.bytes, "niva2.xlsx");
    expect(wb.syncs).toBeLessThanOrEqual(3);
    expect(wb.syncs).toBe(2);
    expect(writesOf(wb, "suspendCalculation")).toHaveLength(1);
    expect(writesOf(wb, "addSheet").map((o) => "sheet" in o && o.sheet)).toEqual(sheetOrder);
    const blocks = writesOf(wb, "formulas");
    expect(blocks.map((o) => "sheet" in o && o.sheet)).toEqual(sheetOrder); // one block per sheet
    expect(writesOf(wb, "values")).toEqual([]);

    // Each block is the sheet's whole range, as SheetJS reads it from the bytes.
    const source = XLSX.read(level2.bytes, { type: "array", cellFormula: true });
    for (const block of blocks) {
      if (block.op !== "formulas") continue;
      expect(block.address).toBe(source.Sheets[block.sheet]!["!ref"]);
      const rows = XLSX.utils.decode_range(block.address);
      expect(block.data).toHaveLength(rows.e.r - rows.s.r + 1);
      for (const row of block.data) expect(row).toHaveLength(rows.e.c - rows.s.c + 1);
    }
    const summary = blocks.find((b) => b.op === "formulas" && b.sheet === LEVEL2_SHEETS.summary)!;
    const flat = (summary as { data: unknown[][] }).data.flat();
    expect(String(flat[0])).toMatch(/^Sammanställning nivå 2/);
    expect(flat.some((v) => typeof v === "string" && v.startsWith("=SUM("))).toBe(true);
    expect(wb.valuesSnapshot()["Mina siffror"]).toEqual(before["Mina siffror"]);
  });

  it("picks unique names and points formulas at the renamed sheets", async () => {
    const wb = userBook();
    wb.addSheet({ name: "Nivå 2" });
    wb.addSheet({ name: "Ärenden" });
    await host(wb, ["1.1"]).deliverLevel2(level2.bytes, "niva2.xlsx");
    expect(wb.syncs).toBe(2);
    expect(writesOf(wb, "suspendCalculation")).toEqual([]);
    expect(wb.sheets.map((s) => s.name).slice(3)).toEqual([
      LEVEL2_SHEETS.overview,
      "Nivå 2 (2)",
      "Analyser",
      "Ärenden (2)",
      "Filer",
      "Problem",
      "Data",
      CHART_SHEET,
    ]);
    const summary = writesOf(wb, "formulas").find((o) => "sheet" in o && o.sheet === "Nivå 2 (2)") as {
      data: unknown[][];
    };
    const pooled = summary.data
      .flat()
      .filter((v): v is string => typeof v === "string" && /MEDIAN|AVERAGE/.test(v));
    expect(pooled.length).toBeGreaterThan(0);
    for (const f of pooled) expect(f).toContain("'Ärenden (2)'!");
    const overview = writesOf(wb, "formulas").find(
      (o) => "sheet" in o && o.sheet === LEVEL2_SHEETS.overview,
    ) as {
      data: unknown[][];
    };
    const current = overview.data.flat().filter((v): v is string => typeof v === "string" && v.includes("!"));
    expect(current.length).toBeGreaterThan(0);
    for (const f of current) expect(f).toContain("'Nivå 2 (2)'!");
  });
});

describe("openTemplate", () => {
  it("opens the bytes as a new workbook from base64", async () => {
    const opened: string[] = [];
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 255, 0, 128]);
    await createExcelHost({
      isSetSupported: () => true,
      createWorkbook: async (b64) => void opened.push(b64),
      fills: memoryFillStore(),
    }).openTemplate(bytes, "mall.xlsx");
    expect(opened).toEqual([Buffer.from(bytes).toString("base64")]);
  });

  it("says in Swedish that ExcelApi 1.8 is needed when it is missing", async () => {
    const createWorkbook = jest.fn();
    const h = createExcelHost({
      isSetSupported: (_n, v) => v !== "1.8",
      createWorkbook,
      fills: memoryFillStore(),
    });
    const attempt = h.openTemplate(new Uint8Array([1, 2, 3]), "mall.xlsx");
    await expect(attempt).rejects.toBeInstanceOf(HostNotSupportedError);
    await expect(attempt).rejects.toThrow(/Den här versionen av Excel kan inte öppna mallen.*ExcelApi 1\.8/);
    expect(createWorkbook).not.toHaveBeenCalled();
  });
});

/**
 * The same workbook read two ways must give the same report: as a file with readUnitWorkbook
 * (SheetJS), and as the active workbook through the adapter (here a fake Excel loaded with the
 * file's cells, number formats and names, with values as the Excel API returns them).
 */
import * as XLSX from "xlsx";
import { loadTemplates } from "../../src/cli/templateFiles";
import { sampleValues } from "../../src/cli/sampleData";
import { createExcelHost } from "../../src/excel/excelHost";
import { memoryFillStore } from "../../src/excel/fillMemory";
import type { Uppdrag } from "../../src/core/model";
import { readUnitWorkbook } from "../../src/workbook/readUnit";
import { writeTemplate } from "../../src/workbook/template";
import { definedName } from "../../src/workbook/layout";
import { parseAddress } from "../../src/workbook/a1";
import { FakeWorkbook, type FakeCell } from "./fakeExcel";
import { fillByNames, type CellInput } from "../workbook/sheetjsFill";

const { catalog } = loadTemplates();
const FILE = "Team Norr.xlsx";

/** The file's sheets and names as Excel would hold them: numbers stay numbers (dates too), errors are errors. */
function fakeFromFile(bytes: Uint8Array): FakeWorkbook {
  const book = XLSX.read(bytes, { type: "array", cellNF: true, cellDates: false });
  const wb = new FakeWorkbook();
  wb.workbookName = FILE;
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name]!;
    const sheet = wb.addSheet({ name });
    for (const [addr, cell] of Object.entries(ws)) {
      if (addr.startsWith("!")) continue;
      const c = cell as XLSX.CellObject;
      if (c.t === "z") continue;
      const value = c.t === "e" ? { error: c.w ?? "#N/A" } : c.v;
      sheet.cells.set(addr, { value, ...(typeof c.z === "string" ? { numberFormat: c.z } : {}) } as FakeCell);
    }
  }
  for (const n of book.Workbook?.Names ?? [])
    if (n.Sheet === undefined || n.Sheet === null) wb.addName(n.Name, n.Ref);
  return wb;
}

/** Gives the cell named U_<id> a number format (a percent measure typed as 45 %). */
function formatNamed(bytes: Uint8Array, id: string, z: string): Uint8Array {
  const book = XLSX.read(bytes, { type: "array", cellNF: true });
  const ref = book.Workbook!.Names!.find((n) => n.Name === definedName(id))!.Ref;
  const target = parseAddress(ref)!;
  const c = book.Sheets[target.sheet]![target.cell]!;
  c.z = z;
  delete c.w;
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** The workbook after the names of these inputs were lost (as when sheets are copied one by one, or saved by some programs). */
function withoutNames(bytes: Uint8Array, lost: (name: string) => boolean): Uint8Array {
  const book = XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true });
  book.Workbook!.Names = book.Workbook!.Names!.filter((n) => !lost(n.Name));
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

async function bothWays(
  uppdrag: Uppdrag,
  values: Record<string, CellInput | CellInput[]>,
  parts?: string[],
  percentFormatted?: string,
  lost?: (name: string) => boolean,
) {
  let bytes = fillByNames(
    await writeTemplate(uppdrag, {
      unit: "Team Norr",
      period: "2026H1",
      parts,
      createdAt: new Date("2026-01-10T08:00:00Z"),
    }),
    values,
  );
  if (percentFormatted) bytes = formatNamed(bytes, percentFormatted, "0%");
  if (lost) bytes = withoutNames(bytes, lost);
  const fromFile = readUnitWorkbook(bytes, FILE, catalog);
  const wb = fakeFromFile(bytes);
  const fromExcel = await createExcelHost({
    run: wb.run,
    isSetSupported: () => true,
    fills: memoryFillStore(),
  }).readActiveWorkbook(catalog);
  return { fromFile, fromExcel, syncs: wb.syncs };
}

describe("reading the active workbook gives what reading the file gives", () => {
  it("psykiatrisk hemsjukvård with typed text, blanks and error values", async () => {
    const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
    const values = {
      ...sampleValues(psyk, 3),
      arsarbetare: "2,5",
      sip_moten: null,
      gp_avslutade: { error: "#DIV/0!" as const },
      lex_maria: { error: "#N/A" as const },
    };
    const { fromFile, fromExcel, syncs } = await bothWays(
      psyk,
      values as Record<string, CellInput | CellInput[]>,
    );
    expect(fromFile.ok).toBe(true);
    expect(fromExcel).toEqual(fromFile);
    expect(syncs).toBe(2);
  });

  it("lilla edet with a list of days, parts and a percent-formatted fraction", async () => {
    const lilla = catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag")!;
    const list = lilla.measures.find((m) => m.type === "daysList")!;
    const percent = lilla.measures.find((m) => m.type === "percent" && m.part === list.part)!;
    const parts = [list.part!];
    const values: Record<string, CellInput | CellInput[]> = {
      ...(sampleValues(lilla, 5, parts) as Record<string, CellInput | CellInput[]>),
      [list.id]: [4, 19, "7 dagar", { error: "#VALUE!" }],
    };
    values[percent.id] = 0.45;
    const { fromFile, fromExcel, syncs } = await bothWays(lilla, values, parts, percent.id);
    if (!fromFile.ok) throw new Error("file not read");
    expect(fromExcel).toEqual(fromFile);
    expect(syncs).toBe(2);
    expect((fromFile.raw.cells[list.id] as unknown[]).slice(0, 4)).toEqual([
      4,
      19,
      "7 dagar",
      { error: "#VALUE!" },
    ]);
    expect(fromFile.raw.cells[percent.id]).toBeCloseTo(45);
    // Both readers give each case its own cell, so a case's problem points at it.
    const list0 = fromFile.raw.locations[list.id]!;
    const first = Number(/^C(\d+):/.exec(list0.cell!)![1]);
    expect(fromFile.raw.caseLocations?.[list.id]?.slice(0, 2)).toEqual([
      { file: FILE, sheet: list0.sheet, cell: `C${first}` },
      { file: FILE, sheet: list0.sheet, cell: `C${first + 1}` },
    ]);
  });

  it("falls back to the labels when names are lost, as the file reader does, in a third round trip", async () => {
    const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
    const values = sampleValues(psyk, 4) as Record<string, CellInput | CellInput[]>;
    const one = await bothWays(
      psyk,
      values,
      undefined,
      undefined,
      (name) => name === definedName("arsarbetare"),
    );
    if (!one.fromFile.ok) throw new Error("file not read");
    expect(one.fromFile.notes.map((n) => n.code)).toContain("nameMissingUsedLabel");
    expect(one.fromFile.raw.cells.arsarbetare).toBe(values.arsarbetare);
    expect(one.fromExcel).toEqual(one.fromFile);
    expect(one.syncs).toBe(3);

    // Every input name lost (a LibreOffice round trip can do that): one note for the file, every value read by its label.
    const all = await bothWays(psyk, values, undefined, undefined, (name) => name.startsWith("U_"));
    if (!all.fromFile.ok) throw new Error("file not read");
    expect(all.fromFile.notes.map((n) => n.code)).toContain("namesMissingUsedLabels");
    expect(all.fromFile.notes.map((n) => n.code)).not.toContain("measureNotFound");
    expect(all.fromExcel).toEqual(all.fromFile);
  });
});

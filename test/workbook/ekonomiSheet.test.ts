/**
 * The Ekonomi sheet as written: the deviation highlight is a live conditional format (from the
 * streaming writer, with its style in styles.xml) that compares with the threshold cell; the sign
 * convention is stated in Swedish; budget rows no unit uses are listed; a table in kr becomes the
 * same tkr inputs; a table without netto gets netto as intäkter − kostnader on the sheet.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "xlsx";
import { ekonomiLayout, EKONOMI_SHEET, type EkonomiLayout } from "../../src/workbook/ekonomiLayout";
import { writeEkonomiSheet } from "../../src/workbook/ekonomiSheet";
import { pageHeader, summaryCells, writeLevel2 } from "../../src/workbook/writeLevel2";
import { BUDGET_LINES, budgetCells, budgetCellsWithoutNetto, ekonomiCase } from "./ekonomiFixture";
import { catalog } from "./level2Fixture";

const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard");
if (!psyk) throw new Error("psyk saknas i katalogen");

function layoutOf(c: ReturnType<typeof ekonomiCase>): EkonomiLayout {
  return ekonomiLayout({
    uppdrag: c.uppdrag,
    period: c.collected.result.period,
    units: c.collected.result.used,
    finance: c.finance,
    summary: summaryCells(c.collected),
  });
}

const cellAt = (layout: EkonomiLayout, address: string) => layout.cells.find((c) => c.address === address);
const moneyAddress = (layout: EkonomiLayout, unitIndex: number, scenario: string, kind: string) => {
  const column = layout.columns.find((c) => c.scenario === scenario && c.money === kind);
  return `${column?.letter}${layout.firstUnitRow + unitIndex}`;
};

describe("the written Ekonomi sheet", () => {
  const c = ekonomiCase(psyk);
  const layout = layoutOf(c);
  let files: Record<string, Uint8Array> = {};
  let sheetXml = "";
  let sheet: XLSX.WorkSheet = {};

  beforeAll(async () => {
    const bytes = await writeLevel2(c.collected, { finance: c.finance });
    files = unzipSync(bytes);
    const book = XLSX.read(bytes, { type: "array" });
    sheet = book.Sheets[EKONOMI_SHEET] ?? {};
    const index = book.SheetNames.indexOf(EKONOMI_SHEET) + 1;
    sheetXml = strFromU8(files[`xl/worksheets/sheet${index}.xml`] ?? new Uint8Array());
  });

  it("highlights deviations beyond the threshold cell with a conditional format, in every deviation column", () => {
    const deviations = layout.columns.filter(
      (col) => col.kind === "figure" && col.figureId?.startsWith("budgetavvikelse"),
    );
    expect(deviations).toHaveLength(2);
    for (const col of deviations) {
      const range = `${col.letter}${layout.firstUnitRow}:${col.letter}${layout.level2Row}`;
      const block = new RegExp(
        `<conditionalFormatting sqref="${range}"><cfRule type="expression" dxfId="(\\d+)" priority="\\d+"><formula>([^<]*)</formula>`,
      ).exec(sheetXml);
      expect(block?.[2]).toContain(layout.thresholdCell);
    }
    const styles = strFromU8(files["xl/styles.xml"] ?? new Uint8Array());
    expect(styles).toMatch(/<dxfs count="[1-9]\d*"><dxf>.*FFFFC7CE/);
    // The threshold is an input cell finance may change: 5 % by default.
    expect(sheet[layout.thresholdCell.replace(/\$/g, "")]?.v).toBe(5);
  });

  it("states the sign convention in Swedish", () => {
    const texts = Object.values(sheet).flatMap((cell: XLSX.CellObject) =>
      typeof cell.v === "string" ? [cell.v] : [],
    );
    expect(
      texts.some((t) => t.includes("netto = intäkter − kostnader och är negativt för en nettokostnad")),
    ).toBe(true);
    expect(texts.some((t) => t.includes("negativ ett underskott"))).toBe(true);
    expect(texts).toContain("Övergripande");
    expect(texts.some((t) => t.startsWith("rad 6: matchar ingen enhet"))).toBe(true);
    expect(texts).toContain("ingen budgetrad");
  });
});

describe("the Ekonomi sheet in the in-memory workbook (the browser's writer)", () => {
  it("has the same formulas, cached results and highlight as the layout", async () => {
    const c = ekonomiCase(psyk);
    const layout = layoutOf(c);
    const wb = new ExcelJS.Workbook();
    writeEkonomiSheet(wb, c.collected, c.finance, summaryCells(c.collected), pageHeader(c.collected));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = XLSX.read(bytes, { type: "array", cellFormula: true }).Sheets[EKONOMI_SHEET] ?? {};
    const formulas = layout.cells.filter((cell) => cell.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(20);
    for (const cell of formulas) {
      expect(sheet[cell.address]?.f).toBe(cell.formula);
      expect(sheet[cell.address]?.v).toBe(cell.result);
    }
    expect(strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array())).toContain(
      `<conditionalFormatting sqref="${layout.highlights[0]?.range}">`,
    );
  });
});

describe("the Ekonomi layout", () => {
  it("turns a table in kr into the same tkr inputs", () => {
    const inKr = budgetCells(BUDGET_LINES).map((row, r) =>
      r === 0 ? ["kr", ...row.slice(1)] : row.map((cell) => (typeof cell === "number" ? cell * 1000 : cell)),
    );
    const tkr = layoutOf(ekonomiCase(psyk));
    const kr = layoutOf(ekonomiCase(psyk, BUDGET_LINES, inKr));
    const a = moneyAddress(tkr, 0, "budget", "kostnader");
    expect(cellAt(kr, a)?.value).toBe(9800);
    expect(cellAt(kr, a)?.value).toBe(cellAt(tkr, a)?.value);
  });

  it("makes netto intäkter − kostnader on the sheet when the table has no netto, so a corrected cost moves it", () => {
    const layout = layoutOf(ekonomiCase(psyk, BUDGET_LINES, budgetCellsWithoutNetto(BUDGET_LINES)));
    const netto = cellAt(layout, moneyAddress(layout, 0, "budget", "netto"));
    expect(netto).toMatchObject({
      formula: `${moneyAddress(layout, 0, "budget", "intakter")}-${moneyAddress(layout, 0, "budget", "kostnader")}`,
      result: 1200 - 9800,
      role: "formula",
    });
    const withNetto = layoutOf(ekonomiCase(psyk));
    expect(cellAt(withNetto, moneyAddress(withNetto, 0, "budget", "netto"))).toMatchObject({
      value: -8600,
      role: "input",
    });
  });
});

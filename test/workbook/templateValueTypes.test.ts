/**
 * The template reads each value type's descriptor: the help column's "0 om inget" only for a
 * type that is one number (the same notion the catalog uses for ratio terms and weights), and
 * the data validation's bounds the ones the validator applies.
 */
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { writeTemplate } from "../../src/workbook/template";
import { loadTemplates } from "../../src/cli/templateFiles";
import { parseRef } from "../../src/workbook/readUnit";
import { COLUMNS, definedName } from "../../src/workbook/layout";
import type { Uppdrag } from "../../src/core/model";

const { catalog } = loadTemplates();
const byId = (id: string) => catalog.uppdrag.find((u) => u.id === id)!;

async function written(u: Uppdrag, parts?: string[]) {
  const bytes = await writeTemplate(u, {
    unit: "Team Norr",
    period: "2025H1",
    createdAt: new Date("2025-06-01T08:00:00Z"),
    ...(parts ? { parts } : {}),
  });
  const names = new Map(
    (XLSX.read(bytes, { type: "array" }).Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  /** The measure's own row (1-based): for a list of cases the name covers the case rows below it. */
  const row = (id: string, cases = false) => {
    const t = parseRef(names.get(definedName(id))!)!;
    return { ws: wb.getWorksheet(t.sheet)!, row: cases ? t.range.s.r : t.range.s.r + 1 };
  };
  return { row };
}

describe("template: the value type's descriptor", () => {
  it("does not tell a unit to write 0 in a required list of cases (0 would be a case of 0 days)", async () => {
    const oppna = byId("oppna-verksamheter");
    const list = oppna.measures.find((m) => m.id === "demens_vantetid")!;
    expect(list).toMatchObject({ type: "daysList", checks: { required: true } });
    const { row } = await written(oppna, ["demenscenter"]);
    const at = row("demens_vantetid", true);
    const help = String(at.ws.getCell(at.row, COLUMNS.help).value);
    expect(help).toMatch(/Ska fyllas i\./);
    expect(help).not.toMatch(/0 om inget/);
    expect(help).toMatch(/En rad per ärende/);
  });

  it("still tells a unit to write 0 in a required count", async () => {
    const psyk = byId("psykiatrisk-hemsjukvard");
    const { row } = await written(psyk);
    const at = row("patienter_start");
    expect(String(at.ws.getCell(at.row, COLUMNS.help).value)).toMatch(/Ska fyllas i \(0 om inget\)\./);
  });

  it("caps a percent at 100 when the catalog gives no maximum, as the validator does", async () => {
    const u = byId("lilla-edet-grunduppdrag");
    const measures = u.measures.map((m) =>
      m.id === "bu_nojdhet_barn" ? { ...m, checks: { required: false } } : m,
    );
    const { row } = await written({ ...u, measures });
    const at = row("bu_nojdhet_barn");
    expect(at.ws.getCell(at.row, COLUMNS.value).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
  });
});

/**
 * Fills a template's input cells through their defined names, with exceljs so the styles,
 * validation and protection stay. Used by the demo and the benchmark to make the files a unit
 * would send back; the tests fill with SheetJS instead (another tool than the writer).
 */
import ExcelJS from "exceljs";
import { parseRef } from "./readUnit";
import { definedName } from "./layout";

export type FillValue = string | number | boolean | null;

export async function fillTemplate(
  bytes: Uint8Array,
  values: Record<string, FillValue | FillValue[]>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const refs = new Map<string, string>();
  for (const entry of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) {
    if (entry.ranges[0]) refs.set(entry.name.toLowerCase(), entry.ranges[0]);
  }
  for (const [id, value] of Object.entries(values)) {
    const target = parseRef(refs.get(definedName(id).toLowerCase()) ?? "");
    if (!target) throw new Error(`Mallen saknar namnet ${definedName(id)}`);
    const ws = wb.getWorksheet(target.sheet);
    if (!ws) throw new Error(`Mallen saknar bladet ${target.sheet}`);
    const list = Array.isArray(value) ? value : [value];
    list.forEach((v, i) => {
      if (target.range.s.r + i > target.range.e.r) return;
      ws.getCell(target.range.s.r + 1 + i, target.range.s.c + 1).value = v;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

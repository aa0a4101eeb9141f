/**
 * Test helpers that touch a generated template the way a unit's own tools would, with SheetJS
 * (not exceljs, which wrote it): fill cells through the defined names, insert rows, rename a
 * sheet, lose the names.
 */
import * as XLSX from "xlsx";
import { parseRef } from "../../src/workbook/readUnit";
import { definedName, metaName, type MetaKey } from "../../src/workbook/layout";

export type CellInput = string | number | boolean | null | { error: "#DIV/0!" | "#N/A" | "#VALUE!" };

const ERROR_CODES: Record<string, number> = { "#DIV/0!": 0x07, "#N/A": 0x2a, "#VALUE!": 0x0f };

export function readBook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "array", cellStyles: true, cellNF: true });
}

export function writeBook(wb: XLSX.WorkBook, bookType: XLSX.BookType = "xlsx"): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer);
}

function setCell(ws: XLSX.WorkSheet, r: number, c: number, v: CellInput) {
  const addr = XLSX.utils.encode_cell({ r, c });
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a SheetJS sheet is an object keyed by address: deleting the key removes the cell
  if (v === null) delete ws[addr];
  else if (typeof v === "object") ws[addr] = { t: "e", v: ERROR_CODES[v.error], w: v.error };
  else if (typeof v === "number") ws[addr] = { t: "n", v };
  else if (typeof v === "boolean") ws[addr] = { t: "b", v };
  else ws[addr] = { t: "s", v };
  const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
  range.e.r = Math.max(range.e.r, r);
  range.e.c = Math.max(range.e.c, c);
  ws["!ref"] = XLSX.utils.encode_range(range);
}

function nameRef(wb: XLSX.WorkBook, name: string): string | undefined {
  return wb.Workbook?.Names?.find((n) => n.Name.toLowerCase() === name.toLowerCase())?.Ref;
}

/** Writes values into the cells named U_<id> (a list fills the case cells from the top). */
export function fillByNames(bytes: Uint8Array, values: Record<string, CellInput | CellInput[]>): Uint8Array {
  const wb = readBook(bytes);
  for (const [id, value] of Object.entries(values)) {
    const target = parseRef(nameRef(wb, definedName(id)) ?? "");
    if (!target) throw new Error(`no name for ${id}`);
    const ws = wb.Sheets[target.sheet]!;
    (Array.isArray(value) ? value : [value]).forEach((v, i) =>
      setCell(ws, target.range.s.r + i, target.range.s.c, v),
    );
  }
  return writeBook(wb);
}

/** Writes values into cells by their defined names as written (the budget workbook's ek_… names). */
export function fillNamedCells(bytes: Uint8Array, values: Record<string, CellInput>): Uint8Array {
  const wb = readBook(bytes);
  for (const [name, value] of Object.entries(values)) {
    const target = parseRef(nameRef(wb, name) ?? "");
    if (!target) throw new Error(`no name ${name}`);
    setCell(wb.Sheets[target.sheet]!, target.range.s.r, target.range.s.c, value);
  }
  return writeBook(wb);
}

export function setMeta(bytes: Uint8Array, key: MetaKey, value: string): Uint8Array {
  const wb = readBook(bytes);
  const target = parseRef(nameRef(wb, metaName(key))!)!;
  setCell(wb.Sheets[target.sheet]!, target.range.s.r, target.range.s.c, value);
  return writeBook(wb);
}

/** What Excel does on "Insert rows" above row `before` (1-based) of a sheet: cells and names move down. */
export function insertRows(bytes: Uint8Array, sheet: string, before: number, count: number): Uint8Array {
  const wb = readBook(bytes);
  const ws = wb.Sheets[sheet]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  for (let r = range.e.r; r >= before - 1; r--) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      const from = XLSX.utils.encode_cell({ r, c });
      if (ws[from]) ws[XLSX.utils.encode_cell({ r: r + count, c })] = ws[from];
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- as in setCell: the cell moved, its old address goes
      delete ws[from];
    }
  }
  range.e.r += count;
  ws["!ref"] = XLSX.utils.encode_range(range);
  delete ws["!merges"];
  for (const n of wb.Workbook?.Names ?? []) {
    const t = parseRef(n.Ref);
    if (!t || t.sheet !== sheet || t.range.s.r < before - 1) continue;
    t.range.s.r += count;
    t.range.e.r += count;
    n.Ref = `'${sheet}'!${XLSX.utils.encode_range(t.range).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
  }
  return writeBook(wb);
}

/** What Excel does when a sheet is renamed: the names follow. */
export function renameSheet(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const wb = readBook(bytes);
  wb.SheetNames = wb.SheetNames.map((s) => (s === from ? to : s));
  wb.Sheets[to] = wb.Sheets[from]!;
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- SheetJS keeps sheets in an object keyed by name
  delete wb.Sheets[from];
  for (const n of wb.Workbook?.Names ?? []) n.Ref = n.Ref.replace(`'${from}'!`, `'${to}'!`);
  return writeBook(wb);
}

/** A file whose defined names were lost (e.g. copied sheet by sheet into a new workbook): all, or only those given. */
export function dropNames(bytes: Uint8Array, only?: string[]): Uint8Array {
  const wb = readBook(bytes);
  if (wb.Workbook)
    wb.Workbook.Names = only ? (wb.Workbook.Names ?? []).filter((n) => !only.includes(n.Name)) : [];
  return writeBook(wb);
}

export function convert(bytes: Uint8Array, bookType: XLSX.BookType): Uint8Array {
  return writeBook(readBook(bytes), bookType);
}

/**
 * The targeted reader (only the named cells, targetedRead.ts) and SheetJS's full parse must
 * give the same outcome on the same file: values, locations, notes and rejections. The corpus
 * is every uppdrag's template filled the way units fill it (exceljs, SheetJS), saved again by
 * LibreOffice (.xlsx and .ods), converted to .xls, with lost names, moved rows, a renamed sheet,
 * odd cell contents and metadata that identify refuses.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { soffice } from "../helpers/libreoffice";
import { writeTemplate } from "../../src/workbook/template";
import { fillTemplate } from "../../src/workbook/fill";
import { readUnitWorkbook } from "../../src/workbook/readUnit";
import * as sheetjsLoader from "../../src/workbook/sheetjs";
import { loadTemplates } from "../../src/cli/templateFiles";
import { sampleValues } from "../../src/cli/sampleData";
import { isInput } from "../../src/core/measures";
import type { Uppdrag } from "../../src/core/model";
import {
  convert,
  dropNames,
  fillByNames,
  insertRows,
  renameSheet,
  setMeta,
  type CellInput,
} from "./sheetjsFill";

const { catalog } = loadTemplates();

interface Sample {
  name: string;
  bytes: Uint8Array;
  /** The targeted read must handle it itself (no fallback). */
  targeted: boolean;
}

const templateOf = (u: Uppdrag, unit: string) =>
  writeTemplate(u, { unit, period: "2025H1", createdAt: new Date("2025-06-01T08:00:00Z") });

/** Odd cell contents a unit's tools write: text numbers, errors, XML specials, line breaks, booleans, empty text. */
function oddValues(u: Uppdrag): Record<string, CellInput | CellInput[]> {
  const inputs = u.measures.filter(isInput);
  const odd: CellInput[] = [
    "1 234",
    { error: "#DIV/0!" },
    `<&>"' _x000D_ å\r\nrad`,
    true,
    "",
    "  12,5 ",
    { error: "#N/A" },
    0.45,
    "ca 5",
    -3,
  ];
  return Object.fromEntries(
    inputs.map((m, i) => [
      m.id,
      m.type === "daysList" ? [3, "x", null, 12.5, { error: "#VALUE!" }] : odd[i % odd.length]!,
    ]),
  );
}

/**
 * Number formats set the way Excel sets them: 0,45 shown as 45 % in every percent cell (and the
 * first input if the uppdrag has none), and, when `withDate`, a date format on the second input.
 */
async function withFormats(bytes: Uint8Array, u: Uppdrag, withDate: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const inputs = u.measures.filter((m) => isInput(m) && m.type !== "daysList");
  const percent = inputs.filter((m) => m.type === "percent");
  const formatted: [string, string, number][] = (percent.length ? percent : inputs.slice(0, 1)).map((m) => [
    m.id,
    "0%",
    0.45,
  ]);
  if (withDate) formatted.push([inputs[1]!.id, "yyyy-mm-dd", 45000]);
  for (const [id, format, value] of formatted) {
    const [sheet, ref] = (
      (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(`U_${id}`)
        .ranges[0] ?? ""
    ).split("!");
    const cell = wb
      .getWorksheet(sheet!.replace(/^'|'$/g, ""))!
      .getCell(ref!.replace(/\$/g, "").split(":")[0]!);
    cell.value = value;
    cell.numFmt = format;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function corpus(): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const [i, u] of catalog.uppdrag.entries()) {
    const template = await templateOf(u, `Enhet ${i} & "Co"`);
    const values = sampleValues(u, i + 1);
    const byExceljs = await fillTemplate(template, values);
    const bySheetjs = fillByNames(template, values as Record<string, CellInput | CellInput[]>);
    const firstSheet = XLSX.read(template, { type: "array" }).SheetNames.find(
      (s) => s !== "Instruktioner" && s !== "Metadata",
    )!;
    out.push(
      { name: `${u.id}-exceljs.xlsx`, bytes: byExceljs, targeted: true },
      { name: `${u.id}-sheetjs.xlsx`, bytes: bySheetjs, targeted: true },
      { name: `${u.id}-template.xlsx`, bytes: template, targeted: true },
      { name: `${u.id}-odd.xlsx`, bytes: fillByNames(template, oddValues(u)), targeted: true },
      {
        name: `${u.id}-odd-exceljs.xlsx`,
        bytes: await fillTemplate(template, oddValues(u) as never),
        targeted: true,
      },
      { name: `${u.id}-percent.xlsx`, bytes: await withFormats(byExceljs, u, false), targeted: true },
      { name: `${u.id}-date.xlsx`, bytes: await withFormats(byExceljs, u, true), targeted: false },
      {
        name: `${u.id}-moved.xlsx`,
        bytes: renameSheet(insertRows(bySheetjs, firstSheet, 6, 3), firstSheet, "Våra & <siffror>"),
        targeted: true,
      },
      { name: `${u.id}-no-names.xlsx`, bytes: dropNames(bySheetjs), targeted: false },
      {
        name: `${u.id}-some-names.xlsx`,
        bytes: dropNames(bySheetjs, [`U_${u.measures.find(isInput)!.id}`]),
        targeted: false,
      },
      { name: `${u.id}.xls`, bytes: convert(bySheetjs, "xls"), targeted: false },
      { name: `${u.id}.xlsb`, bytes: convert(bySheetjs, "xlsb"), targeted: false },
      { name: `${u.id}-other-version.xlsx`, bytes: setMeta(bySheetjs, "mallversion", "0.0"), targeted: true },
      { name: `${u.id}-no-unit.xlsx`, bytes: setMeta(bySheetjs, "enhet", " "), targeted: true },
      { name: `${u.id}-unknown.xlsx`, bytes: setMeta(bySheetjs, "uppdrag", "okänt"), targeted: true },
    );
  }
  return out;
}

/** LibreOffice's .xlsx and .ods of the given files, converted in one run. */
function savedByLibreOffice(samples: Sample[]): Sample[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-diff-"));
  try {
    const inputs = samples.map((s) => {
      const file = path.join(dir, s.name);
      fs.writeFileSync(file, s.bytes);
      return file;
    });
    const out: Sample[] = [];
    for (const [ext, filter] of [
      ["xlsx", "xlsx:Calc MS Excel 2007 XML"],
      ["ods", "ods"],
    ] as const) {
      const outDir = path.join(dir, ext);
      const run = spawnSync(
        soffice!,
        [
          `-env:UserInstallation=file://${path.join(dir, "profil")}`,
          "--headless",
          "--norestore",
          "--convert-to",
          filter,
          "--outdir",
          outDir,
          ...inputs,
        ],
        { timeout: 300_000 },
      );
      expect(run.status).toBe(0);
      for (const s of samples) {
        const saved = path.join(outDir, s.name.replace(/\.xlsx$/, `.${ext}`));
        out.push({
          name: `lo-${path.basename(saved)}`,
          bytes: new Uint8Array(fs.readFileSync(saved)),
          targeted: ext === "xlsx",
        });
      }
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let samples: Sample[] = [];

beforeAll(async () => {
  samples = await corpus();
  if (soffice)
    samples.push(...savedByLibreOffice(samples.filter((s) => /-(exceljs|odd)\.xlsx$/.test(s.name))));
}, 600_000);

describe("the targeted reader and the full parse", () => {
  it("give identical outcomes on every file of the corpus", () => {
    expect(samples.length).toBeGreaterThanOrEqual(48);
    for (const s of samples) {
      const full = readUnitWorkbook(s.bytes, s.name, catalog, "full");
      const auto = readUnitWorkbook(s.bytes, s.name, catalog);
      expect({ file: s.name, outcome: auto }).toEqual({ file: s.name, outcome: full });
    }
  });

  it("reads our templates, filled by exceljs, SheetJS or saved by LibreOffice, without the full parse", () => {
    // The full parse is SheetJS's, loaded on first use through sheetjs(): a file read without it was read targeted.
    const loadSheetjs = jest.spyOn(sheetjsLoader, "sheetjs");
    try {
      for (const s of samples.filter((x) => x.targeted)) {
        loadSheetjs.mockClear();
        readUnitWorkbook(s.bytes, s.name, catalog);
        expect({ file: s.name, fullParse: loadSheetjs.mock.calls.length > 0 }).toEqual({
          file: s.name,
          fullParse: false,
        });
      }
    } finally {
      loadSheetjs.mockRestore();
    }
  });

  it("reads the values of a filled template, not only the same nothing twice", () => {
    const used = samples
      .filter((s) => /-exceljs\.xlsx$/.test(s.name))
      .map((s) => readUnitWorkbook(s.bytes, s.name, catalog));
    for (const o of used) {
      expect(o.ok).toBe(true);
      if (!o.ok) continue;
      const filled = Object.values(o.raw.cells).filter(
        (v) => v !== null && !(Array.isArray(v) && v.every((x) => x === null)),
      );
      expect(filled.length).toBeGreaterThan(5);
    }
  });
});

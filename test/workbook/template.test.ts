/**
 * The written template, read back with SheetJS (another library than exceljs, which wrote it):
 * names, sheets, metadata, formulas. Protection and data validation are read back with exceljs,
 * as SheetJS CE does not read them. LibreOffice opens and computes it when it is installed.
 */
import * as fs from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { ratioFormula, writeTemplate, type TemplateOptions } from "../../src/workbook/template";
import { loadTemplates } from "../../src/cli/templateFiles";
import { appliesTo, isInput } from "../../src/core/measures";
import type { Measure, Uppdrag } from "../../src/core/model";
import { parseRef } from "../../src/workbook/readUnit";
import {
  COLUMNS,
  FIRST_MEASURE_ROW,
  HEADERS,
  HEADER_ROW,
  INSTRUCTIONS_SHEET,
  META_SHEET,
  definedName,
  metaName,
  rowsFor,
} from "../../src/workbook/layout";
import { fillByNames } from "./sheetjsFill";

const { catalog } = loadTemplates();
const byId = (id: string) => catalog.uppdrag.find((u) => u.id === id)!;
const psyk = byId("psykiatrisk-hemsjukvard");
const oppna = byId("oppna-verksamheter");
const lillaEdet = byId("lilla-edet-grunduppdrag");

const CREATED = new Date("2025-06-01T08:00:00Z");
const write = (u: Uppdrag, options: Partial<TemplateOptions> = {}) =>
  writeTemplate(u, { unit: "Team Norr", period: "2025H1", createdAt: CREATED, ...options });

const read = (bytes: Uint8Array) => XLSX.read(bytes, { type: "array", cellStyles: true, cellNF: true });
async function readExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function names(wb: XLSX.WorkBook): Map<string, string> {
  return new Map((wb.Workbook?.Names ?? []).filter((n) => n.Sheet === undefined).map((n) => [n.Name, n.Ref]));
}

function target(wb: XLSX.WorkBook, name: string) {
  const ref = names(wb).get(name);
  if (!ref) throw new Error(`no defined name ${name}`);
  return parseRef(ref)!;
}

function text(ws: XLSX.WorkSheet, address: string): string {
  const v = ws[address]?.v;
  return v === undefined ? "" : String(v);
}

const sheetOf = (u: Uppdrag, m: Measure) => u.sections.find((s) => s.id === m.section)!.sheet;

describe("writeTemplate: sheets and defined names", () => {
  it("gives every input and ratio measure a name U_<id> on column C of its section's sheet, next to its label", async () => {
    const wb = read(await write(psyk));
    for (const m of psyk.measures) {
      const t = target(wb, definedName(m.id));
      expect(t.sheet).toBe(sheetOf(psyk, m));
      expect(t.range.s.c).toBe(COLUMNS.value - 1);
      expect(t.range.s.r).toBeGreaterThanOrEqual(FIRST_MEASURE_ROW - 1);
      const ws = wb.Sheets[t.sheet]!;
      expect(text(ws, XLSX.utils.encode_cell({ r: t.range.s.r, c: COLUMNS.label - 1 }))).toBe(m.label);
      expect(text(ws, XLSX.utils.encode_cell({ r: t.range.s.r, c: COLUMNS.id - 1 }))).toBe(m.id);
    }
    // Sheet names are quoted in the references (they hold å, ä, ö and spaces).
    expect(names(wb).get(definedName("patienter_start"))).toBe("'Verksamhetsmått'!$C$5");
  });

  it("writes the instruction sheet first, one sheet per section in catalog order and the metadata sheet veryHidden", async () => {
    const wb = read(await write(psyk));
    expect(wb.SheetNames).toEqual([INSTRUCTIONS_SHEET, ...psyk.sections.map((s) => s.sheet), META_SHEET]);
    const hidden = Object.fromEntries((wb.Workbook!.Sheets ?? []).map((s) => [s.name, s.Hidden]));
    expect(hidden[META_SHEET]).toBe(2);
    for (const s of psyk.sections) expect(hidden[s.sheet]).toBe(0);
    for (const s of psyk.sections) {
      const ws = wb.Sheets[s.sheet]!;
      expect(text(ws, "A1")).toBe(s.label);
      if (s.description) expect(text(ws, "A2")).toBe(s.description);
      expect(HEADERS.map((_, i) => text(ws, XLSX.utils.encode_cell({ r: HEADER_ROW - 1, c: i })))).toEqual([
        ...HEADERS,
      ]);
    }
  });

  it("keeps measures of other parts out, and sheets whose measures all belong to other parts", async () => {
    const demens = read(await write(oppna, { parts: ["demenscenter"] }));
    const demensNames = names(demens);
    for (const id of [
      "demens_utredningar",
      "demens_vantetid",
      "demens_vantande",
      "brukare_demenscenter",
      "personal_demenscenter",
      "personal_antal",
      "komp_insatser",
    ]) {
      expect(demensNames.has(definedName(id))).toBe(true);
    }
    for (const id of ["brukare_anhorigcenter", "personal_anhorigcenter", "brukare_fixartjanst"])
      expect(demensNames.has(definedName(id))).toBe(false);
    for (const m of oppna.measures)
      expect(demensNames.has(definedName(m.id))).toBe(appliesTo(m, ["demenscenter"]));

    const anhorig = read(await write(oppna, { parts: ["anhorigcenter"] }));
    expect(anhorig.SheetNames).not.toContain("Demensutredningar");
    expect(anhorig.SheetNames).toContain("Verksamhetsdelar");
  });

  it("gives a list of days one named cell per case, below a row that counts the filled cases", async () => {
    const wb = read(await write(oppna, { parts: ["demenscenter"] }));
    const m = oppna.measures.find((x) => x.id === "demens_vantetid")!;
    const t = target(wb, definedName(m.id));
    expect(t.sheet).toBe("Demensutredningar");
    expect(t.range.s.c).toBe(COLUMNS.value - 1);
    expect(t.range.e.c).toBe(COLUMNS.value - 1);
    expect(t.range.e.r - t.range.s.r + 1).toBe(m.maxCases);
    expect(rowsFor(m)).toBe(m.maxCases! + 1);
    const ws = wb.Sheets[t.sheet]!;
    const labelRow = t.range.s.r - 1;
    expect(text(ws, XLSX.utils.encode_cell({ r: labelRow, c: COLUMNS.label - 1 }))).toBe(m.label);
    expect(ws[XLSX.utils.encode_cell({ r: labelRow, c: COLUMNS.value - 1 })]?.f).toBe(
      `COUNT(${definedName(m.id)})`,
    );
    expect(text(ws, XLSX.utils.encode_cell({ r: t.range.s.r, c: COLUMNS.label - 1 }))).toBe("Ärende 1");
    expect(text(ws, XLSX.utils.encode_cell({ r: t.range.e.r, c: COLUMNS.label - 1 }))).toBe(
      `Ärende ${m.maxCases}`,
    );
    // The measure after the list starts right below its last case.
    expect(text(ws, XLSX.utils.encode_cell({ r: t.range.e.r + 1, c: COLUMNS.id - 1 }))).toBe(
      "demens_vantande",
    );
  });

  it("writes what the workbook is to the metadata sheet, as text, each value named META_<key>", async () => {
    const wb = read(await write(oppna, { unit: "Demenscenter Linköping", parts: ["demenscenter"] }));
    const meta = (key: Parameters<typeof metaName>[0]) => {
      const t = target(wb, metaName(key));
      expect(t.sheet).toBe(META_SHEET);
      return wb.Sheets[META_SHEET]![XLSX.utils.encode_cell(t.range.s)];
    };
    expect(meta("uppdrag")?.v).toBe("oppna-verksamheter");
    expect(meta("uppdragsnamn")?.v).toBe(oppna.name);
    expect(meta("mallversion")).toMatchObject({ t: "s", v: "2026.1" });
    expect(meta("enhet")?.v).toBe("Demenscenter Linköping");
    expect(meta("period")?.v).toBe("2025H1");
    expect(meta("delar")?.v).toBe("demenscenter");
    expect(meta("skapad")?.v).toBe("2025-06-01T08:00:00.000Z");
    expect(meta("verktyg")?.v).toBe("uppfoljning");

    const whole = read(await write(psyk));
    const delar = target(whole, metaName("delar"));
    expect(whole.Sheets[META_SHEET]![XLSX.utils.encode_cell(delar.range.s)]?.v ?? "").toBe("");
  });

  it("writes the instructions in Swedish with unit, period, due date, contact and the sheets to fill in", async () => {
    const wb = read(await write(psyk, { dueDate: "2025-08-31", contact: "Anna Andersson, controller" }));
    const all = XLSX.utils
      .sheet_to_json<string[]>(wb.Sheets[INSTRUCTIONS_SHEET]!, { header: 1 })
      .flat()
      .join("\n");
    expect(all).toContain(psyk.name);
    expect(all).toContain("Team Norr");
    expect(all).toContain("Halvår 1 2025");
    expect(all).toContain("Lämna in senast");
    expect(all).toContain("2025-08-31");
    expect(all).toContain("Anna Andersson, controller");
    expect(all).toMatch(/skriv 0/i);
    for (const s of psyk.sections) expect(all).toContain(s.sheet);
    expect(wb.Props?.Title).toBe(`${psyk.name} – Team Norr – Halvår 1 2025`);
    expect(wb.Props?.Author).toBe("uppfoljning");
  });

  it("refuses a period or a part it does not know", async () => {
    await expect(write(psyk, { period: "2025X9" })).rejects.toThrow(/period/i);
    await expect(write(oppna, { parts: ["bageriet"] })).rejects.toThrow(/bageriet/);
  });
});

describe("writeTemplate: ratio formulas", () => {
  it("writes live formulas over the defined names", async () => {
    const wb = read(await write(psyk));
    const cell = (id: string) => {
      const t = target(wb, definedName(id));
      return wb.Sheets[t.sheet]![XLSX.utils.encode_cell(t.range.s)]!;
    };
    expect(cell("patienter_per_pas").f).toBe(
      'IF(OR(U_patienter_slut="",U_pas_antal=""),"",IF(U_pas_antal=0,"",U_patienter_slut/U_pas_antal))',
    );
    expect(cell("andel_patienter_med_sip").f).toBe(
      'IF(OR(U_sip_patienter="",U_patienter_slut=""),"",IF(U_patienter_slut=0,"",100*U_sip_patienter/U_patienter_slut))',
    );
    expect(cell("patienter_per_pas").z).toBe("0.0");
    const komp = read(await write(oppna));
    const t = target(komp, definedName("komp_andel_privata"));
    expect(komp.Sheets[t.sheet]![XLSX.utils.encode_cell(t.range.s)]!.f).toContain(
      "100*U_komp_deltagare_privata/(U_komp_deltagare_privata+U_komp_deltagare_kommunala)",
    );
  });

  it("builds sums and differences from signed terms", () => {
    const avvikelse = lillaEdet.measures.find((m) => m.id === "al_avvikelse_standardkostnad")!;
    expect(ratioFormula(avvikelse.formula!)).toBe(
      'IF(OR(U_al_nettokostnad="",U_al_standardkostnad=""),"",IF(U_al_standardkostnad=0,"",100*(U_al_nettokostnad-U_al_standardkostnad)/U_al_standardkostnad))',
    );
    expect(
      ratioFormula({
        numerator: [{ measure: "a", sign: -1 }],
        denominator: [{ measure: "b", sign: 1 }],
        factor: 1,
      }),
    ).toBe('IF(OR(U_a="",U_b=""),"",IF(U_b=0,"",(-U_a)/U_b))');
    // A term not in this workbook (another part): no formula rather than #NAME?.
    expect(ratioFormula(avvikelse.formula!, new Set(["al_nettokostnad"]))).toBeUndefined();
  });
});

describe("writeTemplate: a locked structure", () => {
  it("locks the workbook's structure without a password, in the schema's place", async () => {
    const files = unzipSync(await write(psyk));
    const xml = strFromU8(files["xl/workbook.xml"]!);
    expect(xml).toContain('<workbookProtection lockStructure="1"/><bookViews');
    expect(xml).not.toMatch(/workbookPassword|workbookHashValue/);
  });
});

describe("writeTemplate: protection, input cells and validation (read back with exceljs)", () => {
  it("protects every sheet without a password, unlocks exactly the input cells and colours them", async () => {
    const bytes = await write(oppna, { parts: ["demenscenter"] });
    const wb = await readExcelJs(bytes);
    const sheetjs = read(bytes);
    expect(wb.views[0]?.activeTab).toBe(0); // opens on the instructions
    for (const ws of wb.worksheets) {
      const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } })
        .sheetProtection;
      expect(protection?.sheet).toBe(true);
      expect(protection?.hashValue).toBeUndefined();
    }
    for (const m of oppna.measures.filter((x) => appliesTo(x, ["demenscenter"]))) {
      const t = target(sheetjs, definedName(m.id));
      const ws = wb.getWorksheet(t.sheet)!;
      const row = t.range.s.r + 1;
      expect(ws.getCell(row, COLUMNS.label).protection?.locked).not.toBe(false);
      const value = ws.getCell(row, COLUMNS.value);
      if (!isInput(m)) {
        expect(value.protection?.locked).not.toBe(false);
        continue;
      }
      expect(value.protection?.locked).toBe(false);
      expect((value.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
      if (m.type === "text") expect(value.dataValidation).toBeUndefined();
      else expect(value.dataValidation).toBeDefined();
    }
    // The count above the cases is a locked formula; the last case cell is an input.
    const cases = target(sheetjs, definedName("demens_vantetid"));
    const ws = wb.getWorksheet(cases.sheet)!;
    expect(ws.getCell(cases.range.s.r, COLUMNS.value).protection?.locked).not.toBe(false);
    expect(ws.getCell(cases.range.e.r + 1, COLUMNS.value).protection?.locked).toBe(false);
    expect(ws.getCell(cases.range.e.r + 1, COLUMNS.value).dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [0, 730],
      errorStyle: "stop",
    });
    // Label, help and header cells stay locked.
    expect(ws.getCell(HEADER_ROW, COLUMNS.value).protection?.locked).not.toBe(false);
    expect(wb.getWorksheet(INSTRUCTIONS_SHEET)!.getCell("B1").protection?.locked).not.toBe(false);
  });

  it("validates each value type with Swedish messages", async () => {
    const validation = async (u: Uppdrag, id: string) => {
      const bytes = await write(u);
      const t = target(read(bytes), definedName(id));
      return (await readExcelJs(bytes)).getWorksheet(t.sheet)!.getCell(t.range.s.r + 1, COLUMNS.value)
        .dataValidation;
    };
    const count = await validation(psyk, "patienter_start");
    expect(count).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
    });
    expect(count.prompt).toMatch(/heltal/);
    expect(count.error).toMatch(/Skriv ett heltal/);
    expect(count.promptTitle!.length).toBeLessThanOrEqual(32);
    expect(await validation(psyk, "arsarbetare")).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(await validation(psyk, "register_palliativ")).toMatchObject({
      type: "list",
      formulae: ['"Ja,Nej"'],
    });
    expect(await validation(lillaEdet, "bu_nojdhet_barn")).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
    expect(await validation(lillaEdet, "al_nettokostnad")).toMatchObject({
      type: "decimal",
      operator: "between",
    });
    expect(await validation(lillaEdet, "al_standardkostnad")).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(await validation(psyk, "register_analys")).toBeUndefined();
  });

  it("tells a unit to leave a cell blank only where the check accepts a blank", async () => {
    const prompts = async (u: Uppdrag, parts?: string[]) => {
      const bytes = await write(u, parts ? { parts } : {});
      const sheetjs = read(bytes);
      const wb = await readExcelJs(bytes);
      return u.measures
        .filter((m) => isInput(m) && appliesTo(m, parts))
        .flatMap((m) => {
          const t = target(sheetjs, definedName(m.id));
          const prompt = wb.getWorksheet(t.sheet)!.getCell(t.range.s.r + 1, COLUMNS.value)
            .dataValidation?.prompt;
          return prompt ? [{ m, prompt }] : [];
        });
    };
    const all = [
      ...(await prompts(psyk)),
      ...(await prompts(oppna, ["demenscenter"])),
      ...(await prompts(lillaEdet)),
    ];
    const required = all.filter(({ m }) => m.checks.required && m.type !== "daysList");
    expect(required.length).toBeGreaterThan(5);
    for (const { m, prompt } of required) {
      expect(prompt).not.toMatch(/Lämna tomt/);
      if (!["yesNo", "choice"].includes(m.type)) expect(prompt).toMatch(/Ska fyllas i; skriv 0/);
    }
    expect(all.find(({ m }) => m.id === "sip_moten")!.prompt).toMatch(/Lämna tomt om uppgiften saknas/);
    expect(all.find(({ m }) => m.id === "demens_vantetid")!.prompt).toMatch(
      /En rad per ärende; rader utan ärende lämnas tomma/,
    );
  });

  it("offers a choice's options in a list, on the metadata sheet when they do not fit inline", async () => {
    const bytes = await write(psyk);
    const sheetjs = read(bytes);
    const wb = await readExcelJs(bytes);
    for (const m of psyk.measures.filter((x) => x.type === "choice")) {
      const t = target(sheetjs, definedName(m.id));
      const v = wb.getWorksheet(t.sheet)!.getCell(t.range.s.r + 1, COLUMNS.value).dataValidation;
      expect(v.type).toBe("list");
      const formula = String(v.formulae[0]);
      if (formula.startsWith('"')) {
        expect(formula).toBe(`"${m.options!.join(",")}"`);
        expect(formula.length - 2).toBeLessThanOrEqual(255);
      } else {
        const list = parseRef(formula)!;
        expect(list.sheet).toBe(META_SHEET);
        const cells = XLSX.utils
          .sheet_to_json<string[]>(sheetjs.Sheets[META_SHEET]!, { header: 1, range: list.range })
          .map((r) => r[0]);
        expect(cells).toEqual(m.options);
      }
    }
    // An option with a comma cannot go in an inline list: at least one such list is in the catalog.
    expect(psyk.measures.some((m) => m.options?.some((o) => o.includes(",")))).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// LibreOffice: opens the template, and computes the ratios once values are filled in.

import { soffice, convertWithLibreOffice } from "../helpers/libreoffice";

/** Comma-separated, double quotes, UTF-8 (76), first line 1: the default charset is the system's. */
const CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76,1";
const withLibreOffice = soffice ? describe : describe.skip;
describe(soffice ? "LibreOffice" : "LibreOffice (skipped: soffice/libreoffice not on PATH)", () => {
  withLibreOffice("with soffice", () => {
    it("converts a template to csv", async () => {
      const { status, files, dir } = convertWithLibreOffice(
        await write(oppna, { parts: ["demenscenter"] }),
        CSV_UTF8,
      );
      try {
        expect(status).toBe(0);
        expect(files.filter((f) => f.endsWith(".csv"))).toHaveLength(1);
        expect(fs.readFileSync(files[0]!, "utf8")).toContain(oppna.name);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);

    it("computes the ratio cells once values are filled in, blank while a term is blank", async () => {
      const filled = fillByNames(await write(psyk), { patienter_slut: 22, pas_antal: 2, sip_patienter: 11 });
      const { status, files, dir } = convertWithLibreOffice(filled, "xlsx");
      try {
        expect(status).toBe(0);
        const wb = XLSX.read(fs.readFileSync(files[0]!), { type: "buffer" });
        const value = (id: string) => {
          const t = target(wb, definedName(id));
          return wb.Sheets[t.sheet]![XLSX.utils.encode_cell(t.range.s)]?.v;
        };
        expect(value("patienter_per_pas")).toBe(11);
        expect(value("andel_patienter_med_sip")).toBe(50);
        expect(value("patienter_per_arsarbetare") ?? "").toBe("");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);

    it("counts the filled cases of a list of days", async () => {
      const filled = fillByNames(await write(oppna, { parts: ["demenscenter"] }), {
        demens_vantetid: [12, 40, 7],
      });
      const { status, files, dir } = convertWithLibreOffice(filled, "xlsx");
      try {
        expect(status).toBe(0);
        const wb = XLSX.read(fs.readFileSync(files[0]!), { type: "buffer" });
        const t = target(wb, definedName("demens_vantetid"));
        expect(wb.Sheets[t.sheet]![XLSX.utils.encode_cell({ r: t.range.s.r - 1, c: t.range.s.c })]?.v).toBe(
          3,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  });
});

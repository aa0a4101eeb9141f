/**
 * Writes the Excel follow-up workbook a unit fills in, for one uppdrag, unit and period:
 * an instruction sheet, one protected input sheet per section, defined names U_<id> on every
 * input cell (the reader finds values by them), live ratio formulas and a veryHidden metadata
 * sheet. Follows layout.ts exactly. Builds in memory only (no fs), so it also runs in a browser.
 */
import { lockStructure } from "./lockStructure";
import ExcelJS from "exceljs";
import type { Measure, RatioFormula, Section, Term, Uppdrag } from "../core/model";
import { parsePeriod, type Period } from "../core/period";
import { appliesTo, isInput } from "../core/measures";
import { valueTypeOf, type TemplateValidation } from "../core/valueTypes";
import { formulaInputs } from "../core/derive";
import { checkPeriod, unknownPartErrors } from "../core/templateRequest";
import {
  COLUMNS,
  COLUMN_LETTERS,
  FIRST_MEASURE_ROW,
  HEADERS,
  HEADER_ROW,
  INSTRUCTIONS_SHEET,
  META_KEYS,
  META_SHEET,
  definedName,
  metaName,
  rowsFor,
  type MetaKey,
} from "./layout";
// `present` is a local name here (the measures the template has).
import { InternalError, present as required } from "../core/invariant";

export interface TemplateOptions {
  unit: string;
  /** Period code, e.g. 2025H1. */
  period: string;
  /** Subset of uppdrag.parts ids; undefined (or empty) = the whole uppdrag. */
  parts?: string[];
  createdAt?: Date;
  /** ISO date the unit must hand in by. */
  dueDate?: string;
  /** Whom to ask. */
  contact?: string;
}

export const TOOL_NAME = "uppfoljning";

// ---------------------------------------------------------------------------
// Styles

export const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
export const FORMULA_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
export const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF8C8C8C" } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const GREY_SMALL: Partial<ExcelJS.Font> = { size: 8, color: { argb: "FF808080" } };
export const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/** Column widths (characters) of an input sheet; C grows on sheets with text or choices. */
const WIDTHS = { id: 14, label: 55, value: 16, wideValue: 45, unit: 12, help: 70 } as const;
const LINE_HEIGHT = 15;
const TEXT_ROW_HEIGHT = 90;

/** Excel's own limits on data-validation messages and inline list formulas. */
const LIMITS = { title: 32, prompt: 255, error: 225, inlineList: 255 } as const;

/** Choice lists too long for an inline formula go on the metadata sheet from this column. */
const FIRST_LIST_COLUMN = 4;

/** Sheet protection without a password: a controller can lift it, a unit won't by accident. */
export const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

// ---------------------------------------------------------------------------
// Entry point

export async function writeTemplate(uppdrag: Uppdrag, options: TemplateOptions): Promise<Uint8Array> {
  // The callers check what the user asked for (checkPeriodFor, unknownPartErrors); this guards the writer itself.
  const check = checkPeriod(options.period);
  if (!check.ok) throw new Error(check.error);
  const period = check.period;
  const parts = options.parts && options.parts.length > 0 ? options.parts : undefined;
  const unknown = unknownPartErrors(uppdrag, parts);
  if (unknown.length > 0) throw new Error(unknown.join(" "));
  const createdAt = options.createdAt ?? new Date();

  const wb = new ExcelJS.Workbook();
  wb.creator = TOOL_NAME;
  wb.lastModifiedBy = TOOL_NAME;
  wb.title = `${uppdrag.name} – ${options.unit} – ${period.label}`;
  wb.created = createdAt;
  wb.modified = createdAt;
  // Ratio cells are written without a cached result: make Excel and LibreOffice compute on open.
  wb.calcProperties.fullCalcOnLoad = true;
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];

  const sections = sectionsToWrite(uppdrag, parts);
  const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET, { views: [{ showGridLines: false }] });
  // The metadata sheet is created up front (added last) so choice lists can be written to it.
  const sheets = sections.map(({ section }) => wb.addWorksheet(section.sheet));
  const meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  const lists = listWriter(meta);

  writeInstructions(
    instructions,
    uppdrag,
    options,
    period,
    parts,
    sections.map((s) => s.section),
  );
  const present = new Set(sections.flatMap((s) => s.measures.map((m) => m.id)));
  sections.forEach(({ section, measures }, i) => {
    const sheet = sheets[i];
    if (!sheet) throw new InternalError(`bladet för avsnittet ${section.id} saknas`);
    writeSectionSheet(wb, sheet, section, measures, present, lists);
  });
  writeMetadata(wb, meta, uppdrag, options, parts, createdAt);

  for (const ws of wb.worksheets) await ws.protect("", PROTECTION);
  return lockStructure(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Sections with at least one measure for the chosen parts, in catalog order, with those measures. */
function sectionsToWrite(
  uppdrag: Uppdrag,
  parts: readonly string[] | undefined,
): { section: Section; measures: Measure[] }[] {
  return uppdrag.sections
    .map((section) => ({
      section,
      measures: uppdrag.measures.filter((m) => m.section === section.id && appliesTo(m, parts)),
    }))
    .filter((s) => s.measures.length > 0);
}

// ---------------------------------------------------------------------------
// References

/** 'Sheet name'!$C$7 (or a range). exceljs re-quotes names itself, and only when not plain ASCII letters/digits. */
function absoluteRef(
  sheet: string,
  fromRow: number,
  toRow = fromRow,
  column: string = COLUMN_LETTERS.value,
): string {
  const quoted = `'${sheet}'`;
  const first = `$${column}$${fromRow}`;
  return `${quoted}!${first}${toRow === fromRow ? "" : `:$${column}$${toRow}`}`;
}

function addName(wb: ExcelJS.Workbook, ref: string, name: string) {
  // exceljs keeps names per cell and writes them back as ranges; it re-quotes the sheet itself.
  wb.definedNames.add(ref, name);
}

// ---------------------------------------------------------------------------
// Instruction sheet

function writeInstructions(
  ws: ExcelJS.Worksheet,
  uppdrag: Uppdrag,
  options: TemplateOptions,
  period: Period,
  parts: readonly string[] | undefined,
  sections: Section[],
) {
  ws.columns = [{ width: 24 }, { width: 100 }];
  const add = (key: string, value: string, style: Partial<ExcelJS.Font> = {}) => {
    const row = ws.addRow([key, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).font = style;
    row.getCell(2).alignment = WRAP;
    row.getCell(1).alignment = { vertical: "top" };
    row.height = heightFor([[value, 100]]);
    return row;
  };
  const heading = (text: string) => {
    ws.addRow([]);
    ws.addRow([text]).font = { bold: true, size: 13 };
  };

  const title = ws.addRow([uppdrag.name]);
  title.font = { bold: true, size: 16 };
  title.height = 24;
  add("", uppdrag.description);
  ws.addRow([]);
  add("Enhet", options.unit);
  add("Period", `${period.label} (${period.start} – ${period.end})`);
  const partLabels = uppdrag.parts.filter((p) => parts?.includes(p.id)).map((p) => p.label);
  add(
    "Verksamhetsdel",
    parts
      ? partLabels.join(", ")
      : uppdrag.parts.length > 0
        ? "Hela uppdraget (alla verksamhetsdelar)"
        : "Hela uppdraget",
  );
  if (options.dueDate) add("Lämna in senast", options.dueDate, { bold: true });
  if (options.contact) add("Frågor", `Kontakta ${options.contact}.`);

  heading("Så här fyller du i");
  for (const line of HOW_TO) add("", `• ${line}`);

  heading("Blad att fylla i");
  for (const s of sections) add(s.sheet, s.label);

  ws.addRow([]);
  add("Mall", `${uppdrag.id}, version ${uppdrag.version}. Källa: ${uppdrag.source}`, GREY_SMALL);
  ws.pageSetup = { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

const HOW_TO = [
  "Fyll bara i de gula cellerna i kolumnen Värde. Övriga celler är låsta.",
  "En tom cell betyder att uppgiften inte är redovisad. Skriv 0 om inget har hänt under perioden.",
  "Skriv tal med decimalkomma (2,5) om det behövs. Skriv inte enheter eller mellanslag i cellen.",
  "Väntetider anges med en rad per ärende (antal dagar), uppifrån och ned utan tomma rader emellan.",
  "Blå celler räknas fram automatiskt av mallen och ska inte fyllas i.",
  "Mallen kontrollerar värdena medan du skriver och förklarar vad som är fel. Läs hjälptexten i kolumnen Hjälp.",
  "Byt inte namn på bladen, flytta dem inte och lägg inte till eller ta bort rader eller kolumner – filen läses in automatiskt.",
  "Spara filen som Excel-arbetsbok (.xlsx) och skicka den i sin helhet.",
];

// ---------------------------------------------------------------------------
// Input sheets

function writeSectionSheet(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  section: Section,
  measures: Measure[],
  present: ReadonlySet<string>,
  lists: ListWriter,
) {
  const wide = measures.some((m) => valueTypeOf(m).wideValue);
  ws.columns = [
    { width: WIDTHS.id },
    { width: WIDTHS.label },
    { width: wide ? WIDTHS.wideValue : WIDTHS.value },
    { width: WIDTHS.unit },
    { width: WIDTHS.help },
  ];
  const title = ws.getCell(1, COLUMNS.id);
  title.value = section.label;
  title.font = { bold: true, size: 14 };
  ws.getRow(1).height = 22;
  if (section.description) {
    ws.mergeCells(2, COLUMNS.id, 2, COLUMNS.help);
    const description = ws.getCell(2, COLUMNS.id);
    description.value = section.description;
    description.alignment = WRAP;
    ws.getRow(2).height = heightFor([[section.description, 150]]);
  }
  writeHeader(ws.getRow(HEADER_ROW));

  let row = FIRST_MEASURE_ROW;
  for (const measure of measures) {
    writeMeasureRow(wb, ws, row, measure, present, lists);
    row += rowsFor(measure);
  }

  ws.views = [
    {
      state: "frozen",
      xSplit: 0,
      ySplit: HEADER_ROW,
      topLeftCell: `A${FIRST_MEASURE_ROW}`,
      activeCell: `C${FIRST_MEASURE_ROW}`,
    },
  ];
  ws.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

function writeHeader(row: ExcelJS.Row) {
  HEADERS.forEach((text, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN };
  });
}

/** One measure: id, label, value cell, unit, help; a list of days adds its case rows below. */
function writeMeasureRow(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  measure: Measure,
  present: ReadonlySet<string>,
  lists: ListWriter,
) {
  const entry = valueTypeOf(measure).entry;
  const row = ws.getRow(rowNumber);
  row.getCell(COLUMNS.id).value = measure.id;
  row.getCell(COLUMNS.id).font = GREY_SMALL;
  row.getCell(COLUMNS.id).alignment = { vertical: "top" };
  row.getCell(COLUMNS.label).value = measure.label;
  row.getCell(COLUMNS.label).alignment = WRAP;
  row.getCell(COLUMNS.unit).value = entry === "cases" ? "ärenden" : measure.unit;
  row.getCell(COLUMNS.unit).alignment = { vertical: "top" };
  row.getCell(COLUMNS.help).value = helpText(measure);
  row.getCell(COLUMNS.help).alignment = WRAP;
  row.height = Math.max(
    heightFor([
      [measure.label, WIDTHS.label],
      [helpText(measure), WIDTHS.help],
    ]),
    valueTypeOf(measure).longText ? TEXT_ROW_HEIGHT : 0,
  );

  const value = row.getCell(COLUMNS.value);
  if (entry === "derived") {
    writeRatioCell(value, measure, present);
    addName(wb, absoluteRef(ws.name, rowNumber), definedName(measure.id));
  } else if (entry === "cases") {
    writeCaseRows(wb, ws, rowNumber, measure);
  } else {
    styleInput(value, measure);
    const validation = validationFor(measure, lists);
    if (validation) value.dataValidation = validation;
    addName(wb, absoluteRef(ws.name, rowNumber), definedName(measure.id));
  }
}

/** The help column: the catalog's help, plus the checks a unit should know about. */
function helpText(measure: Measure): string {
  const extra: string[] = [];
  if (measure.checks.required && isInput(measure))
    extra.push(valueTypeOf(measure).numeric ? "Ska fyllas i (0 om inget)." : "Ska fyllas i.");
  if (measure.checks.warnAbove !== undefined)
    extra.push(`Värden över ${measure.checks.warnAbove} är ovanliga – kontrollera.`);
  if (valueTypeOf(measure).entry === "cases")
    extra.push(`En rad per ärende, högst ${rowsFor(measure) - 1} ärenden.`);
  if (valueTypeOf(measure).entry === "derived") extra.push("Räknas fram av mallen.");
  return [measure.help, ...extra].filter((s) => s.trim() !== "").join(" ");
}

/** A list of days: the measure row shows how many cases are filled; each case has its own input row. */
function writeCaseRows(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, rowNumber: number, measure: Measure) {
  const cases = rowsFor(measure) - 1;
  const first = rowNumber + 1;
  const last = rowNumber + cases;
  const count = ws.getCell(rowNumber, COLUMNS.value);
  // No cached result: LibreOffice keeps cached values of files another tool filled, so let it compute.
  count.value = { formula: `COUNT(${definedName(measure.id)})` };
  count.fill = FORMULA_FILL;
  count.numFmt = "0";
  count.border = BOX;
  const validation = required(validationFor(measure, undefined), `valideringen för ${measure.id}`);
  for (let i = 1; i <= cases; i++) {
    const row = ws.getRow(rowNumber + i);
    row.getCell(COLUMNS.label).value = `Ärende ${i}`;
    row.getCell(COLUMNS.unit).value = measure.unit;
    const cell = row.getCell(COLUMNS.value);
    styleInput(cell, measure);
    cell.dataValidation = validation;
  }
  addName(wb, absoluteRef(ws.name, first, last), definedName(measure.id));
}

function styleInput(cell: ExcelJS.Cell, measure: Measure) {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.border = BOX;
  const format = valueTypeOf(measure).numberFormat;
  if (format) cell.numFmt = format;
  if (valueTypeOf(measure).longText) cell.alignment = WRAP;
}

// ---------------------------------------------------------------------------
// Data validation

/** The type's validation (bounds as the validator applies them) in Excel's terms. */
function validationFor(measure: Measure, lists: ListWriter | undefined): ExcelJS.DataValidation | undefined {
  const wanted: TemplateValidation | undefined = valueTypeOf(measure).validation(measure);
  if (!wanted) return undefined;
  if (wanted.kind === "number")
    return numberRule(measure, wanted.whole ? "whole" : "decimal", wanted.min, wanted.max, wanted.what);
  return listRule(measure, listFormula(measure.id, wanted.options, lists), wanted.prompt);
}

function numberRule(
  measure: Measure,
  type: "whole" | "decimal",
  min: number | undefined,
  max: number | undefined,
  what: string,
): ExcelJS.DataValidation {
  const range =
    min !== undefined && max !== undefined
      ? `mellan ${fmt(min)} och ${fmt(max)}`
      : min !== undefined
        ? `${fmt(min)} eller mer`
        : max !== undefined
          ? `högst ${fmt(max)}`
          : "";
  const wanted = `Skriv ${what}${range ? `, ${range}` : ""}.`;
  const rule: Pick<ExcelJS.DataValidation, "operator" | "formulae"> =
    min !== undefined && max !== undefined
      ? { operator: "between", formulae: [min, max] }
      : min !== undefined
        ? { operator: "greaterThanOrEqual", formulae: [min] }
        : max !== undefined
          ? { operator: "lessThanOrEqual", formulae: [max] }
          : // No bound at all still rejects text: any number fits.
            { operator: "between", formulae: [-1e15, 1e15] };
  return {
    type,
    ...rule,
    allowBlank: true,
    ...messages(
      measure,
      `${wanted} ${blankHint(measure)}`,
      `${wanted}${valueTypeOf(measure).entry === "cases" ? " En rad per ärende." : ""}`,
    ),
  };
}

/** What a blank means, as the validator will judge it: "leave it blank" only where a blank is not an error. */
function blankHint(measure: Measure): string {
  if (valueTypeOf(measure).entry === "cases") return "En rad per ärende; rader utan ärende lämnas tomma.";
  return measure.checks.required
    ? "Ska fyllas i; skriv 0 om inget har hänt under perioden."
    : "Lämna tomt om uppgiften saknas.";
}

function listRule(measure: Measure, formula: string, prompt: string): ExcelJS.DataValidation {
  return { type: "list", formulae: [formula], allowBlank: true, ...messages(measure, prompt, prompt) };
}

function messages(measure: Measure, prompt: string, error: string): Partial<ExcelJS.DataValidation> {
  return {
    showInputMessage: true,
    promptTitle: clip(measure.label, LIMITS.title),
    prompt: clip(prompt, LIMITS.prompt),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: clip(`Fel värde: ${measure.label}`, LIMITS.title),
    error: clip(error, LIMITS.error),
  };
}

/** Inline "a,b,c" when it fits Excel's 255 characters and no option has a comma or quote; else a range. */
function listFormula(id: string, options: readonly string[], lists: ListWriter | undefined): string {
  const inline = `"${options.join(",")}"`;
  if (
    !lists ||
    (inline.length - 2 <= LIMITS.inlineList && !options.some((o) => o.includes(",") || o.includes('"')))
  )
    return inline;
  return lists.add(id, options);
}

interface ListWriter {
  /** Writes the options to a column of the metadata sheet and returns its absolute reference. */
  add(id: string, options: readonly string[]): string;
}

function listWriter(meta: ExcelJS.Worksheet): ListWriter {
  let column = FIRST_LIST_COLUMN;
  return {
    add(id, options) {
      meta.getCell(1, column).value = id;
      options.forEach((o, i) => (meta.getCell(2 + i, column).value = o));
      const letter = meta.getColumn(column).letter;
      column++;
      return absoluteRef(meta.name, 2, 1 + Math.max(1, options.length), letter);
    },
  };
}

// ---------------------------------------------------------------------------
// Formulas

/** The live ratio; blank while a term is blank or the denominator is 0, as the reader computes it. */
function writeRatioCell(cell: ExcelJS.Cell, measure: Measure, present: ReadonlySet<string>) {
  cell.fill = FORMULA_FILL;
  cell.border = BOX;
  cell.numFmt = valueTypeOf(measure).numberFormat ?? "0.0";
  const formula = measure.formula && ratioFormula(measure.formula, present);
  // A term outside the chosen parts has no name in this workbook: no formula rather than #NAME?.
  if (formula) cell.value = { formula };
}

export function ratioFormula(
  formula: RatioFormula,
  present: ReadonlySet<string> = new Set(formulaInputs(formula)),
): string | undefined {
  const ids = formulaInputs(formula);
  if (ids.length === 0 || ids.some((id) => !present.has(id))) return undefined;
  const numerator = sumOf(formula.numerator);
  const denominator = sumOf(formula.denominator);
  const blank = `OR(${ids.map((id) => `${definedName(id)}=""`).join(",")})`;
  const scaled =
    formula.factor === 1 ? `${numerator}/${denominator}` : `${formula.factor}*${numerator}/${denominator}`;
  return `IF(${blank},"",IF(${denominator}=0,"",${scaled}))`;
}

/** U_a, or (U_a+U_b-U_c) for several terms or a leading minus. */
function sumOf(terms: readonly Term[]): string {
  const text = terms
    .map((t, i) => `${t.sign < 0 ? "-" : i > 0 ? "+" : ""}${definedName(t.measure)}`)
    .join("");
  return terms.length === 1 && terms[0]?.sign === 1 ? text : `(${text})`;
}

// ---------------------------------------------------------------------------
// Metadata

function writeMetadata(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  uppdrag: Uppdrag,
  options: TemplateOptions,
  parts: readonly string[] | undefined,
  createdAt: Date,
) {
  const values: Record<MetaKey, string> = {
    uppdrag: uppdrag.id,
    uppdragsnamn: uppdrag.name,
    mallversion: uppdrag.version,
    enhet: options.unit,
    period: required(parsePeriod(options.period), `perioden ${options.period}`).code,
    delar: parts ? parts.join(",") : "",
    skapad: createdAt.toISOString(),
    verktyg: TOOL_NAME,
  };
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 40;
  META_KEYS.forEach((key, i) => {
    const row = i + 1;
    ws.getCell(row, 1).value = key;
    const cell = ws.getCell(row, 2);
    // Text format and a string value: "2026.1" must not become a number.
    cell.numFmt = "@";
    cell.value = values[key];
    addName(wb, absoluteRef(ws.name, row, row, "B"), metaName(key));
  });
}

// ---------------------------------------------------------------------------
// Small helpers

/** Row height that shows wrapped text: the most lines any of the cells needs. */
function heightFor(cells: [text: string, width: number][]): number {
  const lines = Math.max(
    1,
    ...cells.map(([text, width]) =>
      text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / width)), 0),
    ),
  );
  return lines * LINE_HEIGHT;
}

export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Numbers in messages the Swedish way: 1,5 and 1 000. */
export function fmt(n: number): string {
  return n.toLocaleString("sv-SE").replace(/\u00a0/g, " ");
}

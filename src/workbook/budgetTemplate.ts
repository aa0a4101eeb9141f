/**
 * Writes the budget workbook finance fills in (`uppfoljning ekonomi-mall`): one row per unit and
 * a Summa row, budget and utfall (and optionally helårsprognos) for intäkter, kostnader and netto
 * in tkr. Inputs are yellow, validated as amounts and named `ek_<enhet>_<scenario>_<slag>`;
 * netto and Summa are live formulas; the sheet is protected with the inputs unlocked. The header
 * is one the finance recogniser reads back (a group row "Budget 2025 (tkr)" over Intäkter,
 * Kostnader, Netto), so `uppfoljning ekonomi` and `rollup --budget` read a filled copy like any
 * ledger export. Same conventions and styles as the follow-up template (template.ts). In memory.
 */
import ExcelJS from "exceljs";
import type { Uppdrag } from "../core/model";
import { checkPeriod } from "../core/templateRequest";
import type { Period } from "../core/period";
import { isSummaLabel } from "../core/finance/headers";
import { slug } from "../core/slug";
import { unitKey } from "../core/unitName";
import { columnLetter } from "../core/finance";
import { lockStructure } from "./lockStructure";
import {
  BOX,
  FORMULA_FILL,
  GREY_SMALL,
  HEADER_FILL,
  INPUT_FILL,
  PROTECTION,
  THIN,
  TOOL_NAME,
  WRAP,
  clip,
} from "./template";

export const BUDGET_SHEET = "Budget";
/** Hidden (veryHidden) sheet saying what the workbook is; not the follow-up's Metadata sheet, so no reader takes it for a unit's file. */
export const BUDGET_META_SHEET = "Ekonomimetadata";
export const BUDGET_TEMPLATE_FORMAT = "uppfoljning-budgetmall";

export type BudgetScenario = "budget" | "utfall" | "prognos";
export type BudgetKind = "intakter" | "kostnader" | "netto";
const KINDS: readonly BudgetKind[] = ["intakter", "kostnader", "netto"];
const KIND_HEADERS: Record<BudgetKind, string> = {
  intakter: "Intäkter",
  kostnader: "Kostnader",
  netto: "Netto",
};

/** Rows of the sheet: title and instructions, a blank row, the two header rows, the units, Summa. */
export const BUDGET_LAYOUT = { groupRow: 7, headerRow: 8, firstUnitRow: 9, labelColumn: 1 } as const;

const AMOUNT_FORMAT = "#,##0.0";
const WIDTHS = { label: 34, amount: 13 } as const;

export interface BudgetTemplateOptions {
  /** The units, one row each, in this order. */
  units: readonly string[];
  /** Period code of the follow-up (2025H1): utfall is for it, budget and prognos for its year. */
  period: string;
  /** Add helårsprognos columns; default: for a period shorter than a year. */
  prognos?: boolean;
  createdAt?: Date;
}

/** The defined name of a unit's cell: ek_team_norr_budget_kostnader (ASCII, lower case). */
export function budgetCellName(unit: string, scenario: BudgetScenario, kind: BudgetKind): string {
  return `ek_${nameSlug(unit)}_${scenario}_${kind}`;
}

/** The defined name of a Summa cell: ek_summa_budget_netto. */
export function budgetSummaName(scenario: BudgetScenario, kind: BudgetKind): string {
  return `ek_summa_${scenario}_${kind}`;
}

function nameSlug(unit: string): string {
  return slug(unit).toLowerCase().replace(/-/g, "_");
}

/** Why a list of units cannot become a budget workbook (Swedish sentences); empty when it can. */
export function budgetTemplateErrors(units: readonly string[]): string[] {
  const errors: string[] = [];
  if (units.length === 0) errors.push("Enhetslistan innehåller inga enheter.");
  const byName = new Map<string, string>();
  for (const unit of units) {
    if (isSummaLabel(unit))
      errors.push(
        `Enheten "${unit}" kan inte heta så: en rad som börjar med Summa eller Totalt läses som summarad.`,
      );
    const key = nameSlug(unit);
    const other = byName.get(key);
    if (other !== undefined && unitKey(other) !== unitKey(unit))
      errors.push(
        `Enheterna "${other}" och "${unit}" får samma namn i arbetsboken (${key}). Byt namn på den ena.`,
      );
    else if (other !== undefined) errors.push(`Enheten "${unit}" står två gånger i enhetslistan.`);
    byName.set(key, unit);
  }
  return errors;
}

/** The scenarios the workbook has columns for, with the header each gets. */
export function budgetScenarios(
  period: Period,
  prognos?: boolean,
): { scenario: BudgetScenario; header: string }[] {
  const withPrognos = prognos ?? period.frequency !== "ar";
  return [
    { scenario: "budget" as const, header: `Budget ${period.year} (tkr)` },
    { scenario: "utfall" as const, header: `Utfall ${period.code} (tkr)` },
    ...(withPrognos ? [{ scenario: "prognos" as const, header: `Helårsprognos ${period.year} (tkr)` }] : []),
  ];
}

export async function writeBudgetTemplate(
  uppdrag: Uppdrag,
  options: BudgetTemplateOptions,
): Promise<Uint8Array> {
  const check = checkPeriod(options.period);
  if (!check.ok) throw new Error(check.error);
  const errors = budgetTemplateErrors(options.units);
  if (errors.length > 0) throw new Error(errors.join(" "));
  const period = check.period;
  const createdAt = options.createdAt ?? new Date();
  const scenarios = budgetScenarios(period, options.prognos);

  const wb = new ExcelJS.Workbook();
  wb.creator = TOOL_NAME;
  wb.lastModifiedBy = TOOL_NAME;
  wb.title = `Budget – ${uppdrag.name} – ${period.label}`;
  wb.created = createdAt;
  wb.modified = createdAt;
  // Netto and Summa are written without cached results: make Excel and LibreOffice compute on open.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(BUDGET_SHEET);
  const meta = wb.addWorksheet(BUDGET_META_SHEET, { state: "veryHidden" });

  writeIntro(ws, uppdrag, period, scenarios.length * KINDS.length + 1);
  writeHeaders(
    ws,
    scenarios.map((s) => s.header),
  );
  const first = BUDGET_LAYOUT.firstUnitRow;
  const last = first + options.units.length - 1;
  options.units.forEach((unit, i) => writeUnitRow(wb, ws, first + i, unit, scenarios));
  writeSummaRow(wb, ws, last + 1, first, last, scenarios);
  writeMeta(wb, meta, uppdrag, period, scenarios, createdAt);

  ws.views = [
    {
      state: "frozen",
      xSplit: 1,
      ySplit: BUDGET_LAYOUT.headerRow,
      topLeftCell: `B${first}`,
      activeCell: `B${first}`,
    },
  ];
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  await ws.protect("", PROTECTION);
  await meta.protect("", PROTECTION);
  return lockStructure(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Column (1-based) of a scenario's kind: B–D budget, E–G utfall, H–J prognos. */
function amountColumn(scenarioIndex: number, kind: BudgetKind): number {
  return 2 + scenarioIndex * KINDS.length + KINDS.indexOf(kind);
}

function addName(wb: ExcelJS.Workbook, sheet: string, column: number, row: number, name: string) {
  wb.definedNames.add(`'${sheet}'!$${columnLetter(column - 1)}$${row}`, name);
}

/** Title, what is asked, and the sign convention, above a blank row the recogniser stops at. */
function writeIntro(ws: ExcelJS.Worksheet, uppdrag: Uppdrag, period: Period, width: number) {
  ws.getColumn(1).width = WIDTHS.label;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = WIDTHS.amount;
  const title = ws.getCell(1, 1);
  title.value = `Budget och utfall – ${uppdrag.name}`;
  title.font = { bold: true, size: 14 };
  ws.getRow(1).height = 22;
  const lines = [
    `Period: ${period.label} (${period.start} – ${period.end}). Budget och helårsprognos gäller hela ${period.year}, utfall perioden.`,
    "Belopp i tkr. Tecken: intäkter och kostnader skrivs som positiva tal; netto = intäkter − kostnader, så en nettokostnad är negativ.",
    "Fyll bara i de gula cellerna (decimalkomma går bra). En tom cell betyder att beloppet saknas – skriv 0 om det är noll. Netto och Summa räknas fram av mallen.",
    "Byt inte namn på bladet och lägg inte till eller ta bort rader eller kolumner – filen läses in automatiskt.",
  ];
  lines.forEach((text, i) => {
    const row = 2 + i;
    ws.mergeCells(row, 1, row, width);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.alignment = WRAP;
    ws.getRow(row).height = 30;
  });
}

function writeHeaders(ws: ExcelJS.Worksheet, groups: string[]) {
  const header = (cell: ExcelJS.Cell, text: string) => {
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  groups.forEach((text, s) => {
    const from = amountColumn(s, "intakter");
    const to = amountColumn(s, "netto");
    ws.mergeCells(BUDGET_LAYOUT.groupRow, from, BUDGET_LAYOUT.groupRow, to);
    header(ws.getCell(BUDGET_LAYOUT.groupRow, from), text);
    for (const kind of KINDS)
      header(ws.getCell(BUDGET_LAYOUT.headerRow, amountColumn(s, kind)), KIND_HEADERS[kind]);
  });
  header(ws.getCell(BUDGET_LAYOUT.headerRow, BUDGET_LAYOUT.labelColumn), "Enhet");
  ws.getCell(BUDGET_LAYOUT.headerRow, BUDGET_LAYOUT.labelColumn).alignment = { vertical: "middle" };
  ws.getRow(BUDGET_LAYOUT.groupRow).height = 30;
}

function writeUnitRow(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  row: number,
  unit: string,
  scenarios: { scenario: BudgetScenario }[],
) {
  const label = ws.getCell(row, BUDGET_LAYOUT.labelColumn);
  label.value = unit;
  label.border = BOX;
  scenarios.forEach(({ scenario }, s) => {
    for (const kind of ["intakter", "kostnader"] as const) {
      const cell = ws.getCell(row, amountColumn(s, kind));
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      cell.border = BOX;
      cell.numFmt = AMOUNT_FORMAT;
      cell.dataValidation = amountValidation(unit, scenario, kind);
      addName(wb, ws.name, amountColumn(s, kind), row, budgetCellName(unit, scenario, kind));
    }
    const income = `${columnLetter(amountColumn(s, "intakter") - 1)}${row}`;
    const cost = `${columnLetter(amountColumn(s, "kostnader") - 1)}${row}`;
    const netto = ws.getCell(row, amountColumn(s, "netto"));
    // Blank while either is blank: a missing amount is missing, never 0.
    netto.value = { formula: `IF(OR(${income}="",${cost}=""),"",${income}-${cost})` };
    styleFormula(netto);
    addName(wb, ws.name, amountColumn(s, "netto"), row, budgetCellName(unit, scenario, "netto"));
  });
}

function writeSummaRow(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  row: number,
  first: number,
  last: number,
  scenarios: { scenario: BudgetScenario }[],
) {
  const label = ws.getCell(row, BUDGET_LAYOUT.labelColumn);
  label.value = "Summa";
  label.font = { bold: true };
  label.border = BOX;
  scenarios.forEach(({ scenario }, s) => {
    for (const kind of KINDS) {
      const letter = columnLetter(amountColumn(s, kind) - 1);
      const range = `${letter}${first}:${letter}${last}`;
      const cell = ws.getCell(row, amountColumn(s, kind));
      // Blank while no row has a figure: an empty column sums to nothing, not to 0.
      cell.value = { formula: `IF(COUNT(${range})=0,"",SUM(${range}))` };
      styleFormula(cell);
      cell.font = { bold: true };
      addName(wb, ws.name, amountColumn(s, kind), row, budgetSummaName(scenario, kind));
    }
  });
}

function styleFormula(cell: ExcelJS.Cell) {
  cell.fill = FORMULA_FILL;
  cell.border = BOX;
  cell.numFmt = AMOUNT_FORMAT;
}

const SCENARIO_WORDS: Record<BudgetScenario, string> = {
  budget: "budget",
  utfall: "utfall",
  prognos: "helårsprognos",
};

/** An amount in tkr, 0 or more (the sheet's sign convention); text is refused. */
function amountValidation(unit: string, scenario: BudgetScenario, kind: BudgetKind): ExcelJS.DataValidation {
  const what = `${SCENARIO_WORDS[scenario]}, ${KIND_HEADERS[kind].toLowerCase()}`;
  return {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(unit, 32),
    prompt: clip(
      `${what[0]?.toUpperCase()}${what.slice(1)} i tkr, t.ex. 1250,5. Skriv kostnader som positiva tal. Lämna tomt om beloppet saknas.`,
      255,
    ),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: clip(`Fel belopp: ${unit}`, 32),
    error: clip(
      `Skriv ${what} i tkr som ett tal, 0 eller mer (kostnader också positiva), t.ex. 1250,5. Bara siffror, inga enheter.`,
      225,
    ),
  };
}

const META_KEYS = [
  "format",
  "uppdrag",
  "uppdragsnamn",
  "period",
  "enhet",
  "kolumner",
  "skapad",
  "verktyg",
] as const;

function writeMeta(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  uppdrag: Uppdrag,
  period: Period,
  scenarios: { scenario: BudgetScenario }[],
  createdAt: Date,
) {
  const values: Record<(typeof META_KEYS)[number], string> = {
    format: BUDGET_TEMPLATE_FORMAT,
    uppdrag: uppdrag.id,
    uppdragsnamn: uppdrag.name,
    period: period.code,
    enhet: "tkr",
    kolumner: scenarios.map((s) => s.scenario).join(","),
    skapad: createdAt.toISOString(),
    verktyg: TOOL_NAME,
  };
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 40;
  META_KEYS.forEach((key, i) => {
    ws.getCell(i + 1, 1).value = key;
    const cell = ws.getCell(i + 1, 2);
    cell.numFmt = "@"; // "2025" stays text
    cell.value = values[key];
    cell.font = GREY_SMALL;
    addName(wb, ws.name, 2, i + 1, `EK_META_${key}`);
  });
}

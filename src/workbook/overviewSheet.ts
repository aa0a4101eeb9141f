/**
 * Översikt, the level-2 workbook's first sheet and one A4 page for the nämnd: the uppdrag's key
 * measures with the level-2 value, earlier periods, change, target and status, then the
 * missing units and the notes on data quality.
 *
 * The current value is a formula over the level-2 cell on Nivå 2, and change, status and the
 * status icon (conditional formatting, an icon set) are formulas over it, so a corrected figure
 * carries through when the workbook is recalculated. Every formula carries its result (the
 * writer promises no recalculation is needed on open). The status formula follows the rules in
 * core/comparison/targets.ts; a test recalculates it in LibreOffice and compares.
 */
import type ExcelJS from "exceljs";
import type { Measure } from "../core/model";
import type { Comparison, MeasureSeries, TargetOutcome } from "../core/comparison/model";
import { keyMeasuresOf } from "../core/catalog";
import { cellText } from "../core/cellText";
import { parsePeriod } from "../core/period";
import { LEVEL2_UNIT } from "../core/tidy";
import { problemText } from "../core/messages/sv";
import { valueTypeOf } from "../core/valueTypes";
import { columnLetters } from "./a1";
import { fileSummary, type CollectedRollup } from "./collect";
import { LEVEL2_SHEETS } from "./level2Sheets";
import { printableSheet } from "./printSetup";

/** Earlier periods shown beside the current one (the most recent); more would not fit the page. */
const SHOWN_PERIODS = 3;
/** Lines of notes under the table before "… och n till" (the page must hold them). */
const NOTE_LINES = 14;

const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const CURRENT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
const THIN: Partial<ExcelJS.Borders> = {
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
};

/** The Översikt table's columns for a number of earlier periods: where each thing sits. */
export function overviewColumns(earlierCount: number) {
  const first = 3; // after Mått and Måttenhet
  const current = first + earlierCount;
  return {
    measure: 1,
    unitOfMeasure: 2,
    earlier: (i: number) => first + i,
    current,
    change: current + 1,
    target: current + 2,
    better: current + 3,
    tolerance: current + 4,
    icon: current + 5,
    status: current + 6,
  };
}
/** Column widths (Excel's units) for a number of earlier periods, in the order of overviewColumns. */
function overviewWidths(earlierCount: number): number[] {
  return [46, 17, ...Array<number>(earlierCount).fill(14), 18, 11, 9, 9, 9, 4, 16];
}

/** The header row of the table; the key measures follow on the rows below it. */
export const OVERVIEW_HEADER_ROW = 4;

const periodLabel = (code: string) => parsePeriod(code)?.label ?? code;
/** A file's name without its folders: the page has no room for paths (the Filer sheet has them). */
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/**
 * The status formula over the value, target, direction and tolerance cells: the same rules as
 * targetStatus (core/comparison/targets.ts). A blank tolerance counts as 0.
 */
export function statusFormula(value: string, target: string, better: string, tolerance: string): string {
  const near = (op: string, sign: string) =>
    `IF(${value}${op}${target},"uppnått",IF(${value}${op}${target}${sign}N(${tolerance}),"nära","ej uppnått"))`;
  return `IF(OR(NOT(ISNUMBER(${value})),NOT(ISNUMBER(${target}))),"kan inte bedömas",IF(${better}="lägre",${near("<=", "+")},${near(">=", "-")}))`;
}

/** The level-2 cell's number; blank when it has none (a reference to an empty cell would read as 0). */
const currentFormula = (ref: string) => `IF(ISNUMBER(${ref}),${ref},"")`;

/** 3 for uppnått, 2 for nära, 1 for ej uppnått (the icon set's green, yellow, red), else empty. */
export const iconFormula = (status: string) =>
  `IF(${status}="uppnått",3,IF(${status}="nära",2,IF(${status}="ej uppnått",1,"")))`;
export const iconValue = (status: TargetOutcome["status"] | undefined) =>
  status === "uppnått" ? 3 : status === "nära" ? 2 : status === "ej uppnått" ? 1 : "";

/** Traffic lights over a range of iconFormula cells: green, yellow, red, the number itself hidden. */
export function addStatusIcons(ws: ExcelJS.Worksheet, range: string): void {
  ws.addConditionalFormatting({
    ref: range,
    rules: [
      {
        type: "iconSet",
        priority: 1,
        iconSet: "3TrafficLights1",
        showValue: false,
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: 2 },
          { type: "num", value: 3 },
        ],
      } as ExcelJS.IconSetRuleType,
    ],
  });
}

function numberFormat(m: Measure): string {
  const t = valueTypeOf(m);
  return t.level2NumberFormat ?? t.numberFormat ?? "0.0";
}

/** The notes under the table: missing units, data quality, history files, targets, units that moved. */
function overviewNotes(
  collected: CollectedRollup,
  comparison: Comparison | undefined,
  keys: Measure[],
): string[] {
  const { result } = collected;
  const notes: string[] = [];
  const missing = [
    ...result.absentUnits.map((u) => u.unit),
    ...result.conflictingUnits.map((u) => `${u.unit} (olika filer)`),
  ];
  notes.push(
    missing.length
      ? `Enheter som saknas: ${missing.join(", ")}.`
      : "Alla förväntade enheter har lämnat uppföljning.",
  );
  const files = fileSummary(collected.files);
  const withErrors = collected.files
    .filter((f) => f.status === "used" && f.problems.some((p) => p.severity === "fel"))
    .map((f) => f.file);
  notes.push(
    `Filer: ${files.used} används` +
      (withErrors.length
        ? `, varav ${withErrors.length} med fel (${withErrors.join(", ")})`
        : ", ingen med fel") +
      (files.copies ? `; ${files.copies} kopior räknas inte två gånger` : "") +
      (files.rejected ? `; ${files.rejected} avvisade (se bladet Filer)` : "") +
      ".",
  );
  for (const f of collected.files.filter((x) => x.status === "copy"))
    notes.push(`Dubblett: ${f.file} är en kopia av ${f.copyOf ?? "en annan fil"}.`);
  for (const u of result.conflictingUnits)
    notes.push(`Dubbletter: ${u.unit} skickade olika filer (${u.files.join(", ")}); ingen räknas.`);
  if (comparison) {
    const used = (comparison.historyFiles ?? []).filter((f) => f.used);
    if (used.length)
      notes.push(
        `Tidigare perioder från: ${used.map((f) => `${baseName(f.file)} (${periodLabel(f.period ?? "")})`).join(", ")}.`,
      );
    for (const p of comparison.problems) notes.push(problemText(p));
    const label = new Map(keys.map((m) => [m.id, m.label]));
    for (const s of comparison.series.filter(
      (x) => x.movedBeyondThreshold && x.unit !== LEVEL2_UNIT && label.has(x.measureId),
    ))
      notes.push(
        `Stor förändring: ${s.unit}, ${label.get(s.measureId) ?? s.measureId}: ${formatNumber(s.earlier[s.earlier.length - 1]?.value)} → ${formatNumber(s.current.value)}.`,
      );
  }
  if (notes.length <= NOTE_LINES) return notes;
  return [
    ...notes.slice(0, NOTE_LINES - 1),
    `… och ${notes.length - NOTE_LINES + 1} anteckningar till på bladen Problem och Filer.`,
  ];
}

const formatNumber = (v: number | undefined) =>
  v === undefined ? "saknas" : v.toLocaleString("sv-SE", { maximumFractionDigits: 1 });

/**
 * Writes Översikt. `level2Address` gives the A1 address of a measure's level-2 cell on the
 * Nivå 2 sheet (undefined when it has none there; the value is then written as it is).
 */
export function writeOverview(
  wb: ExcelJS.Workbook,
  page: { title: string; period: string },
  collected: CollectedRollup,
  comparison: Comparison | undefined,
  level2Address: (measureId: string) => string | undefined,
  createdAt: Date,
): void {
  const { uppdrag, result } = collected;
  const keys = keyMeasuresOf(uppdrag);
  const periods = (comparison?.periods ?? []).slice(-SHOWN_PERIODS);
  const col = overviewColumns(periods.length);
  const widths = overviewWidths(periods.length);
  const printable = printableSheet({ ...page, widths, frozenRows: OVERVIEW_HEADER_ROW });
  // One page: the nämnd's summary is never split (notes are capped to fit, NOTE_LINES).
  const ws = wb.addWorksheet(LEVEL2_SHEETS.overview, {
    ...printable,
    pageSetup: { ...printable.pageSetup, fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = col.status;
  ws.getCell(1, 1).value = cellText(`Översikt – ${uppdrag.name}`);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = cellText(
    `${periodLabel(result.period)} · ${result.used.length} enheter · skapad ${createdAt.toISOString().slice(0, 10)} · ` +
      `Nu-värdet hämtas från bladet ${LEVEL2_SHEETS.summary}; förändringen är mot närmast föregående period.`,
  );
  ws.getCell(2, 1).font = { italic: true, size: 9 };

  const header = ws.getRow(OVERVIEW_HEADER_ROW);
  header.getCell(col.measure).value = "Nyckelmått";
  header.getCell(col.unitOfMeasure).value = "Enhet";
  periods.forEach((p, i) => (header.getCell(col.earlier(i)).value = periodLabel(p)));
  header.getCell(col.current).value = `Nu: ${periodLabel(result.period)}`;
  header.getCell(col.change).value = "Förändring";
  header.getCell(col.target).value = "Mål";
  header.getCell(col.better).value = "Bättre är";
  header.getCell(col.tolerance).value = "Tolerans";
  header.getCell(col.icon).value = "";
  header.getCell(col.status).value = "Status";
  header.height = 30;
  for (let c = 1; c <= last; c++) {
    const cell = header.getCell(c);
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  }

  const seriesOf = new Map<string, MeasureSeries>();
  for (const s of comparison?.series ?? []) if (s.unit === LEVEL2_UNIT) seriesOf.set(s.measureId, s);
  const targetOf = new Map((comparison?.targets ?? []).map((t) => [t.measureId, t]));
  const figureOf = new Map(result.figures.map((f) => [f.measureId, f]));
  const letter = columnLetters;

  keys.forEach((m, i) => {
    const r = OVERVIEW_HEADER_ROW + 1 + i;
    const row = ws.getRow(r);
    const format = numberFormat(m);
    row.getCell(col.measure).value = cellText(m.label);
    row.getCell(col.measure).alignment = { wrapText: true, vertical: "top" };
    row.getCell(col.unitOfMeasure).value = cellText(m.unit);
    row.getCell(col.unitOfMeasure).alignment = { wrapText: true, vertical: "top" };
    const series = seriesOf.get(m.id);
    const byPeriod = new Map((series?.earlier ?? []).map((e) => [e.period, e.value]));
    periods.forEach((p, j) => {
      const cell = row.getCell(col.earlier(j));
      cell.value = byPeriod.get(p) ?? null;
      cell.numFmt = format;
    });
    const figure = figureOf.get(m.id)?.value;
    const value = typeof figure === "number" ? figure : null;
    const address = level2Address(m.id);
    const cur = row.getCell(col.current);
    cur.value = address
      ? {
          formula: currentFormula(
            `${quote(LEVEL2_SHEETS.summary)}!${address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`,
          ),
          result: value ?? "",
        }
      : value;
    cur.numFmt = format;
    cur.fill = CURRENT_FILL;
    cur.font = BOLD;
    const curRef = `${letter(col.current)}${r}`;
    if (periods.length) {
      const prevRef = `${letter(col.earlier(periods.length - 1))}${r}`;
      const change = row.getCell(col.change);
      change.value = {
        formula: `IF(AND(ISNUMBER(${curRef}),ISNUMBER(${prevRef})),${curRef}-${prevRef},"")`,
        result: series?.change ?? "",
      };
      change.numFmt = `+${format};-${format};0`;
    }
    const target = targetOf.get(m.id);
    if (target) {
      row.getCell(col.target).value = target.target.target;
      row.getCell(col.target).numFmt = format;
      row.getCell(col.better).value = target.target.better;
      row.getCell(col.tolerance).value = target.target.tolerance;
      row.getCell(col.tolerance).numFmt = format;
      const ref = (c: number) => `${letter(c)}${r}`;
      const statusRef = ref(col.status);
      row.getCell(col.status).value = {
        formula: statusFormula(curRef, ref(col.target), ref(col.better), ref(col.tolerance)),
        result: target.status,
      };
      row.getCell(col.icon).value = { formula: iconFormula(statusRef), result: iconValue(target.status) };
    }
    for (let c = 1; c <= last; c++) row.getCell(c).border = THIN;
  });

  const firstRow = OVERVIEW_HEADER_ROW + 1;
  const lastRow = OVERVIEW_HEADER_ROW + Math.max(keys.length, 1);
  const icons = `${letter(col.icon)}${firstRow}:${letter(col.icon)}${lastRow}`;
  addStatusIcons(ws, icons);

  let r = lastRow + 2;
  if (keys.length === 0) {
    ws.getCell(firstRow, 1).value = "Uppdraget har inga nyckelmått i katalogen (keyMeasures).";
  }
  ws.getCell(r, 1).value = "Enheter och datakvalitet";
  ws.getCell(r, 1).font = BOLD;
  for (const note of overviewNotes(collected, comparison, keys)) {
    r++;
    ws.mergeCells(r, 1, r, last);
    const cell = ws.getCell(r, 1);
    cell.value = cellText(note);
    cell.alignment = { wrapText: true, vertical: "top" };
    // A merged cell does not grow with its text: room for the lines it needs at this width.
    ws.getRow(r).height = 15 * Math.max(1, Math.ceil(note.length / 150));
  }
  r += 2;
  ws.mergeCells(r, 1, r, last);
  ws.getCell(r, 1).value =
    "Status: uppnått när värdet når målet; nära när det ligger inom toleransen på fel sida; ej uppnått annars; kan inte bedömas när värdet saknas. Tomma celler är saknade värden, inte 0.";
  ws.getCell(r, 1).font = { italic: true, size: 9 };
  ws.getCell(r, 1).alignment = { wrapText: true };
  ws.getRow(r).height = 26;
}

/**
 * The Ekonomi sheet of the level-2 workbook as data: every cell with its address, its value or
 * live formula (and the formula's cached result, from core's key figures), number format and
 * role. No spreadsheet library: the exceljs writer (ekonomiSheet.ts) and the task pane's Excel
 * path both write this.
 *
 * One row per unit of the roll-up and a level-2 row. The budget file's money (tkr, summed over the
 * rows mapped to the unit) is written here as yellow input cells, so finance corrects a figure on
 * this sheet and netto, deviations and key figures move. Each key figure has three columns:
 * täljare, nämnare and the figure; per-volume nämnare point at the unit's measure cells on the
 * Nivå 2 sheet. Level 2 sums the täljare and nämnare columns (filled only for units that have
 * both), so its figure is a ratio of sums, never a mean of the units' figures.
 */
import {
  describeSigns,
  type FinanceRollup,
  type MoneyKind,
  type Scenario,
  type UnitKeyFigure,
} from "../core/finance";
import { exactSum } from "../core/exact";
import { numberOf } from "../core/measures";
import type { KeyFigure, UnitReport, Uppdrag } from "../core/model";
import { parsePeriod } from "../core/period";
import { LEVEL2_UNIT } from "../core/tidy";
import { columnLetters } from "./a1";

export const EKONOMI_SHEET = "Ekonomi";

/** Deviations beyond this share of the budget (in %) are highlighted unless finance changes it on the sheet. */
export const DEFAULT_THRESHOLD_PERCENT = 5;

/** Where the Nivå 2 sheet shows a measure (A1 without sheet), from the summary layout (writeLevel2.ts). */
export interface SummaryCells {
  sheet: string;
  /** A unit's cell of a measure; unitIndex is the unit's place in the roll-up's used units. */
  unit(measureId: string, unitIndex: number): string | undefined;
  level2(measureId: string): string | undefined;
}

export type EkonomiRole =
  | "title"
  | "note"
  | "heading"
  | "label"
  | "input"
  | "formula"
  | "level2"
  /** A deviation figure under the threshold's conditional format. */
  | "highlight";

export interface EkonomiCell {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
  address: string;
  /** A constant (inputs, labels); null for an empty input cell. */
  value?: string | number | null;
  /** A formula without the leading "=". */
  formula?: string;
  /** The formula's result as core computed it. */
  result?: string | number;
  numFmt?: string;
  role: EkonomiRole;
}

export type EkonomiColumnKind = "unit" | "rows" | "money" | "numerator" | "denominator" | "figure" | "note";

export interface EkonomiColumn {
  col: number;
  letter: string;
  header: string;
  width: number;
  kind: EkonomiColumnKind;
  scenario?: Scenario;
  money?: MoneyKind;
  /** The key figure of numerator, denominator and figure columns. */
  figureId?: string;
}

/** Highlight cells of `range` where `formula` (relative to the range's first cell) is true. */
export interface EkonomiHighlight {
  range: string;
  formula: string;
}

export interface EkonomiLayout {
  sheet: string;
  columns: EkonomiColumn[];
  cells: EkonomiCell[];
  headerRow: number;
  /** The units' rows, in the roll-up's order (empty range when there are none). */
  firstUnitRow: number;
  lastUnitRow: number;
  level2Row: number;
  /** The input cell holding the highlight threshold in %. */
  thresholdCell: string;
  highlights: EkonomiHighlight[];
}

export interface EkonomiLayoutInput {
  uppdrag: Pick<Uppdrag, "name" | "measures">;
  period: string;
  /** The roll-up's units, in the order of the Nivå 2 sheet's unit columns. */
  units: readonly UnitReport[];
  finance: FinanceRollup;
  summary: SummaryCells;
  thresholdPercent?: number;
}

const SCENARIOS: readonly Scenario[] = ["budget", "utfall", "prognos"];
const KINDS: readonly MoneyKind[] = ["intakter", "kostnader", "netto"];
const SCENARIO_TEXT: Record<Scenario, string> = { budget: "Budget", utfall: "Utfall", prognos: "Prognos" };
const KIND_TEXT: Record<MoneyKind, string> = { intakter: "intäkter", kostnader: "kostnader", netto: "netto" };
const ZERO_DENOMINATOR = "nämnaren är 0";

export const EKONOMI_FORMATS = { tkr: "#,##0", kr: "#,##0", count: "#,##0.0", percent: "0.0" } as const;

export const SIGN_TEXT =
  "Tecken: intäkter och kostnader visas som positiva belopp i tkr; netto = intäkter − kostnader och är negativt för en nettokostnad. " +
  "Avvikelse = utfall − budget på netto: positiv avvikelse är ett överskott, negativ ett underskott; avvikelse i % är avvikelsen i procent av budgetens belopp.";

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The form a factor takes in a formula: the months over twelve when even, else the share. */
function periodFactor(finance: FinanceRollup): string {
  const p = finance.periodisation;
  if (!p || p.fraction === 1) return "";
  return Math.abs(p.fraction - p.months / 12) < 1e-12 ? `*${p.months}/12` : `*${p.fraction}`;
}

function denominatorHeader(figure: KeyFigure, label: (id: string) => string, factor: string): string {
  if (figure.kind === "budgetDeviation")
    return figure.compare === "prognos" || factor === ""
      ? "helårsbudget netto, tkr"
      : "budget netto för perioden, tkr";
  if ("measure" in figure.per) return label(figure.per.measure);
  return `medelvärdet av ${label(figure.per.start)} och ${label(figure.per.end)}`;
}

export function ekonomiLayout(input: EkonomiLayoutInput): EkonomiLayout {
  const { uppdrag, units, finance, summary } = input;
  const threshold = input.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT;
  const label = (id: string) => uppdrag.measures.find((m) => m.id === id)?.label ?? id;
  const factor = periodFactor(finance);
  const cells: EkonomiCell[] = [];
  const put = (row: number, col: number, cell: Omit<EkonomiCell, "row" | "col" | "address">) =>
    cells.push({ row, col, address: `${columnLetters(col)}${row}`, ...cell });

  // Notes above the table.
  const period = parsePeriod(input.period);
  const table = finance.table;
  const notes = [
    `Period: ${period?.label ?? input.period} · budgetfil: ${table.source}${table.sheet ? `, blad ${table.sheet}` : ""} · belopp i tkr${table.unit === "kr" ? " (omräknade från kr)" : ""}`,
    SIGN_TEXT,
    `${describeSigns(table.signs)} Här på bladet är alla belopp omräknade till konventionen ovan.`,
    `Utfall för perioden jämförs med ${finance.periodisation?.text ?? "helårsbudget"}; en helårsprognos jämförs med helårsbudgeten.`,
    "Gula celler är budgetfilens belopp per enhet: rätta ett belopp här så följer netto, avvikelser och nyckeltal med.",
    "Tomma celler är saknade värden, inte 0. Nyckeltal på nivå 2 är kvoter av summor över enheterna som har både täljare och nämnare, aldrig medelvärden av enheternas nyckeltal.",
  ];
  put(1, 1, { value: `Ekonomi – ${uppdrag.name}`, role: "title" });
  notes.forEach((text, i) => put(2 + i, 1, { value: text, role: "note" }));
  const thresholdRow = 2 + notes.length;
  put(thresholdRow, 1, { value: "Markera avvikelser större än (% av budget):", role: "label" });
  put(thresholdRow, 2, { value: threshold, numFmt: EKONOMI_FORMATS.percent, role: "input" });
  const thresholdCell = `$B$${thresholdRow}`;
  const headerRow = thresholdRow + 2;
  const firstUnitRow = headerRow + 1;
  const lastUnitRow = headerRow + units.length;
  const level2Row = lastUnitRow + 1;

  // Columns: unit, budget rows, money per scenario present, three per key figure, note.
  const columns: EkonomiColumn[] = [];
  const addColumn = (c: Omit<EkonomiColumn, "col" | "letter">) => {
    const col = columns.length + 1;
    const column = { col, letter: columnLetters(col), ...c };
    columns.push(column);
    return column;
  };
  addColumn({ header: "Enhet", width: 28, kind: "unit" });
  addColumn({ header: "Budgetrad", width: 28, kind: "rows" });
  const moneyMaps = [...finance.money.values()];
  const scenarios = SCENARIOS.filter(
    (s) =>
      moneyMaps.some((m) => m[s] !== undefined) ||
      table.amountColumns.some((c) => c.series.scenario === s && c.series.kind !== "skillnad"),
  );
  const moneyColumns = scenarios.flatMap((s) =>
    KINDS.map((k) => ({
      s,
      k,
      column: addColumn({
        header: `${SCENARIO_TEXT[s]} ${KIND_TEXT[k]} (tkr${s === "utfall" ? "" : ", helår"})`,
        width: 14,
        kind: "money",
        scenario: s,
        money: k,
      }),
    })),
  );
  /** The letter of a scenario's money column (they all exist for the scenarios shown). */
  const moneyLetter = (s: Scenario, k: MoneyKind) =>
    moneyColumns.find((m) => m.s === s && m.k === k)?.column.letter ?? "";
  const figureColumns = finance.keyFigures.map((kf) => ({
    kf,
    numerator: addColumn({
      header: `${kf.figure.label}: ${kf.figure.kind === "budgetDeviation" ? "avvikelse (tkr)" : "täljare (tkr)"}`,
      width: 14,
      kind: "numerator",
      figureId: kf.figure.id,
    }),
    denominator: addColumn({
      header: `${kf.figure.label}: nämnare (${denominatorHeader(kf.figure, label, factor)})`,
      width: 16,
      kind: "denominator",
      figureId: kf.figure.id,
    }),
    value: addColumn({
      header: `${kf.figure.label} (${kf.unit})`,
      width: 16,
      kind: "figure",
      figureId: kf.figure.id,
    }),
  }));
  const noteColumn = addColumn({ header: "Anmärkning", width: 60, kind: "note" });
  columns.forEach((c) => put(headerRow, c.col, { value: c.header, role: "heading" }));

  // Which scenario has a netto column: without one, netto is intäkter − kostnader on the sheet.
  const nettoColumn = (s: Scenario) =>
    table.amountColumns.some((c) => c.series.scenario === s && c.series.kind === "netto");
  const rowsOf = new Map<string, string[]>();
  for (const m of finance.match.matched) rowsOf.set(m.unit, [...(rowsOf.get(m.unit) ?? []), m.row]);

  /** The unit's money cell of a scenario and kind, when it holds a figure (or a netto formula over two). */
  const moneyCells = new Map<string, string>();
  units.forEach((report, i) => {
    const row = firstUnitRow + i;
    const money = finance.money.get(report.unit);
    put(row, 1, { value: report.unit, role: "label" });
    put(row, 2, { value: rowsOf.get(report.unit)?.join(", ") ?? "ingen budgetrad", role: "label" });
    if (!money) return;
    for (const { s, k, column } of moneyColumns) {
      const figures = money[s] ?? {};
      const at = (kind: MoneyKind) => `${moneyLetter(s, kind)}${row}`;
      const col = column.col;
      const v = figures[k];
      const derived =
        k === "netto" &&
        !nettoColumn(s) &&
        figures.intakter !== undefined &&
        figures.kostnader !== undefined &&
        v !== undefined;
      if (derived) {
        put(row, col, {
          formula: `${at("intakter")}-${at("kostnader")}`,
          result: v,
          numFmt: EKONOMI_FORMATS.tkr,
          role: "formula",
        });
      } else put(row, col, { value: v ?? null, numFmt: EKONOMI_FORMATS.tkr, role: "input" });
      if (v !== undefined) moneyCells.set(`${i}.${s}.${k}`, at(k));
    }
  });

  // Level-2 money: sums over the units that have the figure.
  put(level2Row, 1, { value: LEVEL2_UNIT, role: "level2" });
  for (const { s, k, column } of moneyColumns) {
    const values = units.flatMap((u) => {
      const v = finance.money.get(u.unit)?.[s]?.[k];
      return v === undefined ? [] : [v];
    });
    if (values.length === 0 || units.length === 0) continue;
    put(level2Row, column.col, {
      formula: `SUM(${column.letter}${firstUnitRow}:${column.letter}${lastUnitRow})`,
      result: exactSum(values),
      numFmt: EKONOMI_FORMATS.tkr,
      role: "level2",
    });
  }

  // Key figures.
  const notesOf = units.map(() => [] as string[]);
  const highlights: EkonomiHighlight[] = [];
  for (const { kf, numerator, denominator, value } of figureColumns) {
    const figure = kf.figure;
    const valueFormat = figure.kind === "budgetDeviation" && figure.as === "procent" ? "percent" : "kr";
    const valueFormula = (n: string, d: string) =>
      figure.kind === "perVolume"
        ? `IF(${d}=0,"${ZERO_DENOMINATOR}",${n}*1000/${d})`
        : figure.as === "tkr"
          ? n
          : `IF(${d}=0,"${ZERO_DENOMINATOR}",${n}/ABS(${d})*100)`;
    const numFmt = {
      numerator: EKONOMI_FORMATS.tkr,
      denominator: figure.kind === "perVolume" ? EKONOMI_FORMATS.count : EKONOMI_FORMATS.tkr,
      value: EKONOMI_FORMATS[valueFormat],
    };
    const role: EkonomiRole = figure.kind === "budgetDeviation" ? "highlight" : "formula";
    units.forEach((report, i) => {
      const row = firstUnitRow + i;
      const result = kf.perUnit[i];
      const parts = result?.parts;
      const formulas = parts ? partFormulas(figure, report, i, moneyCells, summary, factor) : undefined;
      if (result && (result.missing || (result.basis && isFallbackBasis(result))))
        notesOf[i]?.push(`${figure.label}: ${result.missing ?? result.basis}`);
      if (!parts || !formulas) return;
      const n = `${numerator.letter}${row}`;
      const d = `${denominator.letter}${row}`;
      put(row, numerator.col, {
        formula: formulas.numerator,
        result: parts.numerator,
        numFmt: numFmt.numerator,
        role: "formula",
      });
      put(row, denominator.col, {
        formula: formulas.denominator,
        result: parts.denominator,
        numFmt: numFmt.denominator,
        role: "formula",
      });
      put(row, value.col, {
        formula: valueFormula(n, d),
        result: result.value ?? ZERO_DENOMINATOR,
        numFmt: numFmt.value,
        role,
      });
    });
    const l2 = kf.level2;
    if (l2.parts && units.length > 0) {
      const range = (c: EkonomiColumn) => `${c.letter}${firstUnitRow}:${c.letter}${lastUnitRow}`;
      put(level2Row, numerator.col, {
        formula: `SUM(${range(numerator)})`,
        result: l2.parts.numerator,
        numFmt: numFmt.numerator,
        role: "level2",
      });
      put(level2Row, denominator.col, {
        formula: `SUM(${range(denominator)})`,
        result: l2.parts.denominator,
        numFmt: numFmt.denominator,
        role: "level2",
      });
      put(level2Row, value.col, {
        formula: valueFormula(`${numerator.letter}${level2Row}`, `${denominator.letter}${level2Row}`),
        result: l2.value ?? ZERO_DENOMINATOR,
        numFmt: numFmt.value,
        role: figure.kind === "budgetDeviation" ? "highlight" : "level2",
      });
    }
    if (figure.kind === "budgetDeviation" && units.length > 0) {
      const n = `$${numerator.letter}${firstUnitRow}`;
      const d = `$${denominator.letter}${firstUnitRow}`;
      highlights.push({
        range: `${value.letter}${firstUnitRow}:${value.letter}${level2Row}`,
        formula: `AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}<>0,ABS(${n})/ABS(${d})*100>${thresholdCell})`,
      });
    }
  }
  notesOf.forEach((texts, i) => {
    if (texts.length) put(firstUnitRow + i, noteColumn.col, { value: texts.join("; "), role: "note" });
  });

  // Budget rows no unit uses: listed, never dropped.
  let row = level2Row + 2;
  const unused = [
    ...finance.match.unmatchedRows.map((r) => ({ ...r, why: "matchar ingen enhet; bekräfta mappningen" })),
    ...finance.match.ignored.map((r) => ({ ...r, why: "hör enligt mappningen inte till någon enhet" })),
  ];
  if (unused.length) {
    put(row++, 1, { value: "Budgetrader som inte används", role: "heading" });
    for (const r of unused) {
      put(row, 1, { value: r.row, role: "label" });
      put(row, 2, { value: `rad ${r.rowNumbers.join(", ")}: ${r.why}`, role: "note" });
      row++;
    }
  }

  return {
    sheet: EKONOMI_SHEET,
    columns,
    cells,
    headerRow,
    firstUnitRow,
    lastUnitRow,
    level2Row,
    thresholdCell,
    highlights,
  };
}

/** A basis worth a note: a single stock where an average was asked for. */
function isFallbackBasis(result: UnitKeyFigure): boolean {
  return result.basis?.includes("bara det värdet finns") ?? false;
}

/** The unit's täljare and nämnare formulas, mirroring core's choice of amount and denominator. */
function partFormulas(
  figure: KeyFigure,
  report: UnitReport,
  unitIndex: number,
  moneyCells: ReadonlyMap<string, string>,
  summary: SummaryCells,
  factor: string,
): { numerator: string; denominator: string } | undefined {
  const money = (s: Scenario, k: MoneyKind) => moneyCells.get(`${unitIndex}.${s}.${k}`);
  if (figure.kind === "budgetDeviation") {
    const budget = money("budget", "netto");
    const actual = money(figure.compare, "netto");
    if (!budget || !actual) return undefined;
    const base = figure.compare === "prognos" ? budget : `${budget}${factor}`;
    return { numerator: `${actual}-${base}`, denominator: base };
  }
  const kind: MoneyKind = figure.amount === "nettokostnad" ? "netto" : figure.amount;
  const cell = money(figure.scenario, kind);
  if (!cell) return undefined;
  const amount = `${figure.amount === "nettokostnad" ? "-" : ""}${cell}`;
  const numerator = figure.scenario === "budget" ? `${amount}${factor}` : amount;
  const measureCell = (id: string) => {
    const a = summary.unit(id, unitIndex);
    return a ? `${quoteSheet(summary.sheet)}!${a}` : undefined;
  };
  const has = (id: string) => numberOf(report.values[id]) !== undefined;
  let denominator: string | undefined;
  if ("measure" in figure.per) denominator = measureCell(figure.per.measure);
  else {
    const { start, end } = figure.per;
    const s = has(start) ? measureCell(start) : undefined;
    const e = has(end) ? measureCell(end) : undefined;
    denominator = s && e ? `(${s}+${e})/2` : (s ?? e);
  }
  return denominator ? { numerator, denominator } : undefined;
}

/** The key figures by id, for readers of the layout (tests, the task pane). */
export function figureColumns(layout: EkonomiLayout, figureId: string) {
  const of = (kind: EkonomiColumnKind) =>
    layout.columns.find((c) => c.kind === kind && c.figureId === figureId);
  return { numerator: of("numerator"), denominator: of("denominator"), value: of("figure") };
}

/**
 * Recognises a budget table (driftredovisning) in a 2D grid of cells, as SheetJS
 * sheet_to_json(header: 1) or parseCsv give it: the header rows (also year over kind), the label
 * column, the amount columns and what each means, the money unit, the data and Summa rows and the
 * sign convention. A column that cannot be placed is listed in `unplaced`, never guessed.
 */
import type { FinanceProblemCode } from "../messages/codes";
import { financeProblem } from "./financeProblem";
import type { Location, Problem, Severity } from "../model";
import { parseSwedishNumber } from "../parse";
import { visibleName } from "../unitName";
import { describeSeries, headerFacts, isGroupHeader, isSummaLabel, type HeaderFacts } from "./headers";
import type {
  AmountColumn,
  BudgetRow,
  BudgetTable,
  Cell,
  ColumnRef,
  MoneyUnit,
  RecogniseOptions,
  UnplacedColumn,
} from "./model";
import { detectSigns } from "./signs";
import { parsePeriod } from "../period";

/** At most this many rows above the first data row are read as its header. */
const MAX_HEADER_ROWS = 4;

export function columnLetter(index: number): string {
  let s = "";
  for (let x = index + 1; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function cellRef(columnIndex: number, rowIndex: number): string {
  return `${columnLetter(columnIndex)}${rowIndex + 1}`;
}

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return visibleName(String(cell));
}

type Amount = { ok: true; value: number } | { ok: false } | undefined;

/** A number cell or Swedish number text; undefined for a blank (or a lone dash, which finance prints for "none"). */
export function readAmount(cell: Cell): Amount {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false };
  if (typeof cell === "boolean") return { ok: false };
  const t = text(cell);
  if (t === "" || /^[-\u2212\u2013]$/.test(t)) return undefined;
  const parsed = parseSwedishNumber(t);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
}

const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** A data row holds at least one number that is not a year (a header row may hold years). */
function isDataRow(row: readonly Cell[]): boolean {
  return row.some((c) => {
    const a = readAmount(c);
    return a?.ok === true && !isYear(a.value);
  });
}

const isBlankRow = (row: readonly Cell[] | undefined) => !row || row.every((c) => text(c) === "");

function mergeFacts(list: HeaderFacts[]): HeaderFacts {
  const merged: HeaderFacts = { units: [] };
  for (const f of list) {
    merged.label ??= f.label;
    merged.periodColumn ??= f.periodColumn;
    merged.kind ??= f.kind;
    merged.scenario ??= f.scenario;
    merged.year ??= f.year;
    merged.period ??= f.period;
    merged.unsupportedUnit ??= f.unsupportedUnit;
    merged.units.push(...f.units);
  }
  return merged;
}

export function recogniseBudgetTable(
  cells: readonly (readonly Cell[])[],
  options: RecogniseOptions,
): BudgetTable {
  const problems: Problem[] = [];
  const at = (cell?: string): Location => ({
    file: options.source,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(cell ? { cell } : {}),
  });
  const report = (
    code: FinanceProblemCode,
    severity: Severity,
    params: Record<string, string | number>,
    cell?: string,
  ) => problems.push(financeProblem(code, severity, at(cell), params));
  const empty: BudgetTable = {
    source: options.source,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    headerRows: [],
    amountColumns: [],
    unplaced: [],
    rows: [],
    signs: {},
    kind: "drift",
    problems,
  };

  const firstData = cells.findIndex(isDataRow);
  // The header is the run of non-blank rows above the first data row (blank rows between are skipped).
  let headerEnd = firstData;
  while (headerEnd > 0 && isBlankRow(cells[headerEnd - 1])) headerEnd--;
  let headerStart = headerEnd;
  while (headerStart > 0 && headerEnd - headerStart < MAX_HEADER_ROWS && !isBlankRow(cells[headerStart - 1]))
    headerStart--;
  if (firstData <= 0 || headerStart === headerEnd) {
    report("financeNoHeader", "fel", {});
    return empty;
  }
  const headerIndexes = Array.from({ length: headerEnd - headerStart }, (_, i) => headerStart + i);
  const width = Math.max(...cells.map((r) => r.length));

  // Per column, the header texts of each header row; a group header (2021, Budget) spans right to the next filled cell.
  const headerTexts: string[][] = Array.from({ length: width }, () => []);
  for (const r of headerIndexes) {
    const row = cells[r] ?? [];
    let spanning = "";
    headerTexts.forEach((texts, c) => {
      const t = text(row[c]);
      if (t !== "") spanning = isGroupHeader(t) ? t : "";
      const shown = t !== "" ? t : spanning;
      if (shown !== "") texts.push(shown);
    });
  }
  const facts = headerTexts.map((texts) => mergeFacts(texts.map(headerFacts)));
  const ref = (c: number): ColumnRef => ({
    index: c,
    letter: columnLetter(c),
    header: (headerTexts[c] ?? []).join(" / "),
  });
  const headerCell = (c: number) =>
    cellRef(c, headerIndexes.find((r) => text(cells[r]?.[c]) !== "") ?? headerEnd - 1);

  const labelIndex = facts.findIndex((f) => f.label !== undefined);
  const kind = facts[labelIndex]?.label;
  if (kind === undefined) {
    // Intäkter, Kostnader, Netto down the first column (as 003's table per nämnd): the table is turned.
    const kindsDown = cells
      .slice(firstData)
      .filter((row) => headerFacts(text(row[0])).kind !== undefined).length;
    if (kindsDown >= 2) report("financeTableTurned", "fel", { column: "A" });
    else report("financeNoLabelColumn", "fel", { row: headerIndexes.map((r) => r + 1).join("–") });
    return { ...empty, headerRows: headerIndexes.map((r) => r + 1) };
  }
  const periodIndex = facts.findIndex((f, c) => c !== labelIndex && f.periodColumn);

  const hasContent = (c: number) =>
    (headerTexts[c] ?? []).length > 0 || cells.slice(firstData).some((row) => text(row[c]) !== "");
  const amountColumns: AmountColumn[] = [];
  const unplaced: UnplacedColumn[] = [];
  const seen = new Map<string, AmountColumn>();
  const noScenario: string[] = [];
  const assumedNet: string[] = [];
  for (let c = 0; c < width; c++) {
    const f = facts[c];
    if (f === undefined || c === labelIndex || c === periodIndex || !hasContent(c)) continue;
    if (f.kind === undefined && f.scenario === undefined) {
      unplaced.push({ ...ref(c), why: "unknown" });
      report(
        "financeColumnUnplaced",
        "varning",
        { column: columnLetter(c), header: ref(c).header || "(utan rubrik)" },
        headerCell(c),
      );
      continue;
    }
    const seriesKind = f.kind ?? "netto";
    const scenario = seriesKind === "skillnad" ? undefined : (f.scenario ?? options.scenario);
    const series = {
      kind: seriesKind,
      ...(scenario ? { scenario } : {}),
      ...(seriesKind !== "skillnad" && f.period ? { period: f.period } : {}),
      ...(seriesKind !== "skillnad" && f.year !== undefined && !f.period ? { year: f.year } : {}),
    };
    const column: AmountColumn = {
      ...ref(c),
      series,
      ...(f.kind === undefined ? { assumedNet: true as const } : {}),
    };
    const key = JSON.stringify(series);
    const earlier = seen.get(key);
    if (earlier) {
      unplaced.push({ ...ref(c), why: "duplicate" });
      report(
        "financeDuplicateColumn",
        "fel",
        { column: columnLetter(c), other: earlier.letter, series: describeSeries(series) },
        headerCell(c),
      );
      continue;
    }
    seen.set(key, column);
    amountColumns.push(column);
    if (f.kind === undefined && kind === "drift") assumedNet.push(`${column.letter} (${column.header})`);
    if (scenario === undefined && seriesKind !== "skillnad")
      noScenario.push(`${column.letter} (${column.header})`);
  }
  if (assumedNet.length > 0) report("financeAssumedNet", "varning", { columns: assumedNet.join(", ") });
  if (noScenario.length > 0) report("financeScenarioUnknown", "varning", { columns: noScenario.join(", ") });
  if (amountColumns.length === 0) report("financeNoAmountColumns", "fel", {});

  const unit = resolveUnit(facts, options.unit, report);

  const rows: BudgetRow[] = [];
  for (let r = firstData; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const label = text(row[labelIndex]);
    const amounts = amountColumns.map((col) => {
      const a = readAmount(row[col.index]);
      if (a?.ok === false) {
        report(
          "financeNotANumber",
          "fel",
          { row: r + 1, column: col.letter, input: text(row[col.index]) || String(row[col.index]), label },
          cellRef(col.index, r),
        );
        return undefined;
      }
      return a?.value;
    });
    if (amounts.every((a) => a === undefined) && !amountColumns.some((col) => text(row[col.index]) !== ""))
      continue; // heading, note or blank row
    if (label === "")
      report(
        "financeRowWithoutLabel",
        "fel",
        { row: r + 1, column: columnLetter(labelIndex) },
        cellRef(labelIndex, r),
      );
    const periodText = periodIndex >= 0 ? text(row[periodIndex]) : "";
    const period = periodText ? parsePeriod(periodText)?.code : undefined;
    if (periodText && !period)
      report(
        "financeBadPeriod",
        "fel",
        { row: r + 1, column: columnLetter(periodIndex), input: periodText },
        cellRef(periodIndex, r),
      );
    rows.push({
      index: r,
      rowNumber: r + 1,
      label,
      ...(period ? { period } : {}),
      isSumma: isSummaLabel(label),
      amounts,
    });
  }

  const table: BudgetTable = {
    source: options.source,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    headerRows: headerIndexes.map((r) => r + 1),
    label: ref(labelIndex),
    ...(periodIndex >= 0 ? { periodColumn: ref(periodIndex) } : {}),
    amountColumns,
    unplaced,
    ...(unit ? { unit: unit.unit, unitFrom: unit.from } : {}),
    rows,
    signs: {},
    kind,
    problems,
  };
  table.signs = detectSigns(table);
  return table;
}

/** The money unit: from the headers or the option, never both disagreeing and never mixed. */
function resolveUnit(
  facts: HeaderFacts[],
  option: MoneyUnit | undefined,
  report: (code: FinanceProblemCode, severity: Severity, params: Record<string, string | number>) => void,
): { unit: MoneyUnit; from: "header" | "option" } | undefined {
  const unsupported = facts.find((f) => f.unsupportedUnit)?.unsupportedUnit;
  if (unsupported) {
    report("financeUnsupportedUnit", "fel", { unit: unsupported });
    return undefined;
  }
  const found = [...new Set(facts.flatMap((f) => f.units))];
  if (found.length > 1) {
    report("financeMixedUnits", "fel", { units: found.join(" och ") });
    return undefined;
  }
  const fromHeader = found[0];
  if (fromHeader && option && fromHeader !== option) {
    report("financeUnitConflict", "fel", { header: fromHeader, option });
    return undefined;
  }
  if (fromHeader) return { unit: fromHeader, from: "header" };
  if (option) return { unit: option, from: "option" };
  report("financeUnitUnknown", "fel", {});
  return undefined;
}

/**
 * A period's record: the tidy rows (the Data sheet of a level-2 workbook, or its --csv) read
 * back into core types, so that a later roll-up can set this period beside earlier ones.
 *
 * The format is documented in docs/tidy.md. Format 1 had nine columns; format 2 adds the
 * template version and the format number itself at the end, so a reader can tell them apart
 * and an older file stays readable; format 3 adds a level-2 row's target and its status. Measures are matched by id across template versions (a
 * measure that changes meaning gets a new id in the catalog).
 */
import type { Problem } from "./model";
import { parsePeriod } from "./period";
import { LEVEL2_UNIT, TIDY_HEADERS, TIDY_HEADERS_V1, TIDY_HEADERS_V2, type TidyRow } from "./tidy";
import { unitKey } from "./unitName";
import { exactSum } from "./exact";

export interface PeriodRecord {
  /** Where it was read from (a file name), for messages. */
  source: string;
  format: 1 | 2 | 3;
  uppdrag: string;
  period: string;
  /** Unknown for format 1, which did not record it. */
  templateVersion?: string;
  rows: TidyRow[];
}

export type PeriodRecordRead =
  { ok: true; record: PeriodRecord; problems: Problem[] } | { ok: false; problem: Problem };

type Cell = string | number | boolean | null | undefined;

const fail = (source: string, reason: string): PeriodRecordRead => ({
  ok: false,
  problem: {
    code: "recordUnreadable",
    severity: "fel",
    location: { file: source },
    params: { file: source, reason },
  },
});

/** The header row's format, or undefined when the columns are not ours. */
function formatOf(header: readonly Cell[]): 1 | 2 | 3 | undefined {
  const names = header.map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  while (names.length && names[names.length - 1] === "") names.pop();
  const same = (expected: readonly string[]) =>
    names.length === expected.length && expected.every((h, i) => names[i] === h);
  if (same(TIDY_HEADERS)) return 3;
  if (same(TIDY_HEADERS_V2)) return 2;
  if (same(TIDY_HEADERS_V1)) return 1;
  return undefined;
}

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());

/** A whole number ≥ 1 from a cell (a number, or its text in a CSV), else undefined. */
function positiveInteger(c: Cell): number | undefined {
  const n = typeof c === "number" ? c : /^\d+$/.test(text(c)) ? Number(text(c)) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

/**
 * Reads a tidy table (header row first) into a period record. A row that cannot be read is a
 * warning naming its row and column and is left out; a table that is not ours, mixes uppdrag
 * or periods, or has no rows is refused with one message.
 */
export function readPeriodRecord(table: readonly (readonly Cell[])[], source: string): PeriodRecordRead {
  const format = formatOf(table[0] ?? []);
  if (!format)
    return fail(
      source,
      `raden med kolumnrubriker är inte ${TIDY_HEADERS_V1.join(";")} (med eller utan ${TIDY_HEADERS.slice(TIDY_HEADERS_V1.length).join(";")})`,
    );
  const rows: TidyRow[] = [];
  const problems: Problem[] = [];
  const versions = new Set<string>();
  const skip = (rowNumber: number, column: string, found: Cell) =>
    problems.push({
      code: "recordRowSkipped",
      severity: "varning",
      location: { file: source },
      params: { file: source, row: rowNumber, column, found: text(found) || "(tom)" },
    });

  table.slice(1).forEach((cells, i) => {
    const rowNumber = i + 2;
    if (cells.every((c) => text(c) === "")) return;
    const [
      uppdrag,
      period,
      level,
      unit,
      measureId,
      label,
      value,
      unitOfMeasure,
      caseNumber,
      version,
      rowFormat,
      target,
      targetStatus,
    ] = cells;
    if (!text(uppdrag)) return skip(rowNumber, "uppdrag", uppdrag);
    if (!parsePeriod(text(period))) return skip(rowNumber, "period", period);
    const lvl = positiveInteger(level);
    if (lvl !== 2 && lvl !== 3) return skip(rowNumber, "nivå", level);
    if (!text(unit) || (lvl === 2 && text(unit) !== LEVEL2_UNIT)) return skip(rowNumber, "enhet", unit);
    if (!text(measureId)) return skip(rowNumber, "mått_id", measureId);
    if (format >= 2 && text(rowFormat) !== String(format)) return skip(rowNumber, "format", rowFormat);
    const kase = text(caseNumber) === "" ? null : positiveInteger(caseNumber);
    if (kase === undefined) return skip(rowNumber, "ärende", caseNumber);
    if (format >= 2) versions.add(text(version));
    const goal = format === 3 ? tidyValue(target) : null;
    if (typeof goal === "string") return skip(rowNumber, "mål", target);
    rows.push({
      uppdrag: text(uppdrag),
      period: text(period),
      level: lvl,
      unit: text(unit),
      measureId: text(measureId),
      label: text(label),
      value: tidyValue(value),
      unitOfMeasure: text(unitOfMeasure),
      caseNumber: kase,
      templateVersion: format >= 2 ? text(version) : "",
      ...(format === 3 && (goal !== null || text(targetStatus))
        ? { target: goal, targetStatus: text(targetStatus) || null }
        : {}),
    });
  });

  if (rows.length === 0) return fail(source, "tabellen har inga rader som kunde läsas");
  const uppdragIds = [...new Set(rows.map((r) => r.uppdrag))];
  const periods = [...new Set(rows.map((r) => r.period))];
  if (uppdragIds.length > 1) return fail(source, `tabellen blandar uppdragen ${uppdragIds.join(", ")}`);
  if (periods.length > 1) return fail(source, `tabellen blandar perioderna ${periods.join(", ")}`);
  if (versions.size > 1) return fail(source, `tabellen blandar mallversionerna ${[...versions].join(", ")}`);
  const templateVersion = [...versions][0] || undefined;
  return {
    ok: true,
    record: {
      source,
      format,
      uppdrag: uppdragIds[0]!,
      period: periods[0]!,
      ...(templateVersion ? { templateVersion } : {}),
      rows,
    },
    problems,
  };
}

/** A value as the tidy table holds it: a number (in a CSV, with decimal comma), a text, or empty for missing. */
function tidyValue(c: Cell): number | string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === "number") return Number.isFinite(c) ? c : null;
  if (typeof c === "boolean") return c ? "Ja" : "Nej";
  const s = c.trim();
  if (s === "") return null;
  if (/^-?\d+(,\d+)?(e[+-]?\d+)?$/i.test(s)) return Number(s.replace(",", "."));
  // The CSV guards text that a spreadsheet would run as a formula with a leading ' (csv.ts).
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** The level-2 figure of a measure in a record; null when it was missing; undefined when the record has no such measure. */
export function levelTwoValue(record: PeriodRecord, measureId: string): number | string | null | undefined {
  return record.rows.find((r) => r.level === 2 && r.measureId === measureId)?.value;
}

/** A unit's value of a measure (units compared as the roll-up compares them); wait-time lists are left out. */
export function unitValue(
  record: PeriodRecord,
  unit: string,
  measureId: string,
): number | string | null | undefined {
  const key = unitKey(unit);
  return record.rows.find(
    (r) => r.level === 3 && r.caseNumber === null && r.measureId === measureId && unitKey(r.unit) === key,
  )?.value;
}

export interface MeasureChange {
  measureId: string;
  current: number | string | null | undefined;
  earlier: number | string | null | undefined;
  /** current − earlier when both are numbers. */
  change?: number;
}

/**
 * The level-2 figures of two periods side by side, matched by measure id: a measure only one
 * of them has (another template version) is listed with the other side undefined.
 */
export function compareLevelTwo(current: PeriodRecord, earlier: PeriodRecord): MeasureChange[] {
  const ids = [
    ...new Set([...current.rows, ...earlier.rows].filter((r) => r.level === 2).map((r) => r.measureId)),
  ];
  return ids.map((measureId) => {
    const now = levelTwoValue(current, measureId);
    const then = levelTwoValue(earlier, measureId);
    return {
      measureId,
      current: now,
      earlier: then,
      ...(typeof now === "number" && typeof then === "number" ? { change: exactSum([now, -then]) } : {}),
    };
  });
}

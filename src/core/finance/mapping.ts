/**
 * Maps a budget table's rows to the follow-up's units. Names are compared by `matchKey`
 * (unitKey, plus "&" read as "och" and hyphens and punctuation as spaces), so "Vård & omsorg"
 * finds "Vård och Omsorg" and "Individ- och familjeomsorg" finds "Individ och familjeomsorg".
 * What does not match is listed for the user, whose confirmed choices are saved as a mapping
 * beside the budget file and reused next period.
 *
 * Saved mapping format (JSON, version 1):
 *   {
 *     "format": "uppfoljning-budgetmappning",
 *     "version": 1,
 *     "uppdrag": "psykiatrisk-hemsjukvard",        // optional: the uppdrag it was made for
 *     "entries": [
 *       { "row": "Vård och Omsorg", "unit": "Vård & omsorg" },   // this budget row is that unit
 *       { "row": "Övergripande", "unit": null }                  // confirmed: this row is no unit
 *     ]
 *   }
 * Rows and units are written as shown and compared by matchKey when read back.
 */
import type { Problem } from "../model";
import { unitKey, visibleName } from "../unitName";
import type { BudgetTable } from "./model";
import { present } from "../invariant";

export const MAPPING_FORMAT = "uppfoljning-budgetmappning";
export const MAPPING_VERSION = 1;

export interface MappingEntry {
  row: string;
  /** null: the user confirmed that this row belongs to no unit (e.g. Övergripande). */
  unit: string | null;
}

export interface BudgetMapping {
  format: typeof MAPPING_FORMAT;
  version: typeof MAPPING_VERSION;
  uppdrag?: string;
  entries: MappingEntry[];
}

export interface TableRowRef {
  /** The label as in the table. */
  row: string;
  /** Excel row numbers with this label (several in a table with a period column). */
  rowNumbers: number[];
}

export interface RowMatch extends TableRowRef {
  unit: string;
  via: "name" | "mapping";
}

export interface StaleEntry {
  entry: MappingEntry;
  why: "rowGone" | "unitGone";
}

export interface MatchResult {
  matched: RowMatch[];
  /** Rows the saved mapping says belong to no unit. */
  ignored: TableRowRef[];
  unmatchedRows: TableRowRef[];
  unmatchedUnits: string[];
  stale: StaleEntry[];
  problems: Problem[];
}

/** The key a budget row and a unit are compared by. */
export function matchKey(name: string): string {
  return unitKey(name)
    .replace(/\s*[&+]\s*/g, " och ")
    .replace(/[-‐-―.,;:/()_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The table's non-Summa rows grouped by label, in table order. */
export function tableRowRefs(table: BudgetTable): TableRowRef[] {
  const byKey = new Map<string, TableRowRef>();
  for (const row of table.rows) {
    if (row.isSumma || row.label === "") continue;
    const key = matchKey(row.label);
    const ref = byKey.get(key) ?? { row: row.label, rowNumbers: [] };
    ref.rowNumbers.push(row.rowNumber);
    byKey.set(key, ref);
  }
  return [...byKey.values()];
}

/**
 * Matches rows to units: a saved mapping first (its stale entries reported), then equal names.
 * `units` are the units of the follow-up (those with measures).
 */
export function matchRows(table: BudgetTable, units: readonly string[], saved?: BudgetMapping): MatchResult {
  const rows = tableRowRefs(table);
  const unitByKey = new Map(units.map((u) => [matchKey(u), u]));
  const rowByKey = new Map(rows.map((r) => [matchKey(r.row), r]));
  const savedByRow = new Map<string, MappingEntry>();
  const stale: StaleEntry[] = [];
  for (const entry of saved?.entries ?? []) {
    if (!rowByKey.has(matchKey(entry.row))) stale.push({ entry, why: "rowGone" });
    else if (entry.unit !== null && !unitByKey.has(matchKey(entry.unit)))
      stale.push({ entry, why: "unitGone" });
    else savedByRow.set(matchKey(entry.row), entry);
  }
  const matched: RowMatch[] = [];
  const ignored: TableRowRef[] = [];
  const unmatchedRows: TableRowRef[] = [];
  for (const ref of rows) {
    const entry = savedByRow.get(matchKey(ref.row));
    const byName = unitByKey.get(matchKey(ref.row));
    if (entry && entry.unit === null) ignored.push(ref);
    else if (entry && entry.unit !== null)
      matched.push({
        ...ref,
        unit: present(unitByKey.get(matchKey(entry.unit)), `enheten ${entry.unit}`),
        via: "mapping",
      });
    else if (byName !== undefined) matched.push({ ...ref, unit: byName, via: "name" });
    else unmatchedRows.push(ref);
  }
  const withRow = new Set(matched.map((m) => matchKey(m.unit)));
  const unmatchedUnits = units.filter((u) => !withRow.has(matchKey(u)));

  const where = { file: table.source, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const problems: Problem[] = [
    ...unmatchedRows.map((r): Problem => ({
      code: "financeRowWithoutUnit",
      severity: "varning",
      location: where,
      params: { row: r.row, rows: r.rowNumbers.join(", ") },
    })),
    ...unmatchedUnits.map((u): Problem => ({
      code: "financeUnitWithoutBudget",
      severity: "varning",
      location: where,
      params: { unit: u },
    })),
    ...stale.map((s): Problem => ({
      code: s.why === "rowGone" ? "financeMappingRowGone" : "financeMappingUnitGone",
      severity: "varning",
      location: where,
      params: { row: s.entry.row, unit: s.entry.unit ?? "" },
    })),
  ];
  return { matched, ignored, unmatchedRows, unmatchedUnits, stale, problems };
}

/**
 * The mapping to save once the user has confirmed: every matched and ignored row, plus the
 * user's choices for rows that did not match (`choices`: row label → unit, or null for none).
 */
export function confirmMapping(
  result: MatchResult,
  choices: readonly MappingEntry[] = [],
  uppdrag?: string,
): BudgetMapping {
  const entries = new Map<string, MappingEntry>();
  for (const m of result.matched) entries.set(matchKey(m.row), { row: m.row, unit: m.unit });
  for (const r of result.ignored) entries.set(matchKey(r.row), { row: r.row, unit: null });
  for (const c of choices)
    entries.set(matchKey(c.row), {
      row: visibleName(c.row),
      unit: c.unit === null ? null : visibleName(c.unit),
    });
  return {
    format: MAPPING_FORMAT,
    version: MAPPING_VERSION,
    ...(uppdrag ? { uppdrag } : {}),
    entries: [...entries.values()],
  };
}

/** What a saved mapping's file name ends in. */
export const MAPPING_SUFFIX = ".mappning.json";

/**
 * The path of the mapping saved beside a budget file: the same folder and name stem, ending in
 * ".mappning.json" ("ekonomi/budget-2026.xlsx" → "ekonomi/budget-2026.mappning.json"). The one
 * place this name is decided: `ekonomi --bekrafta` writes it, `rollup --budget` reads it. Pure
 * string work (core has no path module); both "/" and "\\" separate folders.
 */
export function mappingFileName(budgetFile: string): string {
  const slash = Math.max(budgetFile.lastIndexOf("/"), budgetFile.lastIndexOf("\\"));
  const folder = budgetFile.slice(0, slash + 1);
  const name = budgetFile.slice(slash + 1);
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${folder}${stem}${MAPPING_SUFFIX}`;
}

export function serializeMapping(mapping: BudgetMapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

/** Reads a saved mapping; a file that is not one gives a problem, not an exception. */
export function parseMapping(
  text: string,
  file: string,
  uppdrag?: string,
): { mapping?: BudgetMapping; problems: Problem[] } {
  const unreadable = (reason: string) => ({
    problems: [
      {
        code: "financeMappingUnreadable" as const,
        severity: "varning" as const,
        location: { file },
        params: { file, reason },
      },
    ],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable("filen är inte giltig JSON");
  }
  if (typeof data !== "object" || data === null) return unreadable("filen är ingen mappning");
  const d = data as Record<string, unknown>;
  if (d.format !== MAPPING_FORMAT) return unreadable(`fältet format är inte "${MAPPING_FORMAT}"`);
  if (d.version !== MAPPING_VERSION)
    return unreadable(`versionen ${String(d.version)} kan inte läsas (bara version ${MAPPING_VERSION})`);
  if (d.uppdrag !== undefined && typeof d.uppdrag !== "string")
    return unreadable("fältet uppdrag är ingen text");
  if (!Array.isArray(d.entries)) return unreadable("fältet entries saknas");
  const entries: MappingEntry[] = [];
  for (const [i, e] of d.entries.entries()) {
    const entry = e as Record<string, unknown> | null;
    if (typeof entry?.row !== "string" || !(typeof entry.unit === "string" || entry.unit === null))
      return unreadable(`rad ${i + 1} i entries saknar row eller unit`);
    entries.push({ row: entry.row, unit: entry.unit as string | null });
  }
  if (uppdrag && d.uppdrag !== undefined && d.uppdrag !== uppdrag) {
    return {
      problems: [
        {
          code: "financeMappingOtherUppdrag",
          severity: "varning",
          location: { file },
          params: { file, found: d.uppdrag as string, expected: uppdrag },
        },
      ],
    };
  }
  return {
    mapping: {
      format: MAPPING_FORMAT,
      version: MAPPING_VERSION,
      ...(typeof d.uppdrag === "string" ? { uppdrag: d.uppdrag } : {}),
      entries,
    },
    problems: [],
  };
}

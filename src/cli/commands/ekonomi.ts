/**
 * `uppfoljning ekonomi <budgetfil> [--json] [--enhet tkr|kr] [--blad <namn>]`: checks a budget file alone.
 * With `--enheter <fil>` it also maps the rows to the follow-up's units (by name, by the mapping
 * saved beside the budget file or named by `--mappning`, by `--koppla "Rad=Enhet"`), says what
 * matched and what did not, and with `--bekrafta` saves the mapping beside the budget file
 * (mappingFileName). The budget file itself is never written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  confirmMapping,
  mappingFileName,
  mappingLines,
  otherMappingsProblem,
  matchRows,
  parseMapping,
  parsePairs,
  serializeMapping,
  MAPPING_FORMAT,
  MAPPING_SUFFIX,
  MAPPING_VERSION,
  type BudgetMapping,
  type MatchResult,
  readBudgetTable,
  recognitionLines,
  describeSigns,
  type BudgetTable,
  type MoneyUnit,
} from "../../core/finance";
import type { Problem } from "../../core/model";
import { formatProblem, problemText } from "../../core/messages/sv";
import { readBudgetFile } from "../../workbook/readBudgetFile";
import { EXIT, UsageError, type Io } from "../io";
import { readUnitsFile } from "../files";
import { requireUppdrag } from "../catalog";

export interface EkonomiCommandOptions {
  json?: boolean;
  enhet?: string;
  blad?: string;
  /** The follow-up's units (a units list, as for create --units): map the rows to them. */
  enheter?: string;
  /** Save the mapping beside the budget file. */
  bekrafta?: boolean;
  /** Manual pairings "Radnamn=Enhet" ("Radnamn=" for a row of no unit). */
  koppla?: string[];
  /** A saved mapping to use instead of the one beside the budget file (e.g. last period's). */
  mappning?: string;
  /** The uppdrag the mapping is for (checked against a saved mapping, written into a new one). */
  uppdrag?: string;
}

const UNITS: readonly MoneyUnit[] = ["tkr", "kr"];

/** What the mapping step found, for the JSON output. */
export interface MappingOutcome {
  unitsFile: string;
  /** The saved mapping that was read (null: none). */
  readFrom: string | null;
  result: MatchResult;
  /** Where the confirmed mapping was saved (null: not saved). */
  savedTo: string | null;
}

function mappingJson(m: MappingOutcome) {
  return {
    unitsFile: m.unitsFile,
    readFrom: m.readFrom,
    savedTo: m.savedTo,
    matched: m.result.matched.map((r) => ({ row: r.row, rows: r.rowNumbers, unit: r.unit, via: r.via })),
    noUnit: m.result.ignored.map((r) => ({ row: r.row, rows: r.rowNumbers })),
    unmatchedRows: m.result.unmatchedRows.map((r) => ({ row: r.row, rows: r.rowNumbers })),
    unmatchedUnits: m.result.unmatchedUnits,
    stale: m.result.stale.map((s) => ({ row: s.entry.row, unit: s.entry.unit, why: s.why })),
  };
}

export function ekonomiJson(table: BudgetTable, problems: Problem[], mapping?: MappingOutcome) {
  const column = (c: { letter: string; header: string }) => ({ column: c.letter, header: c.header });
  return {
    format: "uppfoljning/ekonomi@1",
    file: table.source,
    sheet: table.sheet ?? null,
    kind: table.kind ?? null,
    headerRows: table.headerRows,
    labelColumn: table.label ? column(table.label) : null,
    periodColumn: table.periodColumn ? column(table.periodColumn) : null,
    columns: table.amountColumns.map((c) => ({
      ...column(c),
      kind: c.series.kind,
      scenario: c.series.scenario ?? null,
      year: c.series.year ?? null,
      period: c.series.period ?? null,
      assumedNet: c.assumedNet ?? false,
    })),
    unplacedColumns: table.unplaced.map((c) => ({ ...column(c), why: c.why })),
    unit: table.unit ?? null,
    unitFrom: table.unitFrom ?? null,
    signs: {
      intakter: table.signs.intakter ?? null,
      kostnader: table.signs.kostnader ?? null,
      netto: table.signs.netto ?? null,
      text: describeSigns(table.signs),
    },
    rows: table.rows.map((r) => ({
      row: r.rowNumber,
      label: r.label,
      period: r.period ?? null,
      isSumma: r.isSumma,
      amounts: r.amounts.map((a) => a ?? null),
    })),
    problems: problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: problemText(p),
      file: p.location?.file ?? null,
      sheet: p.location?.sheet ?? null,
      cell: p.location?.cell ?? null,
    })),
    ...(mapping ? { mapping: mappingJson(mapping) } : {}),
    summary: summaryOf(problems),
  };
}

function summaryOf(problems: Problem[]) {
  return {
    errors: problems.filter((p) => p.severity === "fel").length,
    warnings: problems.filter((p) => p.severity === "varning").length,
  };
}

export function ekonomiCommand(io: Io, file: string, options: EkonomiCommandOptions): number {
  if (options.enhet !== undefined && !UNITS.includes(options.enhet as MoneyUnit))
    throw new UsageError(`--enhet ska vara tkr eller kr, inte "${options.enhet}".`);
  requireUnitsFor(options);
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new UsageError(`Filen ${file} finns inte.`);
  const read = readBudgetFile(fs.readFileSync(full), file, options.blad);
  if (!read.ok) throw new UsageError(read.message);
  const { table, problems } = readBudgetTable(read.cells, {
    source: file,
    sheet: read.sheet,
    unit: options.enhet as MoneyUnit | undefined,
  });
  const mapping =
    options.enheter === undefined ? undefined : mapToUnits(io, file, full, table, options.enheter, options);
  if (mapping) problems.push(...mapping.problems);
  const { errors, warnings } = summaryOf(problems);
  if (options.json) io.out(JSON.stringify(ekonomiJson(table, problems, mapping?.outcome), null, 2));
  else {
    io.out(`${file}${read.sheet ? `, blad ${read.sheet}` : ""}:`);
    for (const line of recognitionLines(table)) io.out(`  ${line}`);
    if (mapping) {
      io.out(
        `Koppling till enheterna i ${mapping.outcome.unitsFile}${mapping.outcome.readFrom ? ` (sparad koppling: ${mapping.outcome.readFrom})` : ""}:`,
      );
      for (const line of mapping.lines) io.out(`  ${line}`);
    }
    for (const p of problems) io.out(formatProblem(p));
    for (const line of mapping?.after ?? []) io.out(line);
    io.out(`${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}`);
  }
  return errors > 0 ? EXIT.validationErrors : EXIT.ok;
}

/** Options that only mean something with --enheter. */
function requireUnitsFor(options: EkonomiCommandOptions) {
  const needing = [
    options.bekrafta ? "--bekrafta" : undefined,
    options.koppla && options.koppla.length > 0 ? "--koppla" : undefined,
    options.mappning !== undefined ? "--mappning" : undefined,
  ].filter((o) => o !== undefined);
  if (options.enheter === undefined && needing.length > 0)
    throw new UsageError(
      `${needing.join(" och ")} kopplar budgetraderna till enheter; ange enhetslistan med --enheter <fil>.`,
    );
}

/**
 * Rows to units: the saved mapping (--mappning, else the one beside the budget file), the
 * user's pairings, then equal names; with --bekrafta the result is saved beside the budget file.
 */
function mapToUnits(
  io: Io,
  file: string,
  full: string,
  table: BudgetTable,
  unitsFile: string,
  options: EkonomiCommandOptions,
): { outcome: MappingOutcome; problems: Problem[]; lines: string[]; after: string[] } {
  const uppdrag = options.uppdrag === undefined ? undefined : requireUppdrag(options.uppdrag);
  const units = readUnitsFile(unitsFile, io.cwd, uppdrag).map((u) => u.unit);
  const where = { file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const problems: Problem[] = [];

  const beside = mappingFileName(file);
  const savedShown = options.mappning ?? beside;
  const savedFull = path.resolve(io.cwd, savedShown);
  let saved: BudgetMapping | undefined;
  if (fs.existsSync(savedFull)) {
    const parsed = parseMapping(fs.readFileSync(savedFull, "utf8"), savedShown, uppdrag?.id);
    saved = parsed.mapping;
    problems.push(...parsed.problems);
  } else if (options.mappning !== undefined) {
    throw new UsageError(`Den sparade kopplingen ${options.mappning} finns inte.`);
  } else {
    const elsewhere = otherMappingsProblem(file, otherMappings(full), where);
    if (elsewhere) problems.push(elsewhere);
  }

  const first = matchRows(table, units, saved);
  const pairs = parsePairs(options.koppla ?? [], table, units, where);
  if (pairs.problems.length > 0) throw new UsageError(pairs.problems.map((p) => problemText(p)).join("\n"));
  // The saved entries still valid, then the user's pairings (a pairing overrides a saved entry).
  const staleRows = new Set(first.stale.map((s) => s.entry));
  const current: BudgetMapping = {
    format: MAPPING_FORMAT,
    version: MAPPING_VERSION,
    entries: [...(saved?.entries.filter((e) => !staleRows.has(e)) ?? []), ...pairs.choices],
  };
  const result = matchRows(table, units, current);
  result.stale = first.stale;
  problems.push(
    ...first.problems.filter(
      (p) => p.code === "financeMappingRowGone" || p.code === "financeMappingUnitGone",
    ),
  );
  problems.push(...result.problems);

  const after: string[] = [];
  if (result.unmatchedRows.length > 0 || result.unmatchedUnits.length > 0)
    after.push(
      'Koppla en rad med --koppla "Radnamn=Enhet", eller --koppla "Radnamn=" för en rad som inte hör till någon enhet (flera --koppla går bra).',
    );
  let savedTo: string | null = null;
  if (options.bekrafta) {
    fs.writeFileSync(
      path.resolve(io.cwd, beside),
      serializeMapping(confirmMapping(result, [], uppdrag?.id)),
      "utf8",
    );
    savedTo = beside;
    after.push(
      `Sparade kopplingen i ${beside}. Den används nästa gång du kör uppfoljning ekonomi ${file} --enheter … och rollup --budget ${file}.` +
        " En ny periods budgetfil får egen koppling: ange denna med --mappning första gången och lägg till --bekrafta.",
    );
  } else
    after.push(
      `Inget sparades. Lägg till --bekrafta för att spara kopplingen i ${beside} (budgetfilen ändras inte).`,
    );
  return {
    outcome: {
      unitsFile,
      readFrom: saved ? savedShown : null,
      result,
      savedTo,
    },
    problems,
    lines: mappingLines(result, units, pairs.choices),
    after,
  };
}

/** Saved mappings of other budget files in the budget file's folder, by name. */
function otherMappings(full: string): string[] {
  const own = path.basename(mappingFileName(full));
  try {
    return fs
      .readdirSync(path.dirname(full))
      .filter((n) => n.endsWith(MAPPING_SUFFIX) && n !== own)
      .sort();
  } catch {
    return [];
  }
}

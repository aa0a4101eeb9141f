/**
 * `rollup … --budget <fil> [--enhet tkr|kr] [--mappning <fil>]`: the budget file read and
 * checked, the saved mapping beside it (or the one named) read, and the roll-up's finance made
 * from them; what became of every budget row said in Swedish and in JSON.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  confirmRowsProblem,
  financeRollup,
  mappingFileName,
  parseMapping,
  readBudgetTable,
  type BudgetTable,
  type FinanceRollup,
  type MoneyUnit,
} from "../core/finance";
import type { Problem } from "../core/model";
import { formatNumber } from "../core/messages/format";
import { formatProblem } from "../core/messages/sv";
import type { CollectedRollup } from "../workbook/collect";
import { readBudgetFile } from "../workbook/readBudgetFile";
import { ekonomiJson } from "./commands/ekonomi";
import { UsageError } from "./io";
import { problemJson } from "./report";

const UNITS: readonly MoneyUnit[] = ["tkr", "kr"];

export interface BudgetOptions {
  budget?: string;
  enhet?: string;
  mappning?: string;
}

export interface BudgetInput {
  /** The budget file as the user named it. */
  file: string;
  /** Its full path, so the roll-up does not read it as a unit's file. */
  fullPath: string;
  table: BudgetTable;
  tableProblems: Problem[];
  /** The saved mapping's name as shown, and its text; undefined when there is none. */
  mapping?: { file: string; text: string };
}

/** Reads the budget file and the mapping beside it; undefined without --budget. Bad options and unreadable files are usage errors. */
export function readBudgetInput(options: BudgetOptions, cwd: string): BudgetInput | undefined {
  if (options.budget === undefined) {
    if (options.enhet !== undefined || options.mappning !== undefined)
      throw new UsageError("--enhet och --mappning gäller budgetfilen; ange den med --budget <fil>.");
    return undefined;
  }
  if (options.enhet !== undefined && !UNITS.includes(options.enhet as MoneyUnit))
    throw new UsageError(`--enhet ska vara tkr eller kr, inte "${options.enhet}".`);
  const file = options.budget;
  const fullPath = path.resolve(cwd, file);
  if (!fs.existsSync(fullPath) || !fs.statSync(fullPath).isFile())
    throw new UsageError(`Budgetfilen ${file} finns inte.`);
  const read = readBudgetFile(fs.readFileSync(fullPath), file);
  if (!read.ok) throw new UsageError(read.message);
  const { table, problems } = readBudgetTable(read.cells, {
    source: file,
    ...(read.sheet ? { sheet: read.sheet } : {}),
    ...(options.enhet ? { unit: options.enhet as MoneyUnit } : {}),
  });
  const mappingName = options.mappning ?? mappingFileName(file);
  const mappingPath = path.resolve(cwd, mappingName);
  let mapping: BudgetInput["mapping"];
  if (fs.existsSync(mappingPath) && fs.statSync(mappingPath).isFile())
    mapping = { file: mappingName, text: fs.readFileSync(mappingPath, "utf8") };
  else if (options.mappning !== undefined)
    throw new UsageError(`Mappningsfilen ${options.mappning} finns inte.`);
  return { file, fullPath, table, tableProblems: problems, ...(mapping ? { mapping } : {}) };
}

/** The roll-up's finance from the budget input (the mapping checked against the roll-up's uppdrag). */
export function budgetFinance(input: BudgetInput, collected: CollectedRollup): FinanceRollup {
  const parsed = input.mapping
    ? parseMapping(input.mapping.text, input.mapping.file, collected.uppdrag.id)
    : { problems: [] };
  return financeRollup(collected.uppdrag, collected.result, {
    table: input.table,
    tableProblems: [...input.tableProblems, ...parsed.problems],
    ...(parsed.mapping ? { saved: parsed.mapping } : {}),
    ...(parsed.mapping && input.mapping ? { mappingFile: input.mapping.file } : {}),
  });
}

/** The command that confirms the rows that matched no unit (ekonomi --bekrafta), as a problem to show. */
export function confirmProblem(finance: FinanceRollup, unitsFile: string | undefined): Problem | undefined {
  return confirmRowsProblem(
    finance,
    `uppfoljning ekonomi ${quoteArg(finance.table.source)} --enheter ${quoteArg(unitsFile ?? "<enhetslista>")} --bekrafta`,
  );
}

function quoteArg(arg: string): string {
  return /^[\w./\\:<>-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '\\"')}"`;
}

/** Every budget row accounted for, the checks, and the level-2 key figures, as lines for the terminal. */
export function budgetLines(finance: FinanceRollup, unitsFile: string | undefined): string[] {
  const { table, match } = finance;
  const summa = table.rows.filter((r) => r.isSumma).length;
  const rowCount = (refs: { rowNumbers: number[] }[]) => refs.reduce((a, r) => a + r.rowNumbers.length, 0);
  const lines = [
    `Ekonomi: ${table.source}${table.sheet ? `, blad ${table.sheet}` : ""}: ${table.rows.length} budgetrader, ` +
      `${rowCount(match.matched)} kopplade till enheter, ${rowCount(match.unmatchedRows)} utan enhet, ` +
      `${rowCount(match.ignored)} utanför enligt mappningen, ${summa} summarader (bladet Ekonomi).`,
    finance.mappingFile
      ? `  Mappning: ${finance.mappingFile}`
      : "  Ingen sparad mappning: raderna kopplas på namn.",
  ];
  for (const m of match.matched)
    lines.push(
      `  Kopplad: "${m.row}" (rad ${m.rowNumbers.join(", ")}) → ${m.unit}${m.via === "mapping" ? " (enligt mappningen)" : ""}`,
    );
  for (const r of match.ignored)
    lines.push(`  Utanför enligt mappningen: "${r.row}" (rad ${r.rowNumbers.join(", ")})`);
  for (const r of match.unmatchedRows)
    lines.push(`  Ingen enhet: "${r.row}" (rad ${r.rowNumbers.join(", ")})`);
  const confirm = confirmProblem(finance, unitsFile);
  for (const p of [
    ...finance.problems.filter((x) => x.code !== "financeRowWithoutUnit"),
    ...(confirm ? [confirm] : []),
  ])
    lines.push(`  ${formatProblem(p)}`);
  for (const kf of finance.keyFigures) {
    const v = kf.level2.value;
    lines.push(
      `  ${kf.figure.label}, nivå 2: ${v === null ? "saknas" : `${formatNumber(Math.round(v * 10) / 10)} ${kf.unit}`}`,
    );
  }
  return lines;
}

/** The `budget` part of `rollup --json` (docs/json.md); null without --budget. */
export function budgetJson(finance: FinanceRollup | undefined, unitsFile?: string) {
  if (!finance) return null;
  const { table, match } = finance;
  // The table as `ekonomi --json` describes it, without its own format, problems and summary.
  const t = ekonomiJson(table, []);
  const tableJson = {
    file: t.file,
    sheet: t.sheet,
    kind: t.kind,
    headerRows: t.headerRows,
    labelColumn: t.labelColumn,
    periodColumn: t.periodColumn,
    columns: t.columns,
    unplacedColumns: t.unplacedColumns,
    unit: t.unit,
    unitFrom: t.unitFrom,
    signs: t.signs,
    rows: t.rows,
  };
  const statusOf = new Map<number, { status: string; unit: string | null }>();
  for (const m of match.matched)
    for (const n of m.rowNumbers) statusOf.set(n, { status: "used", unit: m.unit });
  for (const r of match.ignored)
    for (const n of r.rowNumbers) statusOf.set(n, { status: "ignored", unit: null });
  for (const r of match.unmatchedRows)
    for (const n of r.rowNumbers) statusOf.set(n, { status: "unmatched", unit: null });
  const confirm = confirmProblem(finance, unitsFile);
  return {
    ...tableJson,
    rows: tableJson.rows.map((r) => ({
      ...r,
      ...(r.isSumma
        ? { status: "summa", unit: null }
        : (statusOf.get(r.row) ?? { status: "unlabelled", unit: null })),
    })),
    mappingFile: finance.mappingFile ?? null,
    unmatchedUnits: match.unmatchedUnits,
    money: Object.fromEntries(finance.money),
    periodisation: finance.periodisation
      ? { fraction: finance.periodisation.fraction, text: finance.periodisation.text }
      : null,
    keyFigures: finance.keyFigures.map((kf) => ({
      id: kf.figure.id,
      label: kf.figure.label,
      kind: kf.figure.kind,
      unit: kf.unit,
      perUnit: kf.perUnit.map((u) => ({
        unit: u.unit,
        value: u.value,
        numerator: u.parts?.numerator ?? null,
        denominator: u.parts?.denominator ?? null,
        basis: u.basis ?? null,
        missing: u.missing ?? null,
      })),
      level2: {
        value: kf.level2.value,
        numerator: kf.level2.parts?.numerator ?? null,
        denominator: kf.level2.parts?.denominator ?? null,
        units: kf.level2.units,
      },
    })),
    problems: [...finance.problems, ...(confirm ? [confirm] : [])].map((p) => problemJson(p)),
  };
}

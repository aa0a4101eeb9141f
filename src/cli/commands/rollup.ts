/**
 * `uppfoljning rollup <files or folders…> --out niva2.xlsx [--expected units.txt] [--json] [--csv tidy.csv]
 * [--budget <fil> [--enhet tkr|kr] [--mappning <fil>]]`
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileSummary, runProblems, type CollectedRollup, type FileOutcome } from "../../workbook/collect";
import { levelTwoOf } from "../../workbook/levelTwo";
import { checkPaths } from "../parallelCheck";
import { TIDY_HEADERS, tidyRow, tidyRows } from "../../core/tidy";
import { financeTidyRows, type FinanceRollup } from "../../core/finance";
import { budgetFinance, budgetJson, budgetLines, readBudgetInput, type BudgetOptions } from "../rollupBudget";
import { toCsv } from "../../core/csv";
import { parsePeriod } from "../../core/period";
import { checkPeriod } from "../../core/templateRequest";
import { cliCatalog, requireUppdrag } from "../catalog";
import { assertNotAnInput, expandPaths, namedPaths, readUnitsFile, skipList } from "../files";
import { EXIT, UsageError, type Io } from "../io";
import { requireExtension } from "../outputNames";
import { count } from "../../core/messages/count";
import { problemText } from "../../core/messages/sv";
import { ERROR_POLICY } from "../../core/messages/policy";
import type { Comparison } from "../../core/comparison/model";
import { comparisonOf } from "../../workbook/comparisonFiles";
import { readHistoryFolder, type HistoryFolder } from "../historyFolder";
import { comparisonJson } from "../comparisonJson";
import { comparisonLines, readTargetsArgument } from "../comparisonLines";
import {
  countSeverities,
  fileJson,
  problemJson,
  progressReporter,
  rejectionText,
  valuesJson,
} from "../report";

export interface RollupCommandOptions extends BudgetOptions {
  out: string;
  expected?: string;
  json?: boolean;
  csv?: string;
  uppdrag?: string;
  period?: string;
  /** A folder of earlier periods' level-2 workbooks or CSVs. */
  historik?: string;
  /** A targets file (målvärden) for the uppdrag and year. */
  mal?: string;
}

/** What a roll-up's JSON adds beside the files and figures, when asked for. */
export interface RollupJsonExtras {
  finance?: FinanceRollup;
  unitsFile?: string;
  comparison?: Comparison;
  skippedHistory?: HistoryFolder["skipped"];
}

export function rollupJson(c: CollectedRollup, extras: RollupJsonExtras = {}) {
  const { finance, unitsFile, comparison, skippedHistory = [] } = extras;
  const { uppdrag, result } = c;
  return {
    format: "uppfoljning/rollup@1",
    uppdrag: uppdrag.id,
    templateVersion: uppdrag.version,
    period: result.period,
    units: result.used.map((r) => ({
      unit: r.unit,
      file: r.file,
      parts: r.parts ?? null,
      values: valuesJson(r, uppdrag),
    })),
    level2: Object.fromEntries(
      result.figures.map((f) => [
        f.measureId,
        {
          value: f.value,
          aggregate: f.aggregate,
          contributors: f.contributors,
          missing: f.missing,
          complete: f.complete,
          flaggedUnits: f.flaggedUnits,
          details: f.details,
          note: f.note ?? null,
        },
      ]),
    ),
    levelTwoProblems: result.levelTwoProblems.map((p) => problemJson(p, uppdrag)),
    absentUnits: result.absentUnits.map((u) => u.unit),
    conflictingUnits: result.conflictingUnits.map((u) => ({ unit: u.unit, files: u.files })),
    files: c.files.map(fileJson),
    problems: runProblems(c).map((p) => problemJson(p, uppdrag)),
    summary: fileSummary(c.files),
    budget: budgetJson(finance, unitsFile),
    comparison: comparison ? comparisonJson(comparison, uppdrag, skippedHistory) : null,
  };
}

/** What a roll-up reads: the units' files, and optionally the expected units, the uppdrag, the period, earlier periods and targets. */
export interface RollupInputOptions extends BudgetOptions {
  expected?: string;
  uppdrag?: string;
  period?: string;
  /** A folder of earlier periods' level-2 workbooks or CSVs. */
  historik?: string;
  /** A targets file (målvärden) for the uppdrag and year. */
  mal?: string;
}

/**
 * The files given, expanded and checked, with what the roll-up needs beside them: the inputs of
 * `rollup` and `rapport` alike. `outputs` are the files the command will write, which must not
 * be among the inputs.
 */
export async function checkRollupInputs(
  io: Io,
  paths: string[],
  options: RollupInputOptions,
  outputs: readonly string[],
) {
  const catalog = cliCatalog();
  if (options.uppdrag) requireUppdrag(options.uppdrag);
  const period = options.period === undefined ? undefined : checkPeriod(options.period);
  if (period && !period.ok) throw new UsageError(period.error);
  const budget = readBudgetInput(options, io.cwd);
  const skips = skipList(io.cwd);
  // The budget file may lie among the units' files: it is read as the budget, not as a unit's answer.
  const inputs = expandPaths(paths, io.cwd, skips.note).filter(
    (f) => !budget || path.resolve(f) !== budget.fullPath,
  );
  for (const out of outputs) assertNotAnInput(out, inputs, io.cwd);
  const expectedUnits = options.expected ? readUnitsFile(options.expected, io.cwd) : undefined;
  const history = options.historik ? readHistoryFolder(options.historik, io.cwd) : undefined;
  const targetsFile = options.mal ? readTargetsArgument(options.mal, io.cwd) : undefined;
  const outcomes = await checkPaths(namedPaths(inputs, io.cwd), catalog, {
    uppdragId: options.uppdrag,
    onProgress: progressReporter(io, "Läser"),
  });
  const rollupOptions = {
    uppdragId: options.uppdrag,
    expectedUnits,
    period: options.period,
    ...(budget ? { finance: (c: CollectedRollup) => budgetFinance(budget, c) } : {}),
    ...(history || targetsFile
      ? { compare: (c: CollectedRollup) => comparisonOf(c, history?.files ?? [], targetsFile) }
      : {}),
  };
  return { catalog, skips, outcomes, rollupOptions, history };
}

/** No file could be used: each file's reason, then the usage error. */
export function nothingToRollUp(io: Io, outcomes: readonly FileOutcome[], what: string): never {
  for (const o of outcomes) if (o.reason) io.err(rejectionText(o));
  throw new UsageError(`Ingen av filerna kunde läsas som en uppföljning; ${what}.`);
}

/** The lines after the first that tell what a roll-up used and set aside, and why. */
export function printRollupNotes(
  io: Io,
  collected: CollectedRollup,
  skipped: readonly { file: string; reason: string }[],
  details = "se bladet Problem",
) {
  const summary = countSeverities(collected.files);
  const files = fileSummary(collected.files);
  io.out(
    `${count(files.files, "fil", "filer")}: ${files.used} används, varav ${files.usedWithErrors} med fel, ` +
      `${files.copies > 0 ? `${count(files.copies, "kopia", "kopior")}, ` : ""}${count(files.rejected, "avvisad", "avvisade")}. ` +
      `${summary.errors} fel och ${count(summary.warnings, "varning", "varningar")} i innehållet (${details}).`,
  );
  io.out(ERROR_POLICY);
  for (const f of collected.files.filter((x) => x.status === "rejected"))
    io.out(`  Avvisad: ${rejectionText(f)}`);
  for (const f of collected.files.filter((x) => x.status === "copy")) io.out(`  Kopia: ${rejectionText(f)}`);
  for (const u of collected.result.conflictingUnits)
    io.out(`  Olika filer: ${u.unit} (${u.files.join(", ")})`);
  for (const u of collected.result.absentUnits) io.out(`  Saknas: ${u.unit}`);
  for (const p of collected.result.levelTwoProblems) io.out(`  ${problemText(p)}`);
  for (const s of skipped) io.out(`  Hoppades över: ${s.file} (${s.reason})`);
}

/** The exit status of a roll-up: 2 when a file could not be read, 1 with errors (also in the budget) or missing units. */
export function rollupExit(collected: CollectedRollup, finance?: FinanceRollup): number {
  const summary = countSeverities(collected.files);
  if (summary.unreadable > 0) return EXIT.usage;
  const budgetErrors = finance?.problems.some((p) => p.severity === "fel") ?? false;
  return summary.errors > 0 || budgetErrors || collected.result.absentUnits.length > 0
    ? EXIT.validationErrors
    : EXIT.ok;
}

export async function rollupCommand(io: Io, paths: string[], options: RollupCommandOptions): Promise<number> {
  requireExtension("--out", options.out, ".xlsx", "nivå 2 skrivs som en Excel-arbetsbok");
  if (options.csv !== undefined)
    requireExtension("--csv", options.csv, ".csv", "tabellen Data skrivs som CSV");
  const { catalog, skips, outcomes, rollupOptions, history } = await checkRollupInputs(io, paths, options, [
    options.out,
    ...(options.csv ? [options.csv] : []),
  ]);
  const level2 = await levelTwoOf(outcomes, catalog, rollupOptions);
  if (!level2) nothingToRollUp(io, outcomes, "ingen sammanställning skrevs");
  const { collected, finance } = level2;
  const outPath = path.resolve(io.cwd, options.out);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, level2.bytes);
  if (options.csv) {
    const rows = [
      ...tidyRows(collected.uppdrag, collected.result, level2.comparison?.targets),
      ...(finance ? financeTidyRows(collected.uppdrag, collected.result, finance) : []),
    ].map(tidyRow);
    fs.writeFileSync(path.resolve(io.cwd, options.csv), toCsv(TIDY_HEADERS, rows), "utf8");
  }

  if (options.json)
    io.out(
      JSON.stringify(
        {
          ...rollupJson(collected, {
            finance,
            unitsFile: options.expected,
            comparison: level2.comparison,
            skippedHistory: history?.skipped,
          }),
          skipped: skips.skipped,
        },
        null,
        2,
      ),
    );
  else {
    io.out(
      `Sammanställning för ${collected.uppdrag.name}, ${parsePeriod(collected.result.period)?.label ?? collected.result.period}: ${options.out}`,
    );
    printRollupNotes(io, collected, skips.skipped);
    if (finance) for (const line of budgetLines(finance, options.expected)) io.out(line);
    if (level2.comparison)
      for (const line of comparisonLines(collected, level2.comparison, history?.skipped ?? [])) io.out(line);
  }
  return rollupExit(collected, finance);
}

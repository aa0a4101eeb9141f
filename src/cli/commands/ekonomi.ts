/** `uppfoljning ekonomi <budgetfil> [--json] [--enhet tkr|kr] [--blad <namn>]`: checks a budget file alone. */
import * as fs from "node:fs";
import * as path from "node:path";
import {
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

export interface EkonomiCommandOptions {
  json?: boolean;
  enhet?: string;
  blad?: string;
}

const UNITS: readonly MoneyUnit[] = ["tkr", "kr"];

export function ekonomiJson(table: BudgetTable, problems: Problem[]) {
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
  const full = path.resolve(io.cwd, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new UsageError(`Filen ${file} finns inte.`);
  const read = readBudgetFile(fs.readFileSync(full), file, options.blad);
  if (!read.ok) throw new UsageError(read.message);
  const { table, problems } = readBudgetTable(read.cells, {
    source: file,
    sheet: read.sheet,
    unit: options.enhet as MoneyUnit | undefined,
  });
  const { errors, warnings } = summaryOf(problems);
  if (options.json) io.out(JSON.stringify(ekonomiJson(table, problems), null, 2));
  else {
    io.out(`${file}${read.sheet ? `, blad ${read.sheet}` : ""}:`);
    for (const line of recognitionLines(table)) io.out(`  ${line}`);
    for (const p of problems) io.out(formatProblem(p));
    io.out(`${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}`);
  }
  return errors > 0 ? EXIT.validationErrors : EXIT.ok;
}

/**
 * `uppfoljning rapport <filer eller mappar…> --out rapport.docx [--enheter units.txt] [--uppdrag …]
 * [--period …] [--historik <mapp>] [--mal <fil>]`: the nämnd report as a Word document, from the
 * same inputs and the same roll-up as `rollup`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { rollupFiles } from "../../workbook/collect";
import { writeReport } from "../../workbook/report/writeReport";
import { parsePeriod } from "../../core/period";
import { requireExtension } from "../outputNames";
import type { Io } from "../io";
import { comparisonLines } from "../comparisonLines";
import { checkRollupInputs, nothingToRollUp, printRollupNotes, rollupExit } from "./rollup";

export interface RapportCommandOptions {
  out: string;
  enheter?: string;
  uppdrag?: string;
  period?: string;
  historik?: string;
  mal?: string;
}

export async function rapportCommand(
  io: Io,
  paths: string[],
  options: RapportCommandOptions,
): Promise<number> {
  requireExtension("--out", options.out, ".docx", "rapporten skrivs som ett Word-dokument");
  const { catalog, skips, outcomes, rollupOptions, history } = await checkRollupInputs(
    io,
    paths,
    {
      expected: options.enheter,
      uppdrag: options.uppdrag,
      period: options.period,
      historik: options.historik,
      mal: options.mal,
    },
    [options.out],
  );
  const collected = rollupFiles(outcomes, catalog, rollupOptions);
  if (!collected) nothingToRollUp(io, outcomes, "ingen rapport skrevs");
  const comparison = rollupOptions.compare?.(collected);
  const bytes = await writeReport(collected, { comparison, skippedHistory: history?.skipped });
  const outPath = path.resolve(io.cwd, options.out);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, bytes);
  io.out(
    `Rapport för ${collected.uppdrag.name}, ${parsePeriod(collected.result.period)?.label ?? collected.result.period}: ${options.out}`,
  );
  printRollupNotes(io, collected, skips.skipped, "se rapportens avsnitt om datakvalitet");
  if (comparison)
    for (const line of comparisonLines(collected, comparison, history?.skipped ?? [])) io.out(line);
  return rollupExit(collected);
}

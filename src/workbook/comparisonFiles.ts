/**
 * The files behind a comparison: earlier periods' level-2 workbooks or CSVs, and a targets
 * file, read and set beside the current roll-up. Every history file is accounted for: used,
 * or not used with the reason (unreadable, another uppdrag, the same period, a duplicate …).
 */
import type { Comparison, HistoryFile } from "../core/comparison/model";
import { compareWithHistory } from "../core/comparison/history";
import type { PeriodRecord } from "../core/periodRecord";
import type { Problem } from "../core/model";
import { parsePeriod } from "../core/period";
import type { CollectedRollup } from "./collect";
import { readPeriodFile } from "./readPeriodFile";
import { readTargetsFile } from "./readTargetsFile";

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export function comparisonOf(
  collected: CollectedRollup,
  historyFiles: readonly NamedBytes[],
  targetsFile?: NamedBytes,
): Comparison {
  const { uppdrag, result } = collected;
  const records: PeriodRecord[] = [];
  const unreadable: HistoryFile[] = [];
  const problems: Problem[] = [];
  for (const f of historyFiles) {
    const read = readPeriodFile(f.bytes, f.name);
    if (!read.ok) {
      unreadable.push({ file: f.name, used: false, problem: read.problem });
      problems.push(read.problem);
      continue;
    }
    records.push(read.record);
    problems.push(...read.problems);
  }
  const year = String(parsePeriod(result.period)?.year ?? result.period.slice(0, 4));
  const targets = targetsFile
    ? readTargetsFile(targetsFile.bytes, targetsFile.name, uppdrag, year)
    : undefined;
  const comparison = compareWithHistory(result, records, { uppdrag, targets: targets?.targets });
  return {
    ...comparison,
    problems: [...problems, ...comparison.problems, ...(targets?.problems ?? [])],
    historyFiles: [...unreadable, ...(comparison.historyFiles ?? [])],
  };
}

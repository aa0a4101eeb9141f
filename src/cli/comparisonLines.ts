/** History and targets in the rollup command's summary lines, and reading the --mal argument. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Comparison } from "../core/comparison/model";
import { keyMeasuresOf } from "../core/catalog";
import { parsePeriod } from "../core/period";
import { LEVEL2_UNIT } from "../core/tidy";
import { problemText } from "../core/messages/sv";
import { formatParam } from "../core/messages/format";
import type { CollectedRollup } from "../workbook/collect";
import type { NamedBytes } from "../workbook/comparisonFiles";
import { UsageError } from "./io";

export function readTargetsArgument(file: string, cwd: string): NamedBytes {
  try {
    return { name: file, bytes: new Uint8Array(fs.readFileSync(path.resolve(cwd, file))) };
  } catch {
    throw new UsageError(`--mal: målfilen ${file} finns inte eller kan inte läsas.`);
  }
}

/** Units that moved listed before "… och n till". */
const MOVED_LINES = 10;

const number = (v: number | undefined) => (v === undefined ? "saknas" : formatParam(Math.round(v * 10) / 10));
const signed = (v: number) => (v > 0 ? `+${number(v)}` : number(v));

export function comparisonLines(
  collected: CollectedRollup,
  comparison: Comparison,
  skipped: { file: string; reason: string }[],
): string[] {
  const lines: string[] = [];
  const label = (p: string) => parsePeriod(p)?.label ?? p;
  lines.push(
    comparison.periods.length
      ? `Tidigare perioder: ${comparison.periods.map(label).join(", ")}.`
      : "Tidigare perioder: inga som kunde användas.",
  );
  for (const f of comparison.historyFiles ?? [])
    if (!f.used && f.problem) lines.push(`  Används inte: ${problemText(f.problem)}`);
  for (const s of skipped) lines.push(`  Läses inte: ${s.file} (${s.reason})`);
  const level2 = new Map(
    comparison.series.filter((s) => s.unit === LEVEL2_UNIT).map((s) => [s.measureId, s]),
  );
  const targets = new Map(comparison.targets.map((t) => [t.measureId, t]));
  for (const m of keyMeasuresOf(collected.uppdrag)) {
    const s = level2.get(m.id);
    const t = targets.get(m.id);
    const before = s?.earlier[s.earlier.length - 1];
    lines.push(
      `  ${m.label}: ${number(s?.current.value ?? undefined)}` +
        (before
          ? ` (${label(before.period)}: ${number(before.value)}${s?.change !== undefined ? `, ${signed(s.change)}` : ""})`
          : "") +
        (t ? `; mål ${number(t.target.target)} (${t.target.better} är bättre): ${t.status}` : ""),
    );
  }
  // Units that moved, on the key measures (every measure's flag is in --json).
  const labels = new Map(keyMeasuresOf(collected.uppdrag).map((m) => [m.id, m.label]));
  const moved = comparison.series.filter(
    (x) => x.movedBeyondThreshold && x.unit !== LEVEL2_UNIT && labels.has(x.measureId),
  );
  for (const s of moved.slice(0, MOVED_LINES))
    lines.push(
      `  Stor förändring: ${s.unit}, ${labels.get(s.measureId) ?? s.measureId}: ${number(s.earlier[s.earlier.length - 1]?.value)} → ${number(s.current.value)}`,
    );
  if (moved.length > MOVED_LINES)
    lines.push(`  … och ${moved.length - MOVED_LINES} stora förändringar till (se --json).`);
  for (const p of comparison.problems.filter(
    (x) => !(comparison.historyFiles ?? []).some((f) => f.problem === x),
  ))
    lines.push(`  ${problemText(p)}`);
  return lines;
}

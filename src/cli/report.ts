/** Turning outcomes into what the CLI prints: lines for people, the JSON contract for scripts. */
import type { Problem, UnitReport, Uppdrag } from "../core/model";
import { valueTypeOf, type JsonValue } from "../core/valueTypes";
import { present } from "../core/invariant";
import { formatProblem, problemText } from "../core/messages/sv";
import { contentProblems, type FileOutcome } from "../workbook/collect";
import type { Io } from "./io";
import { measureLabel } from "../core/measures";

/** A unit's values in the JSON contract, each written as its value type says. */
export function valuesJson(report: UnitReport, uppdrag: Uppdrag): Record<string, JsonValue> {
  const typeOf = new Map(uppdrag.measures.map((m) => [m.id, valueTypeOf(m)]));
  const out: Record<string, JsonValue> = {};
  for (const [id, v] of Object.entries(report.values))
    out[id] = present(typeOf.get(id), `måttet ${id} i ${uppdrag.id}`).json(v);
  return out;
}

export function problemJson(p: Problem, uppdrag?: Uppdrag) {
  const measure = measureLabel(uppdrag, p.measureId);
  return {
    code: p.code,
    severity: p.severity,
    measureId: p.measureId ?? null,
    measure: measure ?? null,
    file: p.location?.file ?? null,
    sheet: p.location?.sheet ?? null,
    cell: p.location?.cell ?? null,
    message: problemText(p),
  };
}

export function problemLine(p: Problem, uppdrag?: Uppdrag): string {
  const label = measureLabel(uppdrag, p.measureId);
  return formatProblem(p, label);
}

export function fileJson(o: FileOutcome) {
  return {
    file: o.file,
    sha256: o.sha256,
    status: o.status,
    copyOf: o.copyOf ?? null,
    reason: o.reason ? problemJson(o.reason) : null,
    uppdrag: o.report?.uppdragId ?? null,
    templateVersion: o.report?.templateVersion ?? null,
    unit: o.report?.unit ?? null,
    period: o.report?.period ?? null,
    parts: o.report?.parts ?? null,
    values: o.report && o.uppdrag ? valuesJson(o.report, o.uppdrag) : null,
    problems: o.problems.map((p) => problemJson(p, o.uppdrag)),
    readByLabel:
      o.readByLabel?.map((r) => ({
        measureId: r.measureId,
        measure: r.measure,
        sheet: r.sheet ?? null,
        cell: r.cell ?? null,
      })) ?? null,
  };
}

/** Totals of a run. A copy is neither unreadable nor counted again: its problems are the used file's. */
export function countSeverities(outcomes: FileOutcome[]) {
  const problems = outcomes.flatMap(contentProblems);
  return {
    files: outcomes.length,
    unreadable: outcomes.filter((o) => o.status === "rejected").length,
    copies: outcomes.filter((o) => o.status === "copy").length,
    errors: problems.filter((p) => p.severity === "fel").length,
    warnings: problems.filter((p) => p.severity === "varning").length,
  };
}

/** Why a file was not used, naming the file once (most reasons already start with it). */
export function rejectionText(o: FileOutcome): string {
  const text = o.reason ? problemText(o.reason) : "";
  return text.startsWith(o.file) ? text : `${o.file}: ${text}`;
}

/** Progress on stderr when it is a terminal: one line, rewritten. */
export function progressReporter(io: Io, what: string): ((done: number, total: number) => void) | undefined {
  if (!io.interactive) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    io.progress(`\r${what} ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

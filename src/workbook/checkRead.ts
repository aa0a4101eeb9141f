/**
 * From a read workbook to its checked outcome: interpreted, paired with last period's report of
 * the same unit, validated. One pipeline for a file (collect.checkFile, the command line and
 * picked files in the pane) and for the active workbook in Excel (taskpane/checkActive.ts).
 * No spreadsheet library here, so the pane checks the active workbook without loading one.
 */
import type { Problem, UnitReport, Uppdrag } from "../core/model";
import { appliesTo } from "../core/measures";
import { interpretReport } from "../core/interpret";
import { validateReport } from "../core/validate";
import { compareFileNames, unitKey } from "../core/rollup";
import type { ReadOutcome } from "./identify";
import type { FileOutcome } from "./collect";

/**
 * Last period's files, read for the continuity checks: their reports by uppdrag and unit (the
 * same unit comparison as the roll-up, unitKey), and what kept a file from being paired.
 */
export interface PreviousReports {
  /** True when previous files were given at all: then a file without a pair is told so. */
  given: boolean;
  byUnit: Map<string, UnitReport>;
  /** Previous files that cannot be used: unreadable, or several different ones for one unit. */
  problems: Problem[];
}

export const NO_PREVIOUS: PreviousReports = { given: false, byUnit: new Map(), problems: [] };

/** What pairs a report with last period's: its uppdrag and its unit as the roll-up compares units. */
export const previousKey = (r: UnitReport) => `${r.uppdragId}|${unitKey(r.unit)}`;

/** The previous period's report of the same uppdrag and unit, if one was given. */
export function previousOf(previous: PreviousReports, report: UnitReport): UnitReport | undefined {
  return previous.byUnit.get(previousKey(report));
}

/**
 * A file's previous report, and a note when previous files were given but none pairs with
 * it while its uppdrag has a continuity check (which then cannot be made).
 */
export function previousFor(
  previous: PreviousReports,
  uppdrag: Uppdrag,
  report: UnitReport,
): { previous?: UnitReport; problems: Problem[] } {
  const found = previousOf(previous, report);
  if (found || !previous.given) return { previous: found, problems: [] };
  const checksContinuity = uppdrag.rules.some(
    (r) =>
      r.type === "continuity" &&
      uppdrag.measures.some((m) => m.id === r.current && appliesTo(m, report.parts)),
  );
  if (!checksContinuity) return { problems: [] };
  return {
    problems: [
      {
        code: "previousMissing",
        severity: "varning",
        location: { file: report.file },
        params: { file: report.file, unit: report.unit },
      },
    ],
  };
}

/** What to say about last period's files after the check: those that cannot be used, and those no checked file pairs with. */
export function previousProblems(previous: PreviousReports, checked: readonly FileOutcome[]): Problem[] {
  const paired = new Set(checked.flatMap((o) => (o.report ? [previousKey(o.report)] : [])));
  const unpaired = [...previous.byUnit]
    .filter(([key]) => !paired.has(key))
    .map(([, r]) => r)
    .sort((a, b) => compareFileNames(a.file, b.file));
  return [
    ...previous.problems,
    ...unpaired.map((r): Problem => ({
      code: "previousUnpaired",
      severity: "varning",
      location: { file: r.file },
      params: { file: r.file, unit: r.unit, period: r.period },
    })),
  ];
}

/** A read workbook interpreted, not yet validated: its report, or its rejection. */
export function outcomeOfRead(file: string, sha256: string, read: ReadOutcome): FileOutcome {
  if (!read.ok) return { file, sha256, status: "rejected", reason: read.problem, problems: [] };
  const { report, problems } = interpretReport(read.uppdrag, read.raw);
  // A copy of its own (structured clone, as a worker's postMessage makes): text cut from the file's XML
  // keeps the whole XML alive in V8 (a sliced string), about 30 KB a file for as long as the outcome lives.
  const own = structuredClone({
    report,
    problems: [...read.notes, ...problems],
    readByLabel: read.readByLabel,
  });
  return {
    file,
    sha256,
    status: "read",
    uppdrag: read.uppdrag,
    report: own.report,
    problems: own.problems,
    ...(own.readByLabel ? { readByLabel: own.readByLabel } : {}),
  };
}

/** An interpreted outcome validated, with last period's report of its unit; rejected when it is of another uppdrag than asked. */
export function validateOutcome(
  outcome: FileOutcome & Required<Pick<FileOutcome, "report" | "uppdrag">>,
  previous: PreviousReports,
  uppdragId?: string,
): FileOutcome {
  if (uppdragId && outcome.uppdrag.id !== uppdragId) {
    outcome.status = "rejected";
    outcome.reason = {
      code: "otherUppdragThanAsked",
      severity: "fel",
      location: { file: outcome.file },
      params: { file: outcome.file, found: outcome.uppdrag.id, expected: uppdragId },
    };
  } else {
    const before = previousFor(previous, outcome.uppdrag, outcome.report);
    outcome.problems.push(
      ...before.problems,
      ...validateReport(outcome.uppdrag, outcome.report, before.previous),
    );
  }
  return outcome;
}

/** A read workbook checked as a file is: interpreted, then validated when it could be read. */
export function checkRead(
  file: string,
  sha256: string,
  read: ReadOutcome,
  previous: PreviousReports,
  uppdragId?: string,
): FileOutcome {
  const outcome = outcomeOfRead(file, sha256, read);
  return outcome.report && outcome.uppdrag
    ? validateOutcome({ ...outcome, report: outcome.report, uppdrag: outcome.uppdrag }, previous, uppdragId)
    : outcome;
}

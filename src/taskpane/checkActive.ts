/**
 * What the Kontrollera tab checks: the active workbook as the Excel host read it, or picked
 * files; last period's files that could not be paired are shown as a result of their own.
 */
import type { Catalog, Problem, UnitReport } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";
import { interpretReport } from "../core/interpret";
import { validateReport } from "../core/validate";
import { pickedFile } from "./pickedFiles";
import { loadWorkbookModule } from "./workbookModule";
import type { CheckedWorkbook } from "./components/FileResult";

/** Last period's files that could not be paired with a checked workbook, shown as a result of their own. */
export const PREVIOUS_FILES = "Förra periodens filer";

export function previousResult(problems: Problem[]): CheckedWorkbook[] {
  return problems.length > 0 ? [{ file: PREVIOUS_FILES, problems }] : [];
}

/** The active workbook as read by the Excel host, interpreted and validated like a file, with notes on last period's files. */
export async function checkActiveOutcome(outcome: ReadOutcome, catalog: Catalog, previous: File[]): Promise<CheckedWorkbook[]> {
  if (!outcome.ok) return [{ file: outcome.problem.location?.file ?? "Aktiv arbetsbok", rejected: outcome.problem, problems: [] }];
  const { report, problems } = interpretReport(outcome.uppdrag, outcome.raw);
  let before: { previous?: UnitReport; problems: Problem[] } = { problems: [] };
  let previousNotes: Problem[] = [];
  if (previous.length > 0) {
    const ops = await loadWorkbookModule();
    const read = await ops.readPrevious(previous.map(pickedFile), catalog);
    before = ops.previousFor(read, outcome.uppdrag, report);
    previousNotes = ops.previousProblems(read, [{ file: report.file, sha256: "", status: "read", report, problems: [] }]);
  }
  const checked = { file: outcome.raw.file, uppdrag: outcome.uppdrag, problems: [...outcome.notes, ...problems, ...before.problems, ...validateReport(outcome.uppdrag, report, before.previous)] };
  return [checked, ...previousResult(previousNotes)];
}


/** Picked files checked like the command line does, with notes on last period's files after them. */
export async function checkPickedFiles(picked: File[], previous: File[], catalog: Catalog, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<CheckedWorkbook[]> {
  const { checkFiles, readPrevious, previousProblems } = await loadWorkbookModule();
  const before = previous.length > 0 ? await readPrevious(previous.map(pickedFile), catalog) : undefined;
  const checked = await checkFiles(picked.map(pickedFile), catalog, { ...options, previous: before });
  const files = checked.map((o): CheckedWorkbook => ({ file: o.file, uppdrag: o.uppdrag, rejected: o.reason, problems: o.problems }));
  return [...files, ...previousResult(before ? previousProblems(before, checked) : [])];
}

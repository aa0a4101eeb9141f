/**
 * What the Kontrollera tab checks: the active workbook as the Excel host read it, or picked
 * files; last period's files that could not be paired are shown as a result of their own.
 */
import type { Catalog, Problem } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";
import type { FileOutcome } from "../workbook/collect";
import { NO_PREVIOUS, checkRead, previousProblems } from "../workbook/checkRead";
import { pickedFile } from "./pickedFiles";
import { loadWorkbookModule } from "./workbookModule";
import type { CheckedWorkbook } from "./components/FileResult";

/** Last period's files that could not be paired with a checked workbook, shown as a result of their own. */
const PREVIOUS_FILES = "Förra periodens filer";

export function previousResult(problems: Problem[]): CheckedWorkbook[] {
  return problems.length > 0 ? [{ file: PREVIOUS_FILES, problems }] : [];
}

/** How the pane shows a checked file. */
function checkedWorkbook(o: FileOutcome): CheckedWorkbook {
  return { file: o.file, uppdrag: o.uppdrag, rejected: o.reason, problems: o.problems };
}

/** The active workbook as read by the Excel host, checked as a file is, with notes on last period's files. */
export async function checkActiveOutcome(
  outcome: ReadOutcome,
  catalog: Catalog,
  previous: File[],
): Promise<CheckedWorkbook[]> {
  if (!outcome.ok)
    return [
      { file: outcome.problem.location?.file ?? "Aktiv arbetsbok", rejected: outcome.problem, problems: [] },
    ];
  const before =
    previous.length > 0
      ? await (await loadWorkbookModule()).readPrevious(previous.map(pickedFile), catalog)
      : NO_PREVIOUS;
  const checked = checkRead(outcome.raw.file, "", outcome, before);
  return [
    checkedWorkbook(checked),
    ...previousResult(before.given ? previousProblems(before, [checked]) : []),
  ];
}

/** Picked files checked like the command line does, with notes on last period's files after them. */
export async function checkPickedFiles(
  picked: File[],
  previous: File[],
  catalog: Catalog,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<CheckedWorkbook[]> {
  const { checkFiles, readPrevious } = await loadWorkbookModule();
  const before = previous.length > 0 ? await readPrevious(previous.map(pickedFile), catalog) : undefined;
  const checked = await checkFiles(picked.map(pickedFile), catalog, { ...options, previous: before });
  return [
    ...checked.map(checkedWorkbook),
    ...previousResult(before ? previousProblems(before, checked) : []),
  ];
}

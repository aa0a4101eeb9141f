/** Problems as the pane shows them: grouped by severity, one Swedish line each, with the cell to show. */
import type { Problem, Uppdrag } from "../core/model";
import type { CellRef, HighlightCell } from "./host";
import { formatProblem } from "../core/messages/sv";
import { measureLabel } from "../core/measures";

export interface ProblemGroups {
  errors: Problem[];
  warnings: Problem[];
}

export function groupBySeverity(problems: readonly Problem[]): ProblemGroups {
  return {
    errors: problems.filter((p) => p.severity === "fel"),
    warnings: problems.filter((p) => p.severity === "varning"),
  };
}

/** formatProblem's line without the file name, which the list already shows as its heading. */
export function problemLine(problem: Problem, uppdrag?: Uppdrag): string {
  const label = measureLabel(uppdrag, problem.measureId);
  const { file: _file, ...location } = problem.location ?? {};
  return formatProblem({ ...problem, location }, label);
}

/** The cell a problem is about, when it names both sheet and cell. */
export function cellOf(problem: Problem): CellRef | undefined {
  const { sheet, cell } = problem.location ?? {};
  return sheet && cell ? { sheet, cell } : undefined;
}

export function highlightCells(problems: readonly Problem[]): HighlightCell[] {
  return problems.flatMap((p) => {
    const ref = cellOf(p);
    return ref ? [{ ...ref, severity: p.severity }] : [];
  });
}

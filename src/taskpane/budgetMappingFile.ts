/**
 * The confirmed mapping as a file beside the budget file: `<budget without extension>.mappning.json`,
 * the name the command line looks for, so a mapping made in the pane is found by
 * `uppfoljning rollup --budget` next period and the other way round.
 */
import { downloadBytes } from "./download";

export function budgetMappingFileName(budgetFile: string): string {
  const base = budgetFile.replace(/^.*[\\/]/, "");
  const stem = base.replace(/\.[^.]*$/, "");
  return `${stem || base}.mappning.json`;
}

export const MAPPING_ACCEPT = ".json,application/json";

export function downloadMapping(
  json: string,
  budgetFile: string,
  save: typeof downloadBytes = downloadBytes,
): string {
  const name = budgetMappingFileName(budgetFile);
  save(new TextEncoder().encode(json), name, "application/json;charset=utf-8");
  return name;
}

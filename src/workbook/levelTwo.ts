/**
 * Checked files → their roll-up and the level-2 workbook: the one roll-up sequence for the
 * command line (which writes the bytes to --out) and the task pane (which hands them to its
 * host). How the files were checked (worker threads, picked files) is the front end's affair.
 */
import type { Catalog } from "../core/model";
import type { ExpectedUnit } from "../core/rollup";
import { rollupFiles, type CollectedRollup, type FileOutcome } from "./collect";
import { level2FileName } from "./fileNames";
import { writeLevel2 } from "./writeLevel2";
import type { Comparison } from "../core/comparison/model";

export interface LevelTwo {
  collected: CollectedRollup;
  /** The level-2 workbook. */
  bytes: Uint8Array;
  /** The name it is offered under where the user does not choose one. */
  fileName: string;
  /** Earlier periods and targets beside this roll-up, when asked for. */
  comparison?: Comparison;
}

export interface LevelTwoOptions {
  /** Only this uppdrag; default: the one most files are of. */
  uppdragId?: string;
  expectedUnits?: ExpectedUnit[];
  /** Default: the most common period among the files. */
  period?: string;
  createdAt?: Date;
  /** Earlier periods and targets for the roll-up (comparisonFiles.ts), shown on Översikt. */
  compare?: (collected: CollectedRollup) => Comparison;
}

/** The roll-up of the checked files written as level 2; undefined when no file could be used. */
export async function levelTwoOf(
  outcomes: FileOutcome[],
  catalog: Catalog,
  options: LevelTwoOptions = {},
): Promise<LevelTwo | undefined> {
  const collected = rollupFiles(outcomes, catalog, {
    uppdragId: options.uppdragId,
    expectedUnits: options.expectedUnits,
    period: options.period,
  });
  if (!collected) return undefined;
  const comparison = options.compare?.(collected);
  const bytes = await writeLevel2(collected, { createdAt: options.createdAt, comparison });
  return { collected, bytes, fileName: level2FileName(collected), ...(comparison ? { comparison } : {}) };
}

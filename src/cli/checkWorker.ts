/**
 * A worker thread of parallelCheck: loads the catalog once, then reads and validates the
 * files it is sent, one at a time, and posts each outcome back (without the uppdrag object,
 * which the main thread re-attaches by id).
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type PreviousReports } from "../workbook/collect";
import { cliCatalog, useCatalogFolders } from "./catalog";
import { readRegularFile } from "./readRegular";

export interface WorkerJob {
  index: number;
  name: string;
  path: string;
}

export interface WorkerSetup {
  previous: PreviousReports;
  uppdragId?: string;
  /** The user's catalog folders (already resolved), so the worker knows the same uppdrag. */
  catalogFolders: readonly string[];
}

const setup = workerData as WorkerSetup;
useCatalogFolders(setup.catalogFolders, process.cwd(), {});
const catalog = cliCatalog();
const previous = setup.previous;

parentPort!.on("message", async (job: WorkerJob) => {
  const outcome = await checkFile({ name: job.name, read: async () => readRegularFile(job.path) }, catalog, previous, setup.uppdragId);
  const { uppdrag, ...rest } = outcome;
  parentPort!.postMessage({ index: job.index, outcome: rest, uppdragId: uppdrag?.id });
});

/**
 * A worker thread of parallelCheck: loads the catalog once, then reads and validates the
 * files it is sent, one at a time, and posts each outcome back (without the uppdrag object,
 * which the main thread re-attaches by id). It says "ready" once loaded, so the main thread's
 * time limit per file does not count the worker's start-up.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type PreviousReports } from "../workbook/collect";
import { cliCatalog, useCatalogFolders } from "./catalog";
import { readRegularFile } from "./readRegular";
import { timeLimit } from "../workbook/limits";
import * as path from "node:path";
import { present } from "../core/invariant";

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
  /** The time limit per file, as the main thread has it. */
  fileSeconds: number;
}

const setup = workerData as WorkerSetup;
useCatalogFolders(setup.catalogFolders, process.cwd(), {});
const catalog = cliCatalog();
const previous = setup.previous;
timeLimit.seconds = setup.fileSeconds;

/** Test hook: a worker that never finishes the file so named, as a worker stuck in a step the reader cannot interrupt. */
const hangOn = process.env.UPPFOLJNING_TEST_HANG;

const port = present(parentPort, "worker-trådens port (checkWorker körs bara som worker-tråd)");

port.on("message", async (job: WorkerJob) => {
  if (hangOn && path.basename(job.name) === hangOn) for (;;);
  const outcome = await checkFile(
    { name: job.name, read: async () => readRegularFile(job.path) },
    catalog,
    previous,
    setup.uppdragId,
  );
  const { uppdrag, ...rest } = outcome;
  port.postMessage({ index: job.index, outcome: rest, uppdragId: uppdrag?.id });
});

port.postMessage("ready");

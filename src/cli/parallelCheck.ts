/**
 * checkFiles on several cores: reading a workbook is CPU work, so with many files the command
 * line spreads them over worker threads (one per core, at most 4, with 4 cores or more). Fewer than 200 files take
 * the plain sequential path, unless one of them only SheetJS can read (.xls, .ods, .xlsb): then
 * all go through one worker, which the time limit can end. UPPFOLJNING_WORKERS=0 forces the
 * sequential path; UPPFOLJNING_WORKERS=n forces n
 * workers. The outcomes are the same either way, in the order given. Either way a file has
 * LIMITS.fileSeconds to be read (UPPFOLJNING_FILE_SECONDS sets another limit).
 */
import * as os from "node:os";
import * as path from "node:path";
import * as fs from "node:fs";
import { Worker } from "node:worker_threads";
import type { Catalog } from "../core/model";
import {
  NO_PREVIOUS,
  checkFiles,
  failedFile,
  type CheckOptions,
  type FileOutcome,
  type InputFile,
} from "../workbook/collect";
import type { WorkerJob, WorkerSetup } from "./checkWorker";
import { readRegularFile } from "./readRegular";
import { catalogFolders } from "./catalog";
import { LIMITS, timeLimit, tooSlowProblem } from "../workbook/limits";
import { present } from "../core/invariant";

/**
 * Below this many files a worker's start-up (loading the catalog and SheetJS, ~0,3 s) costs
 * more than it saves: measured on 2 cores, 100 files took 0,69 s with workers, 0,39 s without.
 */
const MIN_FILES_FOR_WORKERS = 200;
/**
 * Nor do workers pay on 2 cores at any size (npm run bench, 2026-11-24, quiet machine: 300 files
 * 4,09 s with workers, 3,19 s without; 1 000 files 9,18 s against 8,82 s): spreading by count only
 * from this many cores, where the reading can outgrow the workers' start-up (not measured here).
 */
const MIN_CORES_FOR_WORKERS = 4;
const WORKER_SCRIPT = path.join(__dirname, "checkWorker.js");
/** A worker's heap: far above what a unit's workbook needs, low enough that a hostile file ends its worker, not the run. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512 };
/**
 * A worker whose file runs this long past the time limit is ended: the reader checks the limit
 * itself, so only a step it cannot interrupt (SheetJS's parse, one long regular expression) gets here.
 */
const BACKSTOP_MARGIN_MS = 1000;

/** The time limit per file: UPPFOLJNING_FILE_SECONDS when it is a positive number, else LIMITS.fileSeconds. */
function fileSeconds(): number {
  const asked = Number(process.env.UPPFOLJNING_FILE_SECONDS);
  return Number.isFinite(asked) && asked > 0 ? asked : LIMITS.fileSeconds;
}

function workerCount(paths: readonly { path: string }[]): number {
  const files = paths.length;
  const asked = process.env.UPPFOLJNING_WORKERS;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  // The worker script exists only in the built package (dist/), not when running from sources.
  if (!fs.existsSync(WORKER_SCRIPT) || files === 0) return 0;
  if (asked !== undefined)
    return Number.isFinite(Number(asked)) && Number(asked) >= 2 ? Math.min(Number(asked), files) : 0;
  if (files >= MIN_FILES_FOR_WORKERS && cores >= MIN_CORES_FOR_WORKERS) return Math.min(cores, 4);
  // SheetJS's parse cannot be interrupted, and its .xls parser can loop forever on a damaged file:
  // files only it reads go through one worker, which the time limit can end.
  return paths.some((p) => onlySheetjsReads(p.path)) ? 1 : 0;
}

/** A file the targeted reader cannot read at all: an OLE container (.xls, also renamed), or not an .xlsx/.xlsm. */
function onlySheetjsReads(file: string): boolean {
  if (!/\.xls[xm]$/i.test(file)) return true;
  try {
    const fd = fs.openSync(file, "r");
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    return head.readUInt32BE(0) === 0xd0cf11e0;
  } catch {
    return false; // the reader reports what is wrong with it
  }
}

export async function checkPaths(
  paths: { name: string; path: string }[],
  catalog: Catalog,
  options: Omit<CheckOptions, "signal"> = {},
): Promise<FileOutcome[]> {
  const files: InputFile[] = paths.map((p) => ({ name: p.name, read: async () => readRegularFile(p.path) }));
  const seconds = (timeLimit.seconds = fileSeconds());
  const workers = workerCount(paths);
  if (workers === 0) return checkFiles(files, catalog, options);

  // Structured clone carries the Map of previous reports to each worker as it is.
  const setup: WorkerSetup = {
    previous: options.previous ?? NO_PREVIOUS,
    uppdragId: options.uppdragId,
    catalogFolders: catalogFolders(),
    fileSeconds: seconds,
  };
  const byId = new Map(catalog.uppdrag.map((u) => [u.id, u]));
  const outcomes: FileOutcome[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const record = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    options.onProgress?.(++done, paths.length);
  };
  /**
   * One worker taking jobs until none are left. A worker that dies (out of its memory limit, a
   * crash) or overruns the time limit takes only the file it was reading down: that file is
   * rejected and a fresh worker goes on with the rest.
   */
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER_SCRIPT, { workerData: setup, resourceLimits: WORKER_LIMITS });
      let current: WorkerJob | undefined;
      let failure: unknown;
      let timedOut = false;
      let backstop: NodeJS.Timeout | undefined;
      /** Set once the worker is being ended: whatever it still posts is ignored. */
      let ending = false;
      const end = () => {
        ending = true;
        void worker.terminate();
      };
      /** Set once the worker has loaded: its start-up does not count against a file's time. */
      let ready = false;
      const armBackstop = (job: WorkerJob) => {
        backstop = setTimeout(
          () => {
            timedOut = current === job;
            end();
          },
          seconds * 1000 + BACKSTOP_MARGIN_MS,
        );
      };
      const send = () => {
        if (next >= paths.length) {
          current = undefined;
          return end();
        }
        const index = next++;
        const file = present(paths[index], `fil nummer ${index + 1}`);
        current = { index, name: file.name, path: file.path };
        worker.postMessage(current);
        if (ready) armBackstop(current);
      };
      worker.on("message", (msg: "ready" | { index: number; outcome: FileOutcome; uppdragId?: string }) => {
        if (ending) return;
        if (msg === "ready") {
          ready = true;
          if (current) armBackstop(current);
          return;
        }
        clearTimeout(backstop);
        record(msg.index, msg.uppdragId ? { ...msg.outcome, uppdrag: byId.get(msg.uppdragId) } : msg.outcome);
        send();
      });
      worker.on("error", (e) => (failure = e));
      worker.on("exit", () => {
        clearTimeout(backstop);
        if (!current) return resolve();
        record(
          current.index,
          timedOut
            ? {
                file: current.name,
                sha256: "",
                status: "rejected",
                reason: tooSlowProblem(current.name, seconds),
                problems: [],
              }
            : failedFile(current.name, failure),
        );
        resolve(next < paths.length ? runWorker() : undefined);
      });
      send();
    });
  await Promise.all(Array.from({ length: workers }, runWorker));
  return outcomes;
}

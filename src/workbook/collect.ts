/**
 * The follow-up cycle on files, shared by the command line and the task pane: read every
 * file, interpret and validate it, and account for each one (used, or rejected and why).
 */
import type { Catalog, Problem, UnitReport, Uppdrag } from "../core/model";
import { problemText } from "../core/messages/sv";
import { systemReason } from "../core/messages/systemErrors";
import { compareFileNames, mostCommon, rollup, type ExpectedUnit, type RollupResult } from "../core/rollup";
import { readUnitWorkbook } from "./readUnit";
import type { LabelRead } from "./identify";
import { NO_PREVIOUS, outcomeOfRead, previousKey, validateOutcome, type PreviousReports } from "./checkRead";

export { NO_PREVIOUS, previousFor, previousOf, previousProblems, type PreviousReports } from "./checkRead";

export interface InputFile {
  /** Name shown in messages (the path as given, or the picked file's name). */
  name: string;
  /** Loads the bytes when the file's turn comes, so memory does not grow with the number of files. */
  read(): Promise<Uint8Array>;
}

export interface FileOutcome {
  file: string;
  sha256: string;
  /**
   * read: could be read (validate); used: in the roll-up; rejected: not used, see `reason`;
   * copy: byte for byte the file `copyOf`, which is used instead (`reason` says so).
   */
  status: "read" | "used" | "rejected" | "copy";
  reason?: Problem;
  copyOf?: string;
  uppdrag?: Uppdrag;
  report?: UnitReport;
  /** Problems in the file's content: reading notes, parsing and validation. */
  problems: Problem[];
  /** Inputs read beside their labels because the file had lost their names (one note in `problems` says so). */
  readByLabel?: LabelRead[];
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Why a file could not be read or interpreted, in Swedish: a file-system error by its errno
 * code, anything else (a bug, a file no limit caught, memory running out) as one sentence, so
 * no English system text reaches the user.
 */
export function failureReason(file: string, e: unknown): Problem {
  const system = systemReason(e);
  const reason = system
    ? `${system.reason} (${system.code})`
    : outOfMemory(e)
      ? "filen kräver mer minne än en arbetsbok kan behöva, så den används inte"
      : "filen gick inte att tolka (ett oväntat fel), så den används inte";
  return { code: "unreadableFile", severity: "fel", location: { file }, params: { file, reason } };
}

function outOfMemory(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | undefined;
  return (
    err?.code === "ERR_WORKER_OUT_OF_MEMORY" ||
    (e instanceof RangeError &&
      /allocation failed|Invalid (string|array|typed array) length/i.test(String(err?.message)))
  );
}

/** One file's failure as its rejection: whatever happened to it, the other files go on. */
export function failedFile(file: string, e: unknown, sha256 = ""): FileOutcome {
  return { file, sha256, status: "rejected", reason: failureReason(file, e), problems: [] };
}

/** Reads and interprets one file without validating it. Never throws: a failure is the file's rejection. */
export async function readFile(file: InputFile, catalog: Catalog): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (e) {
    return failedFile(file.name, e);
  }
  const sha256 = await sha256Hex(bytes);
  try {
    return outcomeOfRead(file.name, sha256, readUnitWorkbook(bytes, file.name, catalog));
  } catch (e) {
    return failedFile(file.name, e, sha256);
  }
}

export interface CheckOptions {
  /** Only files of this uppdrag; others are rejected with a message. */
  uppdragId?: string;
  /** Last period's files as readPrevious gave them, for the continuity checks (matched by uppdrag and unit). */
  previous?: PreviousReports;
  /** Called after each file, for progress. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export class CancelledError extends Error {
  constructor() {
    super("Avbrutet.");
  }
}

/** Reads last period's files; never throws on a bad one, it becomes a warning instead. */
export async function readPrevious(files: readonly InputFile[], catalog: Catalog): Promise<PreviousReports> {
  const read: { outcome: FileOutcome; report: UnitReport }[] = [];
  const problems: Problem[] = [];
  for (const p of files) {
    const outcome = await readFile(p, catalog);
    if (outcome.report) read.push({ outcome, report: outcome.report });
    else if (outcome.reason)
      problems.push({
        code: "previousUnreadable",
        severity: "varning",
        location: { file: outcome.file },
        params: { file: outcome.file, reason: problemText(outcome.reason) },
      });
  }
  const groups = new Map<string, (typeof read)[number][]>();
  for (const r of read) groups.set(previousKey(r.report), [...(groups.get(previousKey(r.report)) ?? []), r]);
  const byUnit = new Map<string, UnitReport>();
  for (const [key, group] of groups) {
    // Order-independent: copies of one file are one file; different files for one unit pair with nothing.
    const sorted = group.sort((a, b) => compareFileNames(a.outcome.file, b.outcome.file));
    const [first] = sorted;
    if (first && new Set(sorted.map((r) => r.outcome.sha256)).size === 1) byUnit.set(key, first.report);
    else
      for (const { outcome: o, report } of sorted)
        problems.push({
          code: "previousAmbiguous",
          severity: "varning",
          location: { file: o.file },
          params: { file: o.file, unit: report.unit, files: sorted.map((x) => x.outcome.file).join(", ") },
        });
  }
  return { given: files.length > 0, byUnit, problems };
}

/** Reads and validates one file. Never throws: a failure is the file's rejection. */
export async function checkFile(
  file: InputFile,
  catalog: Catalog,
  previous: PreviousReports,
  uppdragId?: string,
): Promise<FileOutcome> {
  const outcome = await readFile(file, catalog);
  if (!outcome.report || !outcome.uppdrag) return outcome;
  try {
    return validateOutcome(
      { ...outcome, report: outcome.report, uppdrag: outcome.uppdrag },
      previous,
      uppdragId,
    );
  } catch (e) {
    return failedFile(file.name, e, outcome.sha256);
  }
}

/** Reads and validates every file; one outcome per file, in the order given. */
export async function checkFiles(
  files: readonly InputFile[],
  catalog: Catalog,
  options: CheckOptions = {},
): Promise<FileOutcome[]> {
  const previous = options.previous ?? NO_PREVIOUS;
  const outcomes: FileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    if (options.signal?.aborted) throw new CancelledError();
    outcomes.push(await checkFile(file, catalog, previous, options.uppdragId));
    options.onProgress?.(i + 1, files.length);
  }
  return outcomes;
}

export interface CollectedRollup {
  uppdrag: Uppdrag;
  result: RollupResult;
  files: FileOutcome[];
}

/**
 * Rolls up checked files. The uppdrag is the one asked for, else the one most files are of;
 * files of other uppdrag, periods or versions and units with different files are marked
 * rejected; a file identical (SHA-256) to the one used for its unit is marked a copy.
 * A file whose content has errors is still used (ERROR_POLICY): what could not be read is
 * missing, not 0; readable values count, and figures built on values with errors are flagged.
 */
export function rollupFiles(
  outcomes: FileOutcome[],
  catalog: Catalog,
  options: { uppdragId?: string; expectedUnits?: ExpectedUnit[]; period?: string } = {},
): CollectedRollup | undefined {
  const readable = outcomes.flatMap((o) =>
    o.status !== "rejected" && o.report && o.uppdrag ? [{ ...o, report: o.report, uppdrag: o.uppdrag }] : [],
  );
  const chosenId = options.uppdragId ?? mostCommon(readable.map((o) => o.uppdrag.id));
  const uppdrag = catalog.uppdrag.find((u) => u.id === chosenId);
  if (!uppdrag) return undefined;
  const fileProblems = new Map<string, Problem[]>();
  for (const o of readable)
    fileProblems.set(o.report.file, [...(fileProblems.get(o.report.file) ?? []), ...o.problems]);
  const hashOf = new Map(readable.map((o) => [o.file, o.sha256]));
  const result = rollup(
    uppdrag,
    readable.map((o) => o.report),
    {
      expectedUnits: options.expectedUnits,
      period: options.period,
      fileProblems,
      contentKey: (r) => hashOf.get(r.file),
    },
  );
  const rejectedFiles = new Map(result.rejected.map((r) => [r.report.file, r.problem]));
  const copies = new Map(result.copies.map((c) => [c.report.file, c]));
  const files = outcomes.map((o): FileOutcome => {
    if (o.status === "rejected") return o;
    const reason = rejectedFiles.get(o.file);
    const copy = copies.get(o.file);
    if (copy) return { ...o, status: "copy", copyOf: copy.copyOf.file, reason: copy.problem };
    return reason ? { ...o, status: "rejected", reason } : { ...o, status: "used" };
  });
  return { uppdrag, result, files };
}

/**
 * Every problem of a roll-up once: each file's rejection and content problems (with the file
 * as location when the problem has none), then the units expected but missing or not expected
 * and the units that sent different files. Rejections made by the roll-up are already the
 * files' reasons; a copy's content problems are those of the file used, listed there.
 */
export function runProblems(c: CollectedRollup): Problem[] {
  const out: Problem[] = [];
  for (const f of c.files) {
    for (const p of [...(f.reason ? [f.reason] : []), ...contentProblems(f)])
      out.push(p.location?.file ? p : { ...p, location: { ...p.location, file: f.file } });
  }
  out.push(...c.result.problems.filter((p) => UNIT_PROBLEMS.has(p.code)));
  return out;
}

const UNIT_PROBLEMS = new Set(["unitMissing", "unitNotExpected", "unitConflictingFiles"]);

/** A file's content problems as the run counts them: none for a copy (they are the used file's). */
export function contentProblems(f: FileOutcome): Problem[] {
  return f.status === "copy" ? [] : f.problems;
}

/** How many files a roll-up used, how many of those have errors (they still count, see ERROR_POLICY), copies, and how many it set aside. */
export function fileSummary(files: readonly FileOutcome[]) {
  const used = files.filter((f) => f.status === "used");
  const usedWithErrors = used.filter((f) => f.problems.some((p) => p.severity === "fel")).length;
  const copies = files.filter((f) => f.status === "copy").length;
  return {
    files: files.length,
    used: used.length,
    usedWithErrors,
    copies,
    rejected: files.length - used.length - copies,
  };
}

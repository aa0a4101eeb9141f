/**
 * How much of a workbook the reader will take on, whatever arrives by e-mail. A filled
 * template is about 25 KB zipped and under 1 MB unzipped; every limit is far above that and
 * far below what would take a run down. A file past a limit is rejected with a Swedish
 * message naming it (WorkbookRejected), never read in part.
 */
import type { Problem } from "../core/model";
import type { RestParams } from "../core/messages/codes";
import { fileProblem, type FileCode } from "./identify";

export const LIMITS = {
  /** Bytes of the file as it arrives. */
  fileBytes: 16 * 1024 * 1024,
  /** Bytes one zip entry may inflate to (declared size and actual size while inflating). */
  entryBytes: 16 * 1024 * 1024,
  /** Bytes all entries read from one file may inflate to together. */
  totalBytes: 40 * 1024 * 1024,
  /**
   * Bytes SheetJS's full parse may be given (all entries it reads, inflated; an .xls as it is).
   * A template is about 100 KB; the parse cannot be interrupted and takes about 0,3 s a MB.
   */
  fullReadBytes: 4 * 1024 * 1024,
  /** Entries in the zip (each sheet is one; a template has about 15). */
  zipEntries: 2000,
  /** Sheets in the workbook (a template has 3–6). */
  sheets: 200,
  /** Cells a defined name of an input may point to (the longest list of cases is 200 rows). */
  nameCells: 5000,
  /** Rows with content searched per sheet when names are lost and labels are looked for. */
  scanRows: 20_000,
  /** Cells with content searched per sheet in that case. */
  scanCells: 200_000,
  /**
   * Seconds one file may take to read (a filled template takes a few hundredths): the reader's
   * loops check it, so a file made to be slow is rejected instead of holding up the run.
   */
  fileSeconds: 2,
} as const;

const mb = (bytes: number) => String(Math.round(bytes / (1024 * 1024)));

/** A file refused as a whole by a limit or a broken structure; the problem names the file. */
export class WorkbookRejected extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

export const reject = <C extends FileCode>(
  code: C,
  file: string,
  ...params: RestParams<C, "file">
): never => {
  throw new WorkbookRejected(fileProblem(code, file, ...params));
};

export const rejectFileSize = (file: string, bytes: number): never =>
  reject("fileTooLarge", file, { size: mb(bytes), max: mb(LIMITS.fileBytes) });
export const rejectEntrySize = (file: string, entry: string): never =>
  reject("zipEntryTooLarge", file, { entry, max: mb(LIMITS.entryBytes) });
/**
 * The time one file's reading may take, checked in the reader's loops (inflating, scanning
 * XML, labels, shared strings). Wall-clock time: what the user waits for. A single call that
 * cannot be interrupted (SheetJS's parse) is checked after it returns; the worker path also
 * ends a worker that overruns (parallelCheck).
 */
export class Deadline {
  private readonly end: number;

  constructor(
    readonly file: string,
    readonly seconds: number = timeLimit.seconds,
  ) {
    this.end = performance.now() + seconds * 1000;
  }

  /** Rejects the file once its time is up. */
  check(): void {
    if (performance.now() > this.end) rejectTooSlow(this.file, this.seconds);
  }
}

/** The time limit in force: LIMITS.fileSeconds, unless the command line was given another (UPPFOLJNING_FILE_SECONDS). */
export const timeLimit = { seconds: LIMITS.fileSeconds as number };

/** A file past the time limit, in Swedish: the reader's own check and the worker path's backstop say the same. */
export const tooSlowProblem = (file: string, seconds: number): Problem =>
  fileProblem("fileTooSlow", file, { seconds: String(seconds).replace(".", ",") });
export const rejectTooSlow = (file: string, seconds: number): never => {
  throw new WorkbookRejected(tooSlowProblem(file, seconds));
};
export const rejectFullReadSize = (file: string): never =>
  reject("fullReadTooLarge", file, { max: mb(LIMITS.fullReadBytes) });
export const rejectTotalSize = (file: string): never =>
  reject("zipTotalTooLarge", file, { max: mb(LIMITS.totalBytes) });

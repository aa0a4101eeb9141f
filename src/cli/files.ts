/** File arguments: folders expand to the files in them; nothing given is ever written to. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { InputFile } from "../workbook/collect";
import type { ExpectedUnit } from "../core/rollup";
import type { Uppdrag } from "../core/model";
import { parseUnitList } from "../core/unitList";
import { UsageError } from "./io";
import { readRegularFile } from "./readRegular";

/** What a unit may send back: the spreadsheet formats the reader takes. */
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]);

export function looksLikeWorkbook(file: string): boolean {
  return WORKBOOK_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Why a folder entry or a named path that is no regular file or folder is not opened. */
const SPECIAL_FILE = "ingen vanlig fil (t.ex. en FIFO, ett uttag eller en enhet) och öppnas inte";
const DANGLING_LINK = "en länk som pekar på något som inte finns";
const LINK_LOOP = "en länk i en cirkel av länkar";

/** stat that follows links, and says why when it cannot. */
function statOrWhy(full: string): fs.Stats | string {
  try {
    return fs.statSync(full);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ELOOP" ? LINK_LOOP : DANGLING_LINK;
  }
}

/**
 * Files and folders → the files, in a stable order. In folders, Excel's lock files (~$x.xlsx,
 * present while someone has the file open), hidden files and files that are no workbook by
 * their extension (the units list `create` writes, a Word document, a PDF) are not inputs: they
 * are passed to `skipped` so the command can still account for them. Symbolic links are
 * followed (a folder reached twice through links is read once); a dangling link, a FIFO, a
 * socket or a device is skipped and never opened (opening a FIFO would wait forever). A file
 * with a workbook extension is taken even when it turns out unreadable (then it is rejected,
 * not skipped), and a regular file named explicitly is always taken.
 */
export function expandPaths(
  args: string[],
  cwd: string,
  skipped: (file: string, why: string) => void = () => undefined,
): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (dir: string) => {
    const real = fs.realpathSync(dir);
    if (walked.has(real)) return;
    walked.add(real);
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith("~$")) skipped(full, "Excels låsfil för en öppen arbetsbok");
      else if (e.name.startsWith(".")) skipped(full, "dold fil");
      else if (e.isSymbolicLink()) entry(full, statOrWhy(full));
      else if (e.isDirectory()) walk(full);
      else if (e.isFile()) entry(full, undefined);
      else skipped(full, SPECIAL_FILE);
    }
  };
  /** A folder entry by what it is (for a link: what it points to). */
  const entry = (full: string, stats: fs.Stats | string | undefined) => {
    if (typeof stats === "string") skipped(full, stats);
    else if (stats?.isDirectory()) walk(full);
    else if (stats && !stats.isFile()) skipped(full, SPECIAL_FILE);
    else if (looksLikeWorkbook(full)) out.push(full);
    else skipped(full, "ingen arbetsbok");
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    const stats = statOrWhy(full);
    if (typeof stats === "string") {
      if (!fs.existsSync(full) && !isLink(full))
        throw new UsageError(`Filen eller mappen "${arg}" finns inte.`);
      skipped(full, stats);
    } else if (stats.isDirectory()) walk(full);
    else if (stats.isFile()) out.push(full);
    else skipped(full, SPECIAL_FILE);
  }
  return [...new Set(out)];
}

function isLink(full: string): boolean {
  try {
    return fs.lstatSync(full).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Collects what expandPaths skipped, to print as "hoppades över" and to list in JSON. */
export function skipList(cwd: string) {
  const skipped: { file: string; reason: string }[] = [];
  return {
    skipped,
    note: (file: string, why: string) =>
      skipped.push({ file: path.relative(cwd, file) || file, reason: why }),
  };
}

/** Files as the pipeline names them: relative to where the command was run. */
export function namedPaths(paths: string[], cwd: string): { name: string; path: string }[] {
  return paths.map((p) => ({ name: path.relative(cwd, p) || p, path: p }));
}

/** Files for the pipeline, read when their turn comes. */
export function readInputFiles(paths: string[], cwd: string): InputFile[] {
  return namedPaths(paths, cwd).map((f) => ({ name: f.name, read: async () => readRegularFile(f.path) }));
}

/** Reads a units file (see core/unitList); its mistakes are a usage error naming file and line. */
export function readUnitsFile(file: string, cwd: string, uppdrag?: Uppdrag): ExpectedUnit[] {
  const full = path.resolve(cwd, file);
  if (!fs.existsSync(full)) throw new UsageError(`Enhetslistan "${file}" finns inte.`);
  const { units, errors } = parseUnitList(fs.readFileSync(full, "utf8"), uppdrag);
  if (errors.length > 0) throw new UsageError(`Enhetslistan ${file}:\n${errors.join("\n")}`);
  if (units.length === 0) throw new UsageError(`Enhetslistan "${file}" innehåller inga enheter.`);
  return units;
}

/** Where a path really leads: links resolved; for a file not yet there, its folder's real path and its name. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

/** The same file on disk (a hard link, or a link resolved differently): same device and inode. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses to write over one of the inputs: the output path is resolved to the real file first,
 * so a --out or --csv that is a link to an input (or a hard link to it) is refused too.
 */
export function assertNotAnInput(out: string, inputs: string[], cwd: string) {
  const target = path.resolve(cwd, out);
  const real = realTarget(target);
  if (inputs.some((i) => path.resolve(i) === target || realTarget(i) === real || sameFile(i, target)))
    throw new UsageError(`Utfilen ${out} är en av indatafilerna; indata skrivs aldrig över.`);
}

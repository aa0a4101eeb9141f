/** File arguments: folders expand to the files in them; nothing given is ever written to. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { InputFile } from "../workbook/collect";
import type { ExpectedUnit } from "../core/rollup";
import type { Uppdrag } from "../core/model";
import { parseUnitList } from "../core/unitList";
import { UsageError } from "./io";

/** What a unit may send back: the spreadsheet formats the reader takes. */
const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]);

export function looksLikeWorkbook(file: string): boolean {
  return WORKBOOK_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/**
 * Files and folders → the files, in a stable order. In folders, Excel's lock files (~$x.xlsx,
 * present while someone has the file open), hidden files and files that are no workbook by
 * their extension (the units list `create` writes, a Word document, a PDF) are not inputs: they
 * are passed to `skipped` so the command can still account for them. A file with a workbook
 * extension is taken even when it turns out unreadable (then it is rejected, not skipped), and
 * a file named explicitly is always taken.
 */
export function expandPaths(args: string[], cwd: string, skipped: (file: string, why: string) => void = () => undefined): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith("~$")) skipped(full, "Excels låsfil för en öppen arbetsbok");
      else if (e.name.startsWith(".")) skipped(full, "dold fil");
      else if (e.isDirectory()) walk(full);
      else if (e.isFile() && looksLikeWorkbook(e.name)) out.push(full);
      else if (e.isFile()) skipped(full, "ingen arbetsbok");
    }
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    if (!fs.existsSync(full)) throw new UsageError(`Filen eller mappen "${arg}" finns inte.`);
    if (fs.statSync(full).isDirectory()) walk(full);
    else out.push(full);
  }
  return [...new Set(out)];
}

/** Collects what expandPaths skipped, to print as "hoppades över" and to list in JSON. */
export function skipList(cwd: string) {
  const skipped: { file: string; reason: string }[] = [];
  return { skipped, note: (file: string, why: string) => skipped.push({ file: path.relative(cwd, file) || file, reason: why }) };
}

/** Files as the pipeline names them: relative to where the command was run. */
export function namedPaths(paths: string[], cwd: string): { name: string; path: string }[] {
  return paths.map((p) => ({ name: path.relative(cwd, p) || p, path: p }));
}

/** Files for the pipeline, read when their turn comes. */
export function readInputFiles(paths: string[], cwd: string): InputFile[] {
  return namedPaths(paths, cwd).map((f) => ({ name: f.name, read: async () => new Uint8Array(await fs.promises.readFile(f.path)) }));
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

/** Refuses to write over one of the inputs. */
export function assertNotAnInput(out: string, inputs: string[], cwd: string) {
  const target = path.resolve(cwd, out);
  if (inputs.some((i) => path.resolve(i) === target)) throw new UsageError(`Utfilen ${out} är en av indatafilerna; indata skrivs aldrig över.`);
}

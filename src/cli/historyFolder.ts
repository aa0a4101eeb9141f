/**
 * `--historik <mapp>`: every file in the folder is read as an earlier period's record (a
 * level-2 workbook or its CSV), or accounted for as not read and why (a hidden file, Excel's
 * lock file, a file of another kind, a sub-folder). Nothing in the folder is written to.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { NamedBytes } from "../workbook/comparisonFiles";
import { UsageError } from "./io";

const READABLE = new Set([".xlsx", ".xlsm", ".xls", ".ods", ".csv"]);

export interface HistoryFolder {
  files: NamedBytes[];
  /** Entries not read, with the reason in Swedish. */
  skipped: { file: string; reason: string }[];
}

export function readHistoryFolder(folder: string, cwd: string): HistoryFolder {
  const dir = path.resolve(cwd, folder);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new UsageError(`--historik: mappen ${folder} finns inte eller kan inte läsas.`);
  }
  const files: NamedBytes[] = [];
  const skipped: HistoryFolder["skipped"] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const name = path.join(folder, e.name);
    const full = path.join(dir, e.name);
    if (e.name.startsWith("~$")) skipped.push({ file: name, reason: "Excels låsfil för en öppen arbetsbok" });
    else if (e.name.startsWith(".")) skipped.push({ file: name, reason: "dold fil" });
    else if (!READABLE.has(path.extname(e.name).toLowerCase()))
      skipped.push({ file: name, reason: "varken en nivå 2-arbetsbok (.xlsx) eller en CSV-fil" });
    else {
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(full);
      } catch {
        stat = undefined;
      }
      if (!stat?.isFile()) skipped.push({ file: name, reason: "ingen vanlig fil" });
      else files.push({ name, bytes: new Uint8Array(fs.readFileSync(full)) });
    }
  }
  return { files, skipped };
}

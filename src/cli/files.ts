/** File arguments: folders expand to the files in them; nothing given is ever written to. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { InputFile } from "../workbook/collect";
import type { ExpectedUnit } from "../core/rollup";
import { UsageError } from "./io";

/** Files and folders → the files, in a stable order. Excel's lock files (~$x.xlsx) and hidden files are skipped. */
export function expandPaths(args: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(full);
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

/** Reads files for the pipeline; names are shown relative to where the command was run. */
export function readInputFiles(paths: string[], cwd: string): InputFile[] {
  return paths.map((p) => ({ name: path.relative(cwd, p) || p, read: async () => new Uint8Array(await fs.promises.readFile(p)) }));
}

/**
 * A units file: one unit a line; "Enhet; del1, del2" names the parts its workbook covers.
 * Blank lines and lines starting with # are ignored.
 */
export function parseUnitsFile(text: string): ExpectedUnit[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const [unit, parts] = l.split(";").map((s) => s.trim());
      const list = parts ? parts.split(",").map((p) => p.trim()).filter((p) => p !== "") : [];
      return list.length > 0 ? { unit: unit!, parts: list } : { unit: unit! };
    });
}

export function formatUnitsFile(units: ExpectedUnit[]): string {
  return `# Förväntade enheter, en per rad ("Enhet; del1, del2" för en blankett som gäller vissa delar)\n${units.map((u) => (u.parts ? `${u.unit}; ${u.parts.join(", ")}` : u.unit)).join("\n")}\n`;
}

export function readUnitsFile(file: string, cwd: string): ExpectedUnit[] {
  const full = path.resolve(cwd, file);
  if (!fs.existsSync(full)) throw new UsageError(`Enhetslistan "${file}" finns inte.`);
  const units = parseUnitsFile(fs.readFileSync(full, "utf8"));
  if (units.length === 0) throw new UsageError(`Enhetslistan "${file}" innehåller inga enheter.`);
  return units;
}

/** A file name from a unit's name: "Team Norr/Öst" → "Team-Norr-Ost". */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "enhet";
}

/** Refuses to write over one of the inputs. */
export function assertNotAnInput(out: string, inputs: string[], cwd: string) {
  const target = path.resolve(cwd, out);
  if (inputs.some((i) => path.resolve(i) === target)) throw new UsageError(`Utfilen ${out} är en av indatafilerna; indata skrivs aldrig över.`);
}

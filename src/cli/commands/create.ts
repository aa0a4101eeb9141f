/**
 * `uppfoljning create <uppdrag> --unit "<enhet>" --period 2025H1 --out fil.xlsx`
 * `uppfoljning create <uppdrag> --units enheter.txt --period 2025H1 --out-dir mapp/`
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Uppdrag } from "../../core/model";
import type { ExpectedUnit } from "../../core/rollup";
import { checkPeriodFor, unknownPartErrors } from "../../core/templateRequest";
import { planTemplates } from "../../workbook/createTemplates";
import { requireUppdrag } from "../catalog";
import { readUnitsFile } from "../files";
import { formatUnitList } from "../../core/unitList";
import { EXPECTED_UNITS_FILE } from "../../workbook/fileNames";
import { EXIT, UsageError, type Io } from "../io";
import { count } from "../../core/messages/count";
import { requireExtension } from "../outputNames";
import { present } from "../../core/invariant";

export interface CreateOptions {
  unit?: string;
  units?: string;
  parts?: string;
  period: string;
  out?: string;
  outDir?: string;
  due?: string;
  contact?: string;
  /** Replace files that already exist (otherwise nothing is written over). */
  skrivOver?: boolean;
}

export { EXPECTED_UNITS_FILE };

function periodFor(uppdrag: Uppdrag, code: string) {
  const check = checkPeriodFor(uppdrag, code);
  if (!check.ok) throw new UsageError(check.error);
  return check.period;
}

/** --due must be a day that exists: 2025-13-45 is refused, not printed in every template. */
export function checkDueDate(due: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new UsageError(
      `Sista dag "${due}" är inget datum. Skriv ett datum som finns, ÅÅÅÅ-MM-DD, t.ex. 2025-08-31.`,
    );
  }
  return due;
}

/** A file to write; one that exists is left alone unless --skriv-over was given. */
interface Planned {
  file: string;
  shown: string;
  bytes: () => Promise<Uint8Array | string>;
  /** The same content is already there (the list of expected units): nothing to overwrite. */
  unchangedIf?: string;
}

/** Writes all or, when a file is there already and overwriting was not asked for, nothing. Returns what was written over. */
async function writeAll(planned: Planned[], overwrite: boolean): Promise<Planned[]> {
  const existing = planned.filter(
    (p) =>
      fs.existsSync(p.file) &&
      !(p.unchangedIf !== undefined && fs.readFileSync(p.file, "utf8") === p.unchangedIf),
  );
  if (existing.length > 0 && !overwrite) {
    throw new UsageError(
      `${count(existing.length, "fil", "filer")} finns redan och skrivs inte över:\n${existing.map((p) => `  ${p.shown}`).join("\n")}\n` +
        "Ingenting skrevs. Välj en annan fil eller mapp, eller lägg till --skriv-over för att ersätta dem.",
    );
  }
  for (const p of planned) {
    if (p.unchangedIf !== undefined && fs.existsSync(p.file) && !existing.includes(p)) continue;
    fs.mkdirSync(path.dirname(p.file), { recursive: true });
    fs.writeFileSync(p.file, await p.bytes(), { flag: overwrite ? "w" : "wx" }); // wx: not even a file that appeared meanwhile
  }
  return existing;
}

function replacedText(replaced: Planned[]): string {
  return replaced.length === 0
    ? ""
    : `\nSkrev över (--skriv-over) ${count(replaced.length, "fil", "filer")}: ${replaced.map((p) => p.shown).join(", ")}.`;
}

export async function createCommand(io: Io, uppdragId: string, options: CreateOptions): Promise<number> {
  const uppdrag = requireUppdrag(uppdragId);
  const period = periodFor(uppdrag, options.period);
  const common = {
    dueDate: options.due === undefined ? undefined : checkDueDate(options.due),
    contact: options.contact,
  };
  const overwrite = options.skrivOver === true;

  if (options.unit !== undefined) {
    const parts = options.parts
      ? options.parts
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean)
      : undefined;
    const unknownPart = unknownPartErrors(uppdrag, parts)[0];
    if (unknownPart) throw new UsageError(`--parts: ${unknownPart}`);
    if (!options.out) throw new UsageError("Ange --out <fil.xlsx> för mallen.");
    requireExtension("--out", options.out, ".xlsx", "mallen är en Excel-arbetsbok");
    const [template] = planTemplates(uppdrag, period, [{ unit: options.unit, parts }], common);
    const replaced = await writeAll(
      [
        {
          file: path.resolve(io.cwd, options.out),
          shown: options.out,
          bytes: present(template, "mallen").write,
        },
      ],
      overwrite,
    );
    io.out(
      `Skapade ${options.out} (${uppdrag.name}, ${options.unit}, ${period.label}).${replacedText(replaced)}`,
    );
    return EXIT.ok;
  }
  if (options.units !== undefined) {
    if (!options.outDir) throw new UsageError("Ange --out-dir <mapp> för mallarna.");
    const units: ExpectedUnit[] = readUnitsFile(options.units, io.cwd, uppdrag);
    const outDir = options.outDir;
    const dir = path.resolve(io.cwd, outDir);
    const at = (name: string) => ({ file: path.join(dir, name), shown: path.join(outDir, name) });
    const list = formatUnitList(units);
    const planned: Planned[] = [
      ...planTemplates(uppdrag, period, units, common).map((t) => ({ ...at(t.fileName), bytes: t.write })),
      { ...at(EXPECTED_UNITS_FILE), bytes: async () => list, unchangedIf: list },
    ];
    const replaced = await writeAll(planned, overwrite);
    io.out(
      `Skapade ${count(units.length, "mall", "mallar")} i ${options.outDir} och listan ${EXPECTED_UNITS_FILE} för sammanställningen.${replacedText(replaced)}`,
    );
    return EXIT.ok;
  }
  throw new UsageError('Ange --unit "<enhet>" (en mall) eller --units <fil> (en mall per rad).');
}

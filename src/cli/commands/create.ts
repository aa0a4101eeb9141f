/**
 * `uppfoljning create <uppdrag> --unit "<enhet>" --period 2025H1 --out fil.xlsx`
 * `uppfoljning create <uppdrag> --units enheter.txt --period 2025H1 --out-dir mapp/`
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Uppdrag } from "../../core/model";
import type { ExpectedUnit } from "../../core/rollup";
import { parsePeriod } from "../../core/period";
import { FREQUENCY_LABELS } from "../../core/messages/labels";
import { writeTemplate } from "../../workbook/template";
import { requireUppdrag } from "../catalog";
import { readUnitsFile } from "../files";
import { formatUnitList } from "../../core/unitList";
import { templateFileName } from "../../workbook/fileNames";
import { EXIT, UsageError, type Io } from "../io";

export interface CreateOptions {
  unit?: string;
  units?: string;
  parts?: string;
  period: string;
  out?: string;
  outDir?: string;
  due?: string;
  contact?: string;
}

export const EXPECTED_UNITS_FILE = "forvantade-enheter.txt";

function checkPeriod(uppdrag: Uppdrag, code: string) {
  const period = parsePeriod(code);
  if (!period) throw new UsageError(`Perioden "${code}" känns inte igen. Skriv t.ex. 2025H1 (halvår), 2025T2 (tertial), 2025M03 (månad) eller 2025 (helår).`);
  if (!uppdrag.frequency.includes(period.frequency)) {
    throw new UsageError(`${uppdrag.name} följs upp per ${uppdrag.frequency.map((f) => FREQUENCY_LABELS[f]).join(" eller ")}, inte per ${FREQUENCY_LABELS[period.frequency]}.`);
  }
  return period;
}

function checkParts(uppdrag: Uppdrag, parts: string[] | undefined, where: string) {
  for (const p of parts ?? []) {
    if (!uppdrag.parts.some((x) => x.id === p)) {
      throw new UsageError(`${where}: delen "${p}" finns inte i ${uppdrag.name}. Delar: ${uppdrag.parts.map((x) => x.id).join(", ") || "(inga)"}.`);
    }
  }
}

export async function createCommand(io: Io, uppdragId: string, options: CreateOptions): Promise<number> {
  const uppdrag = requireUppdrag(uppdragId);
  const period = checkPeriod(uppdrag, options.period);
  if (options.due && !/^\d{4}-\d{2}-\d{2}$/.test(options.due)) throw new UsageError(`Sista dag "${options.due}" ska skrivas ÅÅÅÅ-MM-DD.`);
  const common = { period: period.code, dueDate: options.due, contact: options.contact };

  if (options.unit !== undefined) {
    const parts = options.parts ? options.parts.split(",").map((p) => p.trim()).filter(Boolean) : undefined;
    checkParts(uppdrag, parts, "--parts");
    if (!options.out) throw new UsageError("Ange --out <fil.xlsx> för mallen.");
    const out = path.resolve(io.cwd, options.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, await writeTemplate(uppdrag, { ...common, unit: options.unit, parts }));
    io.out(`Skapade ${options.out} (${uppdrag.name}, ${options.unit}, ${period.label}).`);
    return EXIT.ok;
  }
  if (options.units !== undefined) {
    if (!options.outDir) throw new UsageError("Ange --out-dir <mapp> för mallarna.");
    const units: ExpectedUnit[] = readUnitsFile(options.units, io.cwd, uppdrag);
    const dir = path.resolve(io.cwd, options.outDir);
    fs.mkdirSync(dir, { recursive: true });
    for (const u of units) fs.writeFileSync(path.join(dir, templateFileName(uppdrag, period.code, u.unit)), await writeTemplate(uppdrag, { ...common, unit: u.unit, parts: u.parts }));
    fs.writeFileSync(path.join(dir, EXPECTED_UNITS_FILE), formatUnitList(units), "utf8");
    io.out(`Skapade ${units.length} mallar i ${options.outDir} och listan ${EXPECTED_UNITS_FILE} för sammanställningen.`);
    return EXIT.ok;
  }
  throw new UsageError("Ange --unit \"<enhet>\" (en mall) eller --units <fil> (en mall per rad).");
}

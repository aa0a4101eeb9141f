/**
 * `uppfoljning ekonomi-mall <uppdrag> --units <fil> --period <period> --out <fil.xlsx>`: the budget
 * workbook finance fills in, one row per unit of the units list (the same list as `create --units`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkPeriodFor } from "../../core/templateRequest";
import { budgetScenarios, budgetTemplateErrors, writeBudgetTemplate } from "../../workbook/budgetTemplate";
import { requireUppdrag } from "../catalog";
import { readUnitsFile } from "../files";
import { EXIT, UsageError, type Io } from "../io";
import { requireExtension } from "../outputNames";
import { count } from "../../core/messages/count";

export interface EkonomiMallOptions {
  units: string;
  period: string;
  out: string;
  /** Helårsprognos columns; undefined: for a period shorter than a year. */
  prognos?: boolean;
  skrivOver?: boolean;
}

export async function ekonomiMallCommand(
  io: Io,
  uppdragId: string,
  options: EkonomiMallOptions,
): Promise<number> {
  const uppdrag = requireUppdrag(uppdragId);
  const check = checkPeriodFor(uppdrag, options.period);
  if (!check.ok) throw new UsageError(check.error);
  requireExtension("--out", options.out, ".xlsx", "budgetmallen är en Excel-arbetsbok");
  const units = readUnitsFile(options.units, io.cwd, uppdrag).map((u) => u.unit);
  const errors = budgetTemplateErrors(units);
  if (errors.length > 0) throw new UsageError(`Enhetslistan ${options.units}:\n${errors.join("\n")}`);
  const file = path.resolve(io.cwd, options.out);
  const existed = fs.existsSync(file);
  if (existed && options.skrivOver !== true)
    throw new UsageError(
      `${options.out} finns redan och skrivs inte över. Välj ett annat filnamn eller lägg till --skriv-over för att ersätta den.`,
    );
  const bytes = await writeBudgetTemplate(uppdrag, {
    units,
    period: check.period.code,
    ...(options.prognos === undefined ? {} : { prognos: options.prognos }),
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes, { flag: options.skrivOver === true ? "w" : "wx" });
  const columns = budgetScenarios(check.period, options.prognos).map((s) => s.header.replace(" (tkr)", ""));
  io.out(
    `Skapade budgetmallen ${options.out} (${uppdrag.name}, ${check.period.label}, ${count(units.length, "enhet", "enheter")}; ${columns.join(", ")}).${existed ? " Skrev över den tidigare filen (--skriv-over)." : ""}`,
  );
  io.out(
    `Fyll i de gula cellerna i tkr och kontrollera sedan filen med: uppfoljning ekonomi ${options.out} --enheter ${options.units}`,
  );
  return EXIT.ok;
}

/** `uppfoljning mal-mall <uppdrag> --ar <år> --out mal.xlsx`: an empty targets file to fill in. */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeTargetsWorkbook } from "../../workbook/targetsTemplate";
import { requireUppdrag } from "../catalog";
import { EXIT, UsageError, type Io } from "../io";
import { requireExtension } from "../outputNames";

export async function targetsTemplateCommand(
  io: Io,
  uppdragId: string,
  options: { ar: string; out: string; skrivOver?: boolean },
): Promise<number> {
  const uppdrag = requireUppdrag(uppdragId);
  if (!/^(20\d\d|2100)$/.test(options.ar.trim()))
    throw new UsageError(`--ar: "${options.ar}" är inget år; skriv t.ex. 2026.`);
  requireExtension("--out", options.out, ".xlsx", "målfilen skrivs som en Excel-arbetsbok");
  const out = path.resolve(io.cwd, options.out);
  if (fs.existsSync(out) && !options.skrivOver)
    throw new UsageError(`${options.out} finns redan; ange --skriv-over för att ersätta den.`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await writeTargetsWorkbook(uppdrag, options.ar.trim()));
  io.out(
    `Målfil för ${uppdrag.name}, ${options.ar.trim()}: ${options.out}. Fyll i målvärde, riktning och tolerans och ange filen med rollup --mal.`,
  );
  return EXIT.ok;
}

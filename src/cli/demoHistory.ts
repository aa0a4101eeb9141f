/**
 * The demo's second period and targets (issue 12): the teams' files for the half-year before
 * the demo's period, rolled up to a level-2 workbook in historik/, and a targets file for the
 * year. The demo then rolls up its own period with --historik and --mal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Uppdrag } from "../core/model";
import type { Target } from "../core/comparison/model";
import { parsePeriod, previousPeriod } from "../core/period";
import { writeTemplate } from "../workbook/template";
import { fillTemplate } from "../workbook/fill";
import { templateFileName } from "../workbook/fileNames";
import { writeTargetsWorkbook } from "../workbook/targetsTemplate";
import { sampleValues } from "./sampleData";
import { rollupCommand } from "./commands/rollup";
import type { Io } from "./io";

/** The earlier half-year: every team reported, and each ended where the demo's period starts. */
const EARLIER: { unit: string; flow: [number, number, number, number, number] }[] = [
  { unit: "Team Norr", flow: [20, 5, 3, 2, 2.5] },
  { unit: "Team Söder", flow: [16, 4, 2, 2, 2] },
  { unit: "Team Väster", flow: [12, 5, 2, 1, 1.5] },
  { unit: "Team Öster", flow: [10, 3, 1, 2, 1] },
  { unit: "Team Centrum", flow: [8, 2, 1, 1, 1] },
];

/** The nämnd's targets for the year, for the demo's key measures. */
export const DEMO_TARGETS: Target[] = [
  { measureId: "patienter_slut", target: 80, better: "högre", tolerance: 10 },
  { measureId: "patienter_nya", target: 12, better: "högre", tolerance: 2 },
  { measureId: "patienter_per_pas", target: 8, better: "lägre", tolerance: 1 },
  { measureId: "andel_patienter_med_sip", target: 95, better: "högre", tolerance: 5 },
];

export interface DemoHistory {
  /** The folder holding the earlier period's level-2 workbook. */
  historyDir: string;
  targetsFile: string;
  earlierPeriod: string;
}

export async function writeDemoHistory(
  io: Io,
  uppdrag: Uppdrag,
  period: string,
  dir: string,
): Promise<DemoHistory> {
  const current = parsePeriod(period);
  if (!current) throw new Error(`demo period ${period}`);
  const earlier = previousPeriod(current).code;
  const received = path.join(dir, `inkommet-${earlier}`);
  const historyDir = path.join(dir, "historik");
  for (const d of [received, historyDir]) {
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
  }
  for (const [i, u] of EARLIER.entries()) {
    const bytes = await writeTemplate(uppdrag, { unit: u.unit, period: earlier });
    const [start, nya, avslutade, pas, fte] = u.flow;
    const slut = start + nya - avslutade;
    const values = {
      ...sampleValues(uppdrag, 1000 + i), // as the demo's period: only the flows differ
      patienter_start: start,
      patienter_nya: nya,
      patienter_avslutade: avslutade,
      patienter_slut: slut,
      pas_antal: pas,
      sip_patienter: slut - (i % 2),
      arsarbetare: fte,
    };
    fs.writeFileSync(
      path.join(received, templateFileName(uppdrag, earlier, u.unit)),
      await fillTemplate(bytes, values),
    );
  }
  const quiet: Io = { ...io, out: () => undefined, progress: () => undefined, interactive: false };
  await rollupCommand(quiet, [received], { out: path.join(historyDir, `niva2-${earlier}.xlsx`) });
  const targetsFile = path.join(dir, `mal-${current.year}.xlsx`);
  fs.writeFileSync(targetsFile, await writeTargetsWorkbook(uppdrag, String(current.year), DEMO_TARGETS));
  return { historyDir, targetsFile, earlierPeriod: earlier };
}

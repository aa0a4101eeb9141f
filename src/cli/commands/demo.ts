/**
 * `uppfoljning demo --out-dir <dir>`: the whole cycle on a built-in example. Creates the
 * templates for five teams of Psykiatrisk hemsjukvård, fills four of them the way units do
 * (with a few typical mistakes), validates them and rolls them up to level 2.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeTemplate } from "../../workbook/template";
import { fillTemplate, type FillValue } from "../../workbook/fill";
import { requireUppdrag } from "../catalog";
import { formatUnitList } from "../../core/unitList";
import { templateFileName } from "../../workbook/fileNames";
import type { Io } from "../io";
import { EXPECTED_UNITS_FILE } from "./create";
import { validateCommand } from "./validate";
import { rollupCommand } from "./rollup";
import { rapportCommand } from "./rapport";
import { sampleValues } from "../sampleData";
import { writeDemoBudget } from "../demoBudget";
import { ekonomiCommand } from "./ekonomi";
import { writeDemoHistory } from "../demoHistory";

const UPPDRAG = "psykiatrisk-hemsjukvard";
const PERIOD = "2025H1";

interface DemoUnit {
  unit: string;
  /** Patients at start, new, closed, PAS, årsarbetare. */
  flow?: [number, number, number, number, number];
  /** What this unit gets wrong, as cell values that override the sample. */
  mistakes?: Record<string, FillValue>;
  about: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { unit: "Team Norr", flow: [22, 5, 3, 2, 2.5], about: "korrekt ifylld" },
  {
    unit: "Team Söder",
    flow: [18, 4, 2, 2, 2],
    mistakes: { patienter_slut: 22, sip_patienter: 17 },
    about: "flödet går inte ihop (22 i stället för 20) och alla patienter har inte SIP",
  },
  {
    unit: "Team Väster",
    flow: [15, 3, 4, 1, 1.5],
    mistakes: { patienter_nya: "ca 3", arsarbetare: "1,5" },
    about: '"ca 3" skrivet som antal nya patienter; årsarbetare skrivet som text med decimalkomma (godtas)',
  },
  {
    unit: "Team Öster",
    flow: [12, 2, 1, 2, 1],
    mistakes: { patienter_avslutade: null, kval_samverkan_analys: null },
    about: "avslutade patienter och en analys har lämnats tomma",
  },
  { unit: "Team Centrum", about: "har inte skickat in någon fil" },
];

/** A path as the user should see it: relative when it is below the working directory. */
function shown(io: Io, p: string): string {
  const rel = path.relative(io.cwd, p);
  return rel && !rel.startsWith("..") ? rel : p;
}

export async function demoCommand(io: Io, options: { outDir: string }): Promise<number> {
  const uppdrag = requireUppdrag(UPPDRAG);
  const dir = path.resolve(io.cwd, options.outDir);
  const templates = path.join(dir, "mallar");
  const received = path.join(dir, "inkommet");
  fs.mkdirSync(templates, { recursive: true });
  fs.mkdirSync(received, { recursive: true });
  for (const old of fs.readdirSync(received)) fs.rmSync(path.join(received, old));

  io.out(`1. Skapar mallar för ${uppdrag.name}, ${PERIOD}, i ${shown(io, templates)}`);
  fs.writeFileSync(
    path.join(templates, EXPECTED_UNITS_FILE),
    formatUnitList(DEMO_UNITS.map((u) => ({ unit: u.unit }))),
    "utf8",
  );
  for (const [i, u] of DEMO_UNITS.entries()) {
    const name = templateFileName(uppdrag, PERIOD, u.unit);
    const bytes = await writeTemplate(uppdrag, {
      unit: u.unit,
      period: PERIOD,
      dueDate: "2025-08-31",
      contact: "Controller, Socialförvaltningen",
    });
    fs.writeFileSync(path.join(templates, name), bytes);
    if (!u.flow) continue;
    const [start, nya, avslutade, pas, fte] = u.flow;
    const values = {
      ...sampleValues(uppdrag, 1000 + i),
      patienter_start: start,
      patienter_nya: nya,
      patienter_avslutade: avslutade,
      patienter_slut: start + nya - avslutade,
      pas_antal: pas,
      sip_patienter: start + nya - avslutade,
      arsarbetare: fte,
      ...u.mistakes,
    };
    fs.writeFileSync(path.join(received, name), await fillTemplate(bytes, values));
  }
  const finance = await writeDemoBudget(
    templates,
    uppdrag,
    DEMO_UNITS.map((u) => ({ unit: u.unit, fte: u.flow?.[4] })),
    PERIOD,
  );
  io.out(
    `   Budgetmall för ekonomi: uppfoljning ekonomi-mall ${UPPDRAG} --units ${shown(io, path.join(templates, EXPECTED_UNITS_FILE))} --period ${PERIOD} --out ${shown(io, finance.template)}`,
  );
  io.out(`2. Enheterna har fyllt i (${shown(io, received)}):`);
  for (const u of DEMO_UNITS) io.out(`   ${u.unit}: ${u.about}`);

  io.out(
    `   Ekonomi har lämnat ${shown(io, finance.budget)} (export ur ekonomisystemet); ett fel är inlagt med flit: ${finance.planted}.`,
  );

  io.out(`\n3. Kontroll: uppfoljning validate ${shown(io, received)}`);
  await validateCommand(io, [received], {});

  const unitList = path.join(templates, EXPECTED_UNITS_FILE);
  io.out(
    `\n4. Kontroll av budgeten: uppfoljning ekonomi ${shown(io, finance.budget)} --enheter ${shown(io, unitList)}`,
  );
  ekonomiCommand(io, shown(io, finance.budget), { enheter: shown(io, unitList) });

  const out = path.join(dir, "niva2.xlsx");
  const history = await writeDemoHistory(io, uppdrag, PERIOD, dir);
  io.out(
    `\nFörra perioden (${history.earlierPeriod}) är sammanställd i ${shown(io, history.historyDir)}; nämndens mål finns i ${shown(io, history.targetsFile)}.`,
  );
  io.out(
    `\n5. Sammanställning: uppfoljning rollup ${shown(io, received)} --expected ${shown(io, path.join(templates, EXPECTED_UNITS_FILE))} --historik ${shown(io, history.historyDir)} --mal ${shown(io, history.targetsFile)} --budget ${shown(io, finance.budget)} --out ${shown(io, out)}`,
  );
  await rollupCommand(io, [received], {
    out,
    expected: path.join(templates, EXPECTED_UNITS_FILE),
    csv: path.join(dir, "niva2.csv"),
    historik: history.historyDir,
    mal: history.targetsFile,
    budget: finance.budget,
  });
  const report = path.join(dir, "rapport.docx");
  io.out(
    `\n6. Rapport till nämnden: uppfoljning rapport ${shown(io, received)} --enheter ${shown(io, path.join(templates, EXPECTED_UNITS_FILE))} --historik ${shown(io, history.historyDir)} --mal ${shown(io, history.targetsFile)} --out ${shown(io, report)}`,
  );
  await rapportCommand(io, [received], {
    out: report,
    enheter: path.join(templates, EXPECTED_UNITS_FILE),
    historik: history.historyDir,
    mal: history.targetsFile,
  });
  io.out(
    `\nÖppna ${shown(io, out)} i Excel eller LibreOffice: bladen Översikt, Nivå 2, Ekonomi, Analyser, Filer, Problem, Data och Diagram.`,
  );
  io.out(`Öppna ${shown(io, report)} i Word eller LibreOffice: rapporten till nämnden.`);
  return 0;
}

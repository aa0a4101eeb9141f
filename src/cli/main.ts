/** The `uppfoljning` command: parses arguments, calls core and adapters, prints. */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { swedish } from "./commanderSwedish";
import { systemErrorText } from "./systemErrors";
import { EXIT, processIo, UsageError, type Io } from "./io";
import { CATALOG_ENV, useCatalogFolders } from "./catalog";

/** The version in package.json, next to src/ or dist/ wherever this module runs from. */
function packageVersion(): string {
  return (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
}

// Each command's module is loaded when that command runs: `list`, `describe` and `--help` then
// start without SheetJS and exceljs (about 600 ms), which only reading and writing workbooks need.
const catalogCommands = () => import("./commands/catalogCommands");

function program(io: Io, setExit: (code: number) => void): Command {
  const p = new Command("uppfoljning")
    .description(
      "Uppföljning av verksamhetsuppdrag: skapa mallar, kontrollera ifyllda filer och sammanställ till nivå 2.",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(swedish(s)), writeErr: (s) => io.err(swedish(s)) })
    .version(packageVersion(), "-V, --version", "visa versionsnumret")
    .helpOption("-h, --help", "visa hjälp")
    .helpCommand("help [kommando]", "visa hjälp för ett kommando")
    .showHelpAfterError("(skriv uppfoljning --help för hjälp)")
    .option(
      "--katalog <mapp>",
      `lägg till uppdragen i en egen mapp med katalogfiler (kan anges flera gånger; även miljövariabeln ${CATALOG_ENV})`,
      (v: string, all: string[] | undefined) => [...(all ?? []), v],
    )
    .hook("preAction", (root) =>
      useCatalogFolders(root.opts<{ katalog?: string[] }>().katalog ?? [], io.cwd),
    );

  p.command("list")
    .description("lista uppdragen i katalogen")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action(async (o) => setExit((await catalogCommands()).listCommand(io, o)));

  p.command("describe")
    .argument("<uppdrag>", "uppdragets id, se uppfoljning list")
    .description("visa ett uppdrags mått: id, benämning, slag, typ, sammanställning och kontroller")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action(async (id, o) => setExit((await catalogCommands()).describeCommand(io, id, o)));

  p.command("create")
    .argument("<uppdrag>", "uppdragets id, se uppfoljning list")
    .description(
      "skapa uppföljningsmallar: en för en enhet (--unit, --out) eller en per rad i en enhetslista (--units, --out-dir)",
    )
    .requiredOption(
      "--period <period>",
      "period: 2025H1/2025H2 (halvår), 2025T1–T3 (tertial), 2025M01–M12 (månad) eller 2025 (helår)",
    )
    .addOption(new Option("--unit <enhet>", "enhetens namn").conflicts("units"))
    .option("--parts <delar>", "delar som mallen gäller, kommaseparerade (uppdrag med delar)")
    .option("--out <fil>", "mallfilen som skapas (.xlsx)")
    .option("--units <fil>", 'enhetslista: en enhet per rad, "Enhet; del1, del2" för vissa delar')
    .option("--out-dir <mapp>", "mappen där mallarna och listan över förväntade enheter skrivs")
    .option("--due <datum>", "sista dag att lämna in, ÅÅÅÅ-MM-DD")
    .option("--contact <text>", "vem enheten kan fråga")
    .option("--skriv-over", "ersätt filer som redan finns (annars skrivs ingenting över)")
    .action(async (id, o) => setExit(await (await import("./commands/create")).createCommand(io, id, o)));

  p.command("validate")
    .argument("<filer...>", "ifyllda mallar eller mappar med mallar")
    .description("kontrollera ifyllda mallar; slutstatus 0 utan fel, 1 vid fel, 2 om en fil inte kunde läsas")
    .option("--previous <filer...>", "förra periodens filer, för kontroll av att perioderna hänger ihop")
    .option("--uppdrag <id>", "kontrollera bara filer för detta uppdrag")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action(async (files, o) =>
      setExit(await (await import("./commands/validate")).validateCommand(io, files, o)),
    );

  p.command("rollup")
    .argument("<filer...>", "ifyllda mallar eller mappar med mallar")
    .description("sammanställ enheternas filer till en arbetsbok för nivå 2")
    .requiredOption("--out <fil>", "nivå 2-arbetsboken som skrivs (.xlsx)")
    .option("--expected <fil>", "listan över förväntade enheter (skrivs av create --units)")
    .option("--csv <fil>", "skriv även tabellen Data som CSV (semikolon, decimalkomma)")
    .option("--uppdrag <id>", "sammanställ detta uppdrag (annars det som flest filer gäller)")
    .option("--period <period>", "sammanställ denna period (annars den som flest filer gäller)")
    .option(
      "--budget <fil>",
      "budgetfil från ekonomi: lägger till bladet Ekonomi med budget, utfall och nyckeltal",
    )
    .option("--enhet <enhet>", "budgetfilens beloppsenhet (tkr eller kr) när rubriken inte anger den")
    .option(
      "--mappning <fil>",
      "sparad koppling mellan budgetrader och enheter (annars <budgetfil>.mappning.json bredvid budgetfilen)",
    )
    .option(
      "--historik <mapp>",
      "mapp med tidigare perioders nivå 2-arbetsböcker eller CSV-filer: visas bredvid perioden med förändringen",
    )
    .option("--mal <fil>", "målfil för uppdraget och året (.xlsx eller .csv, se mal-mall): status per mål")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action(async (files, o) =>
      setExit(await (await import("./commands/rollup")).rollupCommand(io, files, o)),
    );

  p.command("rapport")
    .argument("<filer...>", "ifyllda mallar eller mappar med mallar")
    .description(
      "skriv rapporten till nämnden som ett Word-dokument: nyckeltal, mål och utveckling, diagram, enheternas analyser, datakvalitet och källfilerna",
    )
    .requiredOption("--out <fil>", "rapporten som skrivs (.docx)")
    .option("--enheter <fil>", "listan över förväntade enheter (skrivs av create --units)")
    .option("--uppdrag <id>", "rapportera detta uppdrag (annars det som flest filer gäller)")
    .option("--period <period>", "rapportera denna period (annars den som flest filer gäller)")
    .option(
      "--historik <mapp>",
      "tidigare perioders nivå 2-arbetsböcker eller CSV-filer, för utvecklingen över tid",
    )
    .option("--mal <fil>", "målvärdena för uppdraget och året")
    .action(async (files, o) =>
      setExit(await (await import("./commands/rapport")).rapportCommand(io, files, o)),
    );

  p.command("mal-mall")
    .argument("<uppdrag>", "uppdragets id")
    .description("skriv en målfil att fylla i: ett mål per mått, för ett år (läses av rollup --mal)")
    .requiredOption("--ar <år>", "året målen gäller, t.ex. 2026")
    .requiredOption("--out <fil>", "målfilen som skrivs (.xlsx)")
    .option("--skriv-over", "ersätt filen om den redan finns")
    .action(async (uppdrag, o) =>
      setExit(await (await import("./commands/targetsTemplate")).targetsTemplateCommand(io, uppdrag, o)),
    );

  p.command("ekonomi")
    .argument("<budgetfil>", "budget- eller redovisningstabell från ekonomi (.xlsx, .xls, .ods eller .csv)")
    .description(
      "kontrollera en budgetfil: vilka kolumner som kändes igen, teckenkonventionen och summeringarna; slutstatus 0 utan fel, 1 vid fel, 2 om filen inte kunde läsas",
    )
    .option("--enhet <enhet>", "beloppens enhet (tkr eller kr) när rubriken inte anger den")
    .option("--blad <namn>", "bladet som läses (annars det första)")
    .option(
      "--enheter <fil>",
      "enhetslistan: koppla budgetraderna till uppföljningens enheter och visa vad som inte passar",
    )
    .option(
      "--koppla <rad=enhet>",
      'koppla en budgetrad till en enhet, "Radnamn=Enhet", eller "Radnamn=" för en rad utan enhet (kan anges flera gånger)',
      (v: string, all: string[] | undefined) => [...(all ?? []), v],
    )
    .option(
      "--bekrafta",
      "spara kopplingen bredvid budgetfilen (<budgetfil>.mappning.json); budgetfilen ändras inte",
    )
    .option(
      "--mappning <fil>",
      "en sparad koppling att utgå från, t.ex. förra periodens (annars den bredvid budgetfilen)",
    )
    .option("--uppdrag <id>", "uppdraget kopplingen gäller (kontrolleras mot en sparad koppling)")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action(async (file, o) => setExit((await import("./commands/ekonomi")).ekonomiCommand(io, file, o)));

  p.command("ekonomi-mall")
    .argument("<uppdrag>", "uppdragets id, se uppfoljning list")
    .description(
      "skapa en budgetmall för ekonomi: en rad per enhet och en summarad, budget, utfall och helårsprognos för intäkter, kostnader och netto i tkr",
    )
    .requiredOption("--units <fil>", "enhetslistan (samma som för create --units), en enhet per rad")
    .requiredOption("--period <period>", "uppföljningens period: utfallet gäller den, budgeten dess år")
    .requiredOption("--out <fil>", "budgetmallen som skapas (.xlsx)")
    .option("--prognos", "ta med helårsprognos (standard för perioder kortare än ett år)")
    .option("--no-prognos", "utan helårsprognos")
    .option("--skriv-over", "ersätt filen om den redan finns")
    .action(async (id, o) =>
      setExit(await (await import("./commands/ekonomiMall")).ekonomiMallCommand(io, id, o)),
    );

  p.command("demo")
    .description(
      "visa hela kedjan på ett inbyggt exempel: mallar, ifyllda filer, kontroll och sammanställning",
    )
    .option("--out-dir <mapp>", "mappen som exemplet skrivs till", "demo-utdata")
    .action(async (o) => setExit(await (await import("./commands/demo")).demoCommand(io, o)));

  return p;
}

/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exit: number = EXIT.ok;
  try {
    await program(io, (c) => (exit = c)).parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      io.err(`Fel: ${e.message}`);
      return EXIT.usage;
    }
    const system = systemErrorText(e);
    if (system) {
      io.err(`Fel: ${system}`);
      return EXIT.usage;
    }
    // An unexpected failure: a short Swedish message; the stack only when asked for.
    io.err(`Ett oväntat fel inträffade: ${(e as Error).message}`);
    if (process.env.UPPFOLJNING_DEBUG) io.err(String((e as Error).stack));
    return EXIT.usage;
  }
  return exit;
}

if (require.main === module) {
  // Not process.exit: that would cut off output still on its way through a pipe (see bin/).
  run(process.argv.slice(2)).then((code) => (process.exitCode = code));
}

/** The `uppfoljning` command: parses arguments, calls core and adapters, prints. */
import { Command, CommanderError } from "commander";
import { describeCommand, listCommand } from "./commands/catalogCommands";
import { EXIT, processIo, UsageError, type Io } from "./io";

/** Commander writes English; these are the lines a user can meet, in Swedish. */
function swedish(text: string): string {
  return text
    .replace(/^error: unknown command '(.*)'/m, "Fel: okänt kommando '$1'")
    .replace(/^error: unknown option '(.*)'/m, "Fel: okänd flagga '$1'")
    .replace(/^error: missing required argument '(.*)'/m, "Fel: argumentet '$1' saknas")
    .replace(/^error: option '(.*)' argument missing/m, "Fel: flaggan '$1' saknar värde")
    .replace(/^error: required option '(.*)' not specified/m, "Fel: flaggan '$1' måste anges")
    .replace(/^error: too many arguments(.*)/m, "Fel: för många argument$1")
    .replace(/^Usage:/m, "Användning:")
    .replace(/^Arguments:/m, "Argument:")
    .replace(/^Options:/m, "Flaggor:")
    .replace(/^Commands:/m, "Kommandon:")
    .replace(/\[options\]/g, "[flaggor]")
    .replace(/\[command\]/g, "[kommando]");
}

function program(io: Io, setExit: (code: number) => void): Command {
  const p = new Command("uppfoljning")
    .description("Uppföljning av verksamhetsuppdrag: skapa mallar, kontrollera ifyllda filer och sammanställ till nivå 2.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(swedish(s)), writeErr: (s) => io.err(swedish(s)) })
    .helpOption("-h, --help", "visa hjälp")
    .helpCommand("help [kommando]", "visa hjälp för ett kommando")
    .showHelpAfterError("(skriv uppfoljning --help för hjälp)");

  p.command("list")
    .description("lista uppdragen i katalogen")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action((o) => setExit(listCommand(io, o)));

  p.command("describe")
    .argument("<uppdrag>", "uppdragets id, se uppfoljning list")
    .description("visa ett uppdrags mått: id, benämning, slag, typ, sammanställning och kontroller")
    .option("--json", "skriv ut som JSON (se docs/json.md)")
    .action((id, o) => setExit(describeCommand(io, id, o)));

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
    // An unexpected failure: a short Swedish message; the stack only when asked for.
    io.err(`Ett oväntat fel inträffade: ${(e as Error).message}`);
    if (process.env.UPPFOLJNING_DEBUG) io.err(String((e as Error).stack));
    return EXIT.usage;
  }
  return exit;
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}

/** `uppfoljning validate <files or folders…> [--previous …] [--uppdrag id] [--json]` */
import { checkPaths } from "../parallelCheck";
import { previousProblems, readPrevious } from "../../workbook/collect";
import { cliCatalog, requireUppdrag } from "../catalog";
import { expandPaths, namedPaths, readInputFiles, skipList } from "../files";
import { EXIT, type Io } from "../io";
import { count } from "../../core/messages/count";
import { problemText } from "../../core/messages/sv";
import {
  countSeverities,
  fileJson,
  problemJson,
  problemLine,
  progressReporter,
  rejectionText,
} from "../report";
import { present } from "../../core/invariant";

export interface ValidateOptions {
  previous?: string[];
  uppdrag?: string;
  json?: boolean;
}

export async function validateCommand(io: Io, paths: string[], options: ValidateOptions): Promise<number> {
  const catalog = cliCatalog();
  if (options.uppdrag) requireUppdrag(options.uppdrag);
  const skips = skipList(io.cwd);
  const files = namedPaths(expandPaths(paths, io.cwd, skips.note), io.cwd);
  const previous = options.previous
    ? await readPrevious(readInputFiles(expandPaths(options.previous, io.cwd, skips.note), io.cwd), catalog)
    : undefined;
  const outcomes = await checkPaths(files, catalog, {
    uppdragId: options.uppdrag,
    previous,
    onProgress: progressReporter(io, "Kontrollerar"),
  });
  const summary = countSeverities(outcomes);
  // Last period's files that could not be paired with a checked file, and why: never silently unused.
  const previousNotes = previous ? previousProblems(previous, outcomes) : [];

  if (options.json) {
    io.out(
      JSON.stringify(
        {
          format: "uppfoljning/validate@1",
          files: outcomes.map(fileJson),
          previous: previousNotes.map((p) => problemJson(p)),
          skipped: skips.skipped,
          summary,
        },
        null,
        2,
      ),
    );
  } else {
    for (const o of outcomes) {
      if (o.status === "rejected") {
        io.out(`✗ ${rejectionText(o)}`);
        continue;
      }
      const r = present(o.report, `rapporten i ${o.file}`);
      const errors = o.problems.filter((p) => p.severity === "fel").length;
      const head = `${errors > 0 ? "✗" : "✓"} ${o.file} (${r.unit}, ${r.period}): ${errors} fel, ${count(o.problems.length - errors, "varning", "varningar")}`;
      io.out([head, ...o.problems.map((p) => `    ${problemLine(p, o.uppdrag)}`)].join("\n"));
    }
    if (previousNotes.length > 0)
      io.out(
        ["Förra periodens filer:", ...previousNotes.map((p) => `    Varning: ${problemText(p)}`)].join("\n"),
      );
    for (const s of skips.skipped) io.out(`– ${s.file}: hoppades över (${s.reason}).`);
    io.out(
      `\n${count(summary.files, "fil", "filer")}: ${summary.errors} fel, ${count(summary.warnings, "varning", "varningar")}, ${summary.unreadable} kunde inte läsas.`,
    );
  }
  if (summary.unreadable > 0) return EXIT.usage;
  return summary.errors > 0 ? EXIT.validationErrors : EXIT.ok;
}

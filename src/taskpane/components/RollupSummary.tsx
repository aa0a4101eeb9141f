import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FileOutcome, CollectedRollup } from "../../workbook/collect";
import { problemText } from "../../core/messages/sv";
import { ERROR_POLICY } from "../../core/messages/policy";
import { parsePeriod } from "../../core/period";
import { usedFilesText } from "../rollupOutcome";
import { fileSummary } from "../../workbook/collect";
import { KeyFigureTable } from "./KeyFigureTable";
import { ComparisonSummary } from "./ComparisonSummary";
import type { Comparison } from "../../core/comparison/model";

export interface RollupSummaryProps {
  /** Absent when no file could be used. */
  collected?: CollectedRollup;
  files: readonly FileOutcome[];
  /** Earlier periods and targets, when the user picked any. */
  comparison?: Comparison;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  // Swedish compounds ("kompetensutvecklingsinsatser") are wider than a 400 px pane's column:
  // they break inside the cell instead of running into the value beside them.
  figures: { "& td, & th": { overflowWrap: "anywhere", hyphens: "auto" } },
});

/** What went into level 2 and what did not: units used, files rejected and why, units missing. */
export function RollupSummary({ collected, files, comparison }: RollupSummaryProps) {
  const styles = useStyles();
  const rejected = files.filter((f) => f.status === "rejected");
  const result = collected?.result;
  const copies = files.filter((f) => f.status === "copy");
  // A copy's problems are the used file's; type-only import of collect keeps SheetJS out of the pane's first load.
  const problems = files.flatMap((f) => (f.status === "copy" ? [] : f.problems));
  const errors = problems.filter((p) => p.severity === "fel").length;
  const counts = fileSummary(files);
  return (
    <section className={styles.root} aria-label="Sammanfattning">
      {collected && result && (
        <>
          <Text as="h3" weight="semibold">
            {collected.uppdrag.name}, {parsePeriod(result.period)?.label ?? result.period}
          </Text>
          <Text>
            {result.used.length} {result.used.length === 1 ? "enhet ingår" : "enheter ingår"}:{" "}
            {result.used.map((u) => u.unit).join(", ") || "inga"}.
          </Text>
          <Text>Filer: {usedFilesText(counts)}.</Text>
        </>
      )}
      {rejected.length > 0 && (
        <>
          <Text as="h4" weight="semibold">
            Filer som inte räknas med ({rejected.length})
          </Text>
          <ul className={styles.list}>
            {rejected.map((f, i) => (
              <li key={`${f.file}-${i}`} className={styles.item}>
                {/* The file first: two files of one unit share the same reason. */}
                <Text weight="semibold" block>
                  {f.file}
                </Text>
                {f.reason && <Text>{problemText(f.reason)}</Text>}
              </li>
            ))}
          </ul>
        </>
      )}
      {copies.length > 0 && (
        <>
          <Text as="h4" weight="semibold">
            Kopior som räknas en gång ({copies.length})
          </Text>
          <ul className={styles.list}>
            {copies.map((f, i) => (
              <li key={`${f.file}-${i}`}>
                <Text>{f.reason ? problemText(f.reason) : f.file}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {result && result.conflictingUnits.length > 0 && (
        <>
          <Text as="h4" weight="semibold">
            Enheter som skickat olika filer ({result.conflictingUnits.length})
          </Text>
          <Text>{result.conflictingUnits.map((u) => `${u.unit} (${u.files.join(", ")})`).join("; ")}</Text>
        </>
      )}
      {result && result.absentUnits.length > 0 && (
        <>
          <Text as="h4" weight="semibold">
            Enheter som saknas ({result.absentUnits.length})
          </Text>
          <Text>{result.absentUnits.map((u) => u.unit).join(", ")}</Text>
        </>
      )}
      {problems.length > 0 && (
        <Text>
          I filerna finns {errors} fel och {problems.length - errors} varningar; de står på bladet Problem.
        </Text>
      )}
      {counts.usedWithErrors > 0 && <Text>{ERROR_POLICY}</Text>}
      {collected && result && (
        <div className={styles.figures}>
          <KeyFigureTable
            uppdrag={collected.uppdrag}
            figures={result.figures}
            levelTwoProblems={result.levelTwoProblems}
          />
        </div>
      )}
      {collected && comparison && <ComparisonSummary uppdrag={collected.uppdrag} comparison={comparison} />}
    </section>
  );
}

import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem, Uppdrag } from "../../core/model";
import type { CellRef } from "../host";
import { problemText } from "../../core/messages/sv";
import { Notice } from "./Notice";
import { ProblemList } from "./ProblemList";

/** One checked workbook: a picked file or the active workbook. */
export interface CheckedWorkbook {
  file: string;
  uppdrag?: Uppdrag;
  /** Why the file could not be read at all. */
  rejected?: Problem;
  problems: Problem[];
}

export interface FileResultProps {
  result: CheckedWorkbook;
  onSelect?(ref: CellRef): void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** A workbook's verdict: unreadable, "Inga fel", and its problems. */
export function FileResult({ result, onSelect }: FileResultProps) {
  const styles = useStyles();
  const errors = result.problems.filter((p) => p.severity === "fel").length;
  const warnings = result.problems.length - errors;
  return (
    <section className={styles.root} aria-label={result.file}>
      <Text as="h3" weight="semibold">
        {result.file}
      </Text>
      {result.uppdrag && <Text size={200}>{result.uppdrag.name}</Text>}
      {result.rejected ? (
        <Notice
          notice={{ intent: "error", title: "Kunde inte kontrolleras", text: problemText(result.rejected) }}
        />
      ) : errors === 0 ? (
        <Notice
          notice={{
            intent: "success",
            text:
              warnings === 0
                ? "Inga fel."
                : `Inga fel. ${warnings === 1 ? "En varning" : `${warnings} varningar`} att se över.`,
          }}
        />
      ) : null}
      <ProblemList problems={result.problems} uppdrag={result.uppdrag} onSelect={onSelect} />
    </section>
  );
}

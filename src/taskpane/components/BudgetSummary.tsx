import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem } from "../../core/model";
import type { CellRef } from "../host";
import { ProblemList } from "./ProblemList";

export interface BudgetSummaryProps {
  /** "budget.xlsx, blad Budget". */
  title: string;
  /** What was recognised (core recognitionLines), the sign sentence among them. */
  lines: readonly string[];
  signs: string;
  problems: readonly Problem[];
  /** In Excel, for a budget in the active workbook: a problem's cell is a link that shows it. */
  onSelect?(ref: CellRef): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

/** What the budget table was read as, its sign convention, and the checks' findings. */
export function BudgetSummary({ title, lines, signs, problems, onSelect }: BudgetSummaryProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Budgettabellen">
      <Text as="h3" weight="semibold">
        {title}
      </Text>
      <Text weight="semibold">Så lästes tabellen</Text>
      <ul className={styles.list}>
        {lines
          .filter((l) => l !== signs)
          .map((l) => (
            <li key={l}>
              <Text>{l}</Text>
            </li>
          ))}
      </ul>
      <Text>{signs}</Text>
      {problems.length === 0 ? (
        <Text className={styles.ok}>Budgeten går ihop: inga fel och inga varningar.</Text>
      ) : (
        <ProblemList problems={problems} onSelect={onSelect} />
      )}
    </section>
  );
}

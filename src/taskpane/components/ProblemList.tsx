import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem, Uppdrag } from "../../core/model";
import type { CellRef } from "../host";
import { cellOf, groupBySeverity, problemLine } from "../problems";

export interface ProblemListProps {
  problems: readonly Problem[];
  uppdrag?: Uppdrag;
  /** When given, problems with a cell are links that show the cell. */
  onSelect?(ref: CellRef): void;
}

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalS },
  list: { marginTop: tokens.spacingVerticalXS, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  errors: { color: tokens.colorPaletteRedForeground1 },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Problems under "Fel" and "Varningar", each one Swedish line. */
export function ProblemList({ problems, uppdrag, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const { errors, warnings } = groupBySeverity(problems);
  const group = (title: string, list: Problem[], className: string) =>
    list.length > 0 && (
      <section className={styles.group} aria-label={title}>
        <Text as="h4" weight="semibold" className={className}>
          {title} ({list.length})
        </Text>
        <ul className={styles.list}>
          {list.map((p, i) => {
            const ref = onSelect ? cellOf(p) : undefined;
            const line = problemLine(p, uppdrag);
            return (
              <li key={i} className={styles.item}>
                {ref ? (
                  <Link as="button" onClick={() => onSelect?.(ref)} title={`Visa ${ref.sheet} ${ref.cell}`}>
                    {line}
                  </Link>
                ) : (
                  <Text>{line}</Text>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    );
  return (
    <>
      {group("Fel", errors, styles.errors)}
      {group("Varningar", warnings, styles.warnings)}
    </>
  );
}

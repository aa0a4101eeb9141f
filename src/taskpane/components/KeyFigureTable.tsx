import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Problem, Uppdrag } from "../../core/model";
import type { Figure } from "../../core/rollup";
import { aggregationOf } from "../../core/aggregations";
import { flaggedFigureText } from "../../core/messages/policy";
import { problemText } from "../../core/messages/sv";

export interface KeyFigureTableProps {
  uppdrag: Uppdrag;
  figures: readonly Figure[];
  /** The cross-measure rules broken on level 2 (RollupResult.levelTwoProblems), shown at their figure. */
  levelTwoProblems?: readonly Problem[];
}

const NUMBER = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });

const useStyles = makeStyles({
  valueHeader: { width: "40%" },
  value: { overflowWrap: "anywhere" },
  unit: { color: tokens.colorNeutralForeground3 },
  flag: {
    display: "block",
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The level-2 figures at a glance, each flagged when it rests on values with errors; the workbook has them all, with their basis. */
export function KeyFigureTable({ uppdrag, figures, levelTwoProblems = [] }: KeyFigureTableProps) {
  const styles = useStyles();
  const byId = new Map(figures.map((f) => [f.measureId, f]));
  const rows = uppdrag.measures.flatMap((m) => {
    const figure = byId.get(m.id);
    // Only aggregations with one figure to show; texts, tallies and per-unit measures are in the workbook.
    const keyFigure = aggregationOf(m).keyFigure;
    if (!figure || figure.value === null || !keyFigure) return [];
    const notes = [
      flaggedFigureText(figure.flaggedUnits),
      ...levelTwoProblems.filter((p) => p.measureId === m.id).map(problemText),
    ].filter((t) => t !== "");
    return [{ measure: m, notes, ...keyFigure(m, figure, (n) => NUMBER.format(n)) }];
  });
  if (rows.length === 0) return null;
  return (
    <Table size="small" aria-label="Nyckeltal på nivå 2">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Mått</TableHeaderCell>
          <TableHeaderCell className={styles.valueHeader}>Nivå 2</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.measure.id}>
            <TableCell>{r.measure.label}</TableCell>
            <TableCell className={styles.value}>
              {r.value} <span className={styles.unit}>{r.unit}</span>
              {r.notes.map((note) => (
                <span key={note} className={styles.flag}>
                  ⚠ {note}
                </span>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

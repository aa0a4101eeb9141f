import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Comparison } from "../../core/comparison/model";
import type { Uppdrag } from "../../core/model";
import { comparisonView } from "../comparisonRows";

export interface ComparisonSummaryProps {
  uppdrag: Uppdrag;
  comparison: Comparison;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  table: { "& td, & th": { overflowWrap: "anywhere", hyphens: "auto" } },
});

/** Earlier periods and targets after Sammanställ: the key measures' change and status, and the history files not used. */
export function ComparisonSummary({ uppdrag, comparison }: ComparisonSummaryProps) {
  const styles = useStyles();
  const view = comparisonView(uppdrag, comparison);
  return (
    <section className={styles.root} aria-label="Jämförelse med tidigare perioder och mål">
      <Text as="h4" weight="semibold">
        Jämfört med tidigare perioder och mål
      </Text>
      {comparison.historyFiles && (
        <Text>
          Tidigare perioder: {view.periods.length > 0 ? view.periods.join(", ") : "inga som kunde användas"}.
        </Text>
      )}
      {view.rows.length > 0 && (
        <Table
          size="small"
          aria-label="Nyckeltal jämfört med tidigare period och mål"
          className={styles.table}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Mått</TableHeaderCell>
              <TableHeaderCell>Nu</TableHeaderCell>
              <TableHeaderCell>Tidigare</TableHeaderCell>
              <TableHeaderCell>Förändring</TableHeaderCell>
              <TableHeaderCell>Mål</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.rows.map((r) => (
              <TableRow key={r.measureId}>
                <TableCell>{r.label}</TableCell>
                <TableCell>{r.value}</TableCell>
                <TableCell>{r.earlier}</TableCell>
                <TableCell>{r.change}</TableCell>
                <TableCell>{r.target}</TableCell>
                <TableCell>{r.status ?? "–"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {view.unusedFiles.length > 0 && (
        <>
          <Text as="h4" weight="semibold">
            Filer med tidigare perioder som inte används ({view.unusedFiles.length})
          </Text>
          <ul className={styles.list}>
            {view.unusedFiles.map((t, i) => (
              <li key={`${t}-${i}`} className={styles.item}>
                <Text>{t}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {view.problems.length > 0 && (
        <ul className={styles.list}>
          {view.problems.map((t, i) => (
            <li key={`${t}-${i}`} className={styles.item}>
              <Text>{t}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

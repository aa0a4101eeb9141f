import {
  Button,
  Field,
  Select,
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
import type { MatchResult } from "../../core/finance/mapping";
import { ProblemList } from "./ProblemList";

/** A row's choice: "" undecided, NO_UNIT for "belongs to no unit", else a unit's name. */
export const NO_UNIT = "\u0000ingen";
export type MappingChoices = Readonly<Record<string, string>>;

export interface MappingEditorProps {
  match: MatchResult;
  units: readonly string[];
  choices: MappingChoices;
  onChoice(row: string, value: string): void;
  onConfirm(): void;
  disabled?: boolean;
  /** Where a confirmed mapping goes, said under the button. */
  saveHint: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  control: { width: "100%", minWidth: 0 },
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const rowsText = (rowNumbers: readonly number[]) =>
  `${rowNumbers.length === 1 ? "rad" : "rader"} ${rowNumbers.join(", ")}`;

/** The budget rows matched to the units; a select for each row that did not match, and the confirm button. */
export function MappingEditor({
  match,
  units,
  choices,
  onChoice,
  onConfirm,
  disabled,
  saveHint,
}: MappingEditorProps) {
  const styles = useStyles();
  const stale = match.problems.filter(
    (p) => p.code === "financeMappingRowGone" || p.code === "financeMappingUnitGone",
  );
  const undecided = match.unmatchedRows.filter((r) => !choices[r.row]).length;
  return (
    <section className={styles.root} aria-label="Koppling av budgetrader till enheter">
      <Text as="h3" weight="semibold">
        Koppling till enheter
      </Text>
      {match.matched.length > 0 && (
        <Table size="small" aria-label="Kopplade budgetrader">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Budgetrad</TableHeaderCell>
              <TableHeaderCell>Enhet</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {match.matched.map((m) => (
              <TableRow key={m.row}>
                <TableCell>
                  {m.row} <span className={styles.muted}>({rowsText(m.rowNumbers)})</span>
                </TableCell>
                <TableCell>
                  {m.unit}{" "}
                  <span className={styles.muted}>
                    {m.via === "name" ? "(samma namn)" : "(sparad koppling)"}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {match.ignored.length > 0 && (
        <Text>
          Hör inte till någon enhet (enligt den sparade kopplingen):{" "}
          {match.ignored.map((r) => r.row).join(", ")}.
        </Text>
      )}
      {match.unmatchedRows.length > 0 && (
        <>
          <Text>
            {match.unmatchedRows.length === 1
              ? "1 budgetrad motsvarar ingen enhet med samma namn. Välj vilken enhet den gäller:"
              : `${match.unmatchedRows.length} budgetrader motsvarar ingen enhet med samma namn. Välj vilken enhet var och en gäller:`}
          </Text>
          {match.unmatchedRows.map((r) => (
            <Field key={r.row} label={`Budgetraden "${r.row}" (${rowsText(r.rowNumbers)})`}>
              <Select
                className={styles.control}
                value={choices[r.row] ?? ""}
                onChange={(_, d) => onChoice(r.row, d.value)}
                disabled={disabled}
              >
                <option value="">Inte vald</option>
                {units.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
                <option value={NO_UNIT}>Hör inte till någon enhet</option>
              </Select>
            </Field>
          ))}
        </>
      )}
      {match.unmatchedUnits.length > 0 && (
        <Text>
          Enheter utan budgetrad ({match.unmatchedUnits.length}): {match.unmatchedUnits.join(", ")}.
        </Text>
      )}
      {stale.length > 0 && <ProblemList problems={stale} />}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onConfirm} disabled={disabled}>
          Bekräfta kopplingen
        </Button>
        <Text size={200}>
          {undecided > 0
            ? `${undecided === 1 ? "1 rad" : `${undecided} rader`} utan val räknas inte till någon enhet och sparas inte. `
            : ""}
          {saveHint}
        </Text>
      </div>
    </section>
  );
}

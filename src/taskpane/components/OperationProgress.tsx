import { Button, Field, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../useOperation";

export interface OperationProgressProps {
  progress: Progress;
  /** What is counted, plural: "filer", "mallar". */
  what: string;
  onCancel(): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalM },
});

/** A progress bar with "n av N …" and a way to stop. */
export function OperationProgress({ progress, what, onCancel }: OperationProgressProps) {
  const styles = useStyles();
  const { done, total } = progress;
  return (
    <div className={styles.root}>
      <Field label="Förlopp">
        <ProgressBar value={total > 0 ? done / total : undefined} max={1} thickness="large" />
      </Field>
      <div className={styles.row}>
        <Text aria-live="polite">
          {done} av {total} {what}
        </Text>
        <Button onClick={onCancel}>Avbryt</Button>
      </div>
    </div>
  );
}

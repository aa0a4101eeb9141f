import { Field, makeStyles, tokens } from "@fluentui/react-components";

export interface FilePickerProps {
  label: string;
  hint?: string;
  disabled?: boolean;
  onFiles(files: File[]): void;
}

/** The formats the reader understands. */
export const WORKBOOK_ACCEPT = ".xlsx,.xlsm,.xls,.ods";

const useStyles = makeStyles({
  input: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** A labelled native file input (Fluent UI has none): keyboard and screen readers work as usual. */
export function FilePicker({ label, hint, disabled, onFiles }: FilePickerProps) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint}>
      {(fieldProps) => (
        <input
          {...fieldProps}
          className={styles.input}
          type="file"
          multiple
          accept={WORKBOOK_ACCEPT}
          disabled={disabled}
          onChange={(e) => onFiles(Array.from(e.currentTarget.files ?? []))}
        />
      )}
    </Field>
  );
}

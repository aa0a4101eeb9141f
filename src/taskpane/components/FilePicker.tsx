import { Field, makeStyles, tokens } from "@fluentui/react-components";

export interface FilePickerProps {
  label: string;
  hint?: string;
  disabled?: boolean;
  /** Which files to offer; workbooks unless told. */
  accept?: string;
  /** One file or several; several unless told. */
  multiple?: boolean;
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
export function FilePicker({
  label,
  hint,
  disabled,
  accept = WORKBOOK_ACCEPT,
  multiple = true,
  onFiles,
}: FilePickerProps) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint}>
      {(fieldProps) => (
        <input
          {...fieldProps}
          className={styles.input}
          type="file"
          multiple={multiple}
          accept={accept}
          disabled={disabled}
          onChange={(e) => onFiles(Array.from(e.currentTarget.files ?? []))}
        />
      )}
    </Field>
  );
}

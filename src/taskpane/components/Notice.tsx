import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

export interface NoticeData {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  /** Lines are shown one under the other. */
  text: string;
}

export interface NoticeProps {
  notice: NoticeData;
}

const useStyles = makeStyles({
  line: { display: "block", marginTop: tokens.spacingVerticalXXS },
});

/** One outcome message: success, failure, "Avbrutet". */
export function Notice({ notice }: NoticeProps) {
  const styles = useStyles();
  return (
    // data-intent: the intent is otherwise only a colour and an icon; tests and styles can read it.
    <MessageBar intent={notice.intent} layout="multiline" data-intent={notice.intent}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text.split("\n").map((line, i) => (
          <span key={i} className={styles.line}>
            {line}
          </span>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";

export interface WaitingForOfficeProps {
  onContinueWithout(): void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

/** Shown while Office is slow to answer: the pane keeps waiting, unless the user goes on without Excel. */
export function WaitingForOffice({ onContinueWithout }: WaitingForOfficeProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Spinner size="small" label="Väntar på att Excel ska bli klart …" />
      <Text>
        Sidan öppnades av Office men Excel har inte svarat än. Om den inte är öppen i Excel kan den användas
        fristående: mallar och sammanställningar laddas då ned som filer.
      </Text>
      <Button onClick={onContinueWithout}>Fortsätt utan Excel</Button>
    </div>
  );
}

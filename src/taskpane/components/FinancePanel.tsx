import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Ekonomi: a place kept for the finance follow-up, which is not built yet. */
export function FinancePanel() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text>Ekonomiuppföljningen kommer hit när arbetet med den är klart.</Text>
      <Text size={200}>Tills vidare följs ekonomin upp på samma sätt som i dag, utanför tillägget.</Text>
    </div>
  );
}

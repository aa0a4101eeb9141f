import { useState } from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/model";
import type { HostOperations } from "../../excel/hostOperations";
import type { CollectedRollup, FileOutcome } from "../../workbook/collect";
import { errorText } from "../errors";
import { level2FileName } from "../../workbook/fileNames";
import { pickedFile } from "../pickedFiles";
import { parseUnitList } from "../../core/unitList";
import { useOperation } from "../useOperation";
import { loadWorkbookModule } from "../workbookModule";
import { FilePicker } from "./FilePicker";
import { Notice, type NoticeData } from "./Notice";
import { OperationProgress } from "./OperationProgress";
import { RollupSummary } from "./RollupSummary";

export interface RollupPanelProps {
  host: HostOperations;
  catalog: Catalog;
}

interface RollupRun {
  files: FileOutcome[];
  collected?: CollectedRollup;
  fileName?: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex" },
  control: { width: "100%", minWidth: 0 },
});

/** Sammanställ: the units' files → checked, rolled up, written as the level-2 workbook. */
export function RollupPanel({ host, catalog }: RollupPanelProps) {
  const styles = useStyles();
  const [picked, setPicked] = useState<File[]>([]);
  const [expectedText, setExpectedText] = useState("");
  const [run, setRun] = useState<RollupRun>();
  const [notice, setNotice] = useState<NoticeData>();
  const operation = useOperation();
  const expected = parseUnitList(expectedText);
  const expectedError = expected.errors.join("\n") || undefined;

  async function rollUp() {
    setNotice(undefined);
    setRun(undefined);
    const outcome = await operation.run(picked.length, async (signal, onProgress): Promise<RollupRun> => {
      const workbook = await loadWorkbookModule();
      const outcomes = await workbook.checkFiles(picked.map(pickedFile), catalog, { signal, onProgress });
      const collected = workbook.rollupFiles(outcomes, catalog, { expectedUnits: expected.units.length > 0 ? expected.units : undefined });
      if (!collected) return { files: outcomes };
      const bytes = await workbook.writeLevel2(collected);
      if (signal.aborted) return { files: outcomes };
      const fileName = level2FileName(collected);
      await host.deliverLevel2(bytes, collected, fileName);
      return { files: collected.files, collected, fileName };
    });
    if (outcome.status === "cancelled") return setNotice({ intent: "warning", text: "Avbrutet. Ingen sammanställning gjordes." });
    if (outcome.status === "failed") return setNotice({ intent: "error", text: errorText(outcome.error) });
    const { collected, fileName } = outcome.value;
    setRun(outcome.value);
    if (!collected) setNotice({ intent: "error", text: "Ingen av filerna kunde användas. Se orsakerna nedan." });
    else if (host.kind === "excel") setNotice({ intent: "success", text: "Nivå 2 har lagts in som nya blad i arbetsboken." });
    else setNotice({ intent: "success", text: `Nivå 2 har laddats ned som ${fileName}.` });
  }

  return (
    <div className={styles.root}>
      <FilePicker
        label="Enheternas filer"
        hint="Välj alla ifyllda mallar för perioden. Filerna läses bara, de ändras aldrig."
        disabled={operation.busy}
        onFiles={(files) => {
          setPicked(files);
          setRun(undefined);
          setNotice(undefined);
        }}
      />
      <Field
        label="Förväntade enheter (valfritt)"
        hint='En enhet per rad ("Enhet; del1, del2" för en mall med bara vissa delar). Enheter som inte lämnat in visas som saknade.'
        validationMessage={expectedError}
        validationState={expectedError ? "error" : "none"}
      >
        <Textarea className={styles.control} value={expectedText} onChange={(_, d) => setExpectedText(d.value)} rows={3} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={rollUp} disabled={operation.busy || picked.length === 0 || expectedError !== undefined}>
          Sammanställ
        </Button>
      </div>
      {operation.progress && <OperationProgress progress={operation.progress} what="filer" onCancel={operation.cancel} />}
      {notice && <Notice notice={notice} />}
      {run && <RollupSummary collected={run.collected} files={run.files} />}
    </div>
  );
}

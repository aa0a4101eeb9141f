import { useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/model";
import type { CellRef, ExcelHost, HostOperations } from "../host";
import { checkActiveOutcome, checkPickedFiles } from "../checkActive";
import { errorText } from "../errors";
import { highlightCells } from "../problems";
import { useOperation } from "../useOperation";
import { useResultFocus } from "../useResultFocus";
import { FilePicker } from "./FilePicker";
import { FileResult, type CheckedWorkbook } from "./FileResult";
import { Notice, type NoticeData } from "./Notice";
import { OperationProgress } from "./OperationProgress";

export interface CheckPanelProps {
  host: HostOperations;
  catalog: Catalog;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** Kontrollera: the active workbook in Excel, picked files anywhere. */
export function CheckPanel({ host, catalog }: CheckPanelProps) {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState<CheckedWorkbook>();
  const [workbookPrevious, setWorkbookPrevious] = useState<CheckedWorkbook[]>([]);
  const [files, setFiles] = useState<CheckedWorkbook[]>();
  const [reading, setReading] = useState(false);
  const [notice, setNotice] = useState<NoticeData>();
  /** Last period's files, for the check that this period starts where the last one ended. */
  const [previous, setPrevious] = useState<File[]>([]);
  const operation = useOperation();
  const workbookResult = useResultFocus();
  const filesResult = useResultFocus();
  /** Inside Excel the active workbook can be checked, and its cells selected and marked. */
  const excel = host.kind === "excel" ? host : undefined;

  async function checkActiveWorkbook(excel: ExcelHost) {
    setNotice(undefined);
    setReading(true);
    try {
      const [checked, ...notes] = await checkActiveOutcome(
        await excel.readActiveWorkbook(catalog),
        catalog,
        previous,
      );
      setWorkbook(checked);
      setWorkbookPrevious(notes);
      workbookResult.moveFocus();
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
      filesResult.moveFocus();
    } finally {
      setReading(false);
    }
  }

  async function checkPicked(picked: File[]) {
    setNotice(undefined);
    setFiles(undefined);
    if (picked.length === 0) return;
    const outcome = await operation.run(picked.length, async (signal, onProgress) => {
      return checkPickedFiles(picked, previous, catalog, { signal, onProgress });
    });
    if (outcome.status === "cancelled")
      setNotice({ intent: "warning", text: "Avbrutet. Välj filerna igen för att kontrollera dem." });
    else if (outcome.status === "failed") setNotice({ intent: "error", text: errorText(outcome.error) });
    else setFiles(outcome.value);
    filesResult.moveFocus();
  }

  /** Runs a host call that changes the workbook; its failure becomes the notice. */
  async function hostAction(action: () => Promise<void>, success?: string) {
    setNotice(undefined);
    try {
      await action();
      if (!success) return;
      setNotice({ intent: "success", text: success });
      filesResult.moveFocus();
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
      filesResult.moveFocus();
    }
  }

  const select = excel ? (ref: CellRef) => void hostAction(() => excel.selectCell(ref)) : undefined;
  const marked = workbook ? highlightCells(workbook.problems) : [];

  return (
    <div className={styles.root}>
      {excel && (
        <>
          <Text>
            Kontrollera den ifyllda mallen som är öppen i Excel. Klicka på ett problem för att gå till cellen.
          </Text>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => checkActiveWorkbook(excel)} disabled={reading}>
              Kontrollera aktiv arbetsbok
            </Button>
            {workbook && marked.length > 0 && (
              <Button
                onClick={() =>
                  hostAction(
                    () => excel.highlight(marked),
                    `${marked.length} celler är markerade: fel i orange, varningar i gult.`,
                  )
                }
              >
                Markera celler med problem
              </Button>
            )}
            <Button onClick={() => hostAction(() => excel.clearHighlight(), "Markeringen är borttagen.")}>
              Ta bort markering
            </Button>
          </div>
          {reading && <Spinner size="tiny" label="Läser arbetsboken …" />}
          <div ref={workbookResult.ref} tabIndex={-1} role="region" aria-label="Resultat för aktiv arbetsbok">
            {workbook && <FileResult result={workbook} onSelect={select} />}
            {workbookPrevious.map((f) => (
              <FileResult key={f.file} result={f} />
            ))}
          </div>
        </>
      )}
      <FilePicker
        label="Förra periodens filer (valfritt)"
        hint="Väljs före kontrollen: då prövas att perioden börjar där den förra slutade, enhet för enhet."
        disabled={operation.busy || reading}
        onFiles={setPrevious}
      />
      <FilePicker
        label={excel ? "Eller kontrollera ifyllda mallar från filer" : "Ifyllda mallar att kontrollera"}
        hint="Välj en eller flera filer (.xlsx, .xlsm, .xls, .ods). Filerna läses bara, de ändras aldrig."
        disabled={operation.busy}
        onFiles={checkPicked}
      />
      {operation.progress && (
        <OperationProgress progress={operation.progress} what="filer" onCancel={operation.cancel} />
      )}
      <div
        ref={filesResult.ref}
        tabIndex={-1}
        role="region"
        aria-label="Resultat av kontrollen"
        className={styles.result}
      >
        {notice && <Notice notice={notice} />}
        {files?.map((f, i) => (
          <FileResult key={`${f.file}-${i}`} result={f} />
        ))}
      </div>
    </div>
  );
}

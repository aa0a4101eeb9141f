import { useEffect, useRef, useState } from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/model";
import type { HostOperations } from "../host";
import type { CollectedRollup, FileOutcome } from "../../workbook/collect";
import type { NamedBytes } from "../../workbook/comparisonFiles";
import type { Comparison } from "../../core/comparison/model";
import { errorText } from "../errors";
import { EXPECTED_UNITS_ACCEPT, EXPECTED_UNITS_FILE } from "../expectedUnits";
import { pickedFile } from "../pickedFiles";
import { parseUnitList } from "../../core/unitList";
import { rollupNotice } from "../rollupOutcome";
import { useOperation } from "../useOperation";
import { useResultFocus } from "../useResultFocus";
import { loadWorkbookModule } from "../workbookModule";
import { FilePicker, WORKBOOK_ACCEPT } from "./FilePicker";
import { Notice, type NoticeData } from "./Notice";
import { OperationProgress } from "./OperationProgress";
import { RollupSummary } from "./RollupSummary";
import { ReportDownload } from "./ReportDownload";

export interface RollupPanelProps {
  host: HostOperations;
  catalog: Catalog;
  /** The expected units as typed, kept by the app so Skapa can hand its list over. */
  expectedText: string;
  onExpectedTextChange(text: string): void;
  /** Grows when Skapa hands its list over: focus then moves to the list. */
  expectedHandOvers?: number;
  /** Told of each roll-up that produced level 2 (Ekonomi uses its units). */
  onRolledUp?(collected: CollectedRollup): void;
}

interface RollupRun {
  files: FileOutcome[];
  collected?: CollectedRollup;
  fileName?: string;
  comparison?: Comparison;
}

/** Earlier periods' level-2 workbooks or their CSVs, and targets files: workbooks or CSV. */
const COMPARISON_ACCEPT = `${WORKBOOK_ACCEPT},.csv`;

async function namedBytes(file: File): Promise<NamedBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex" },
  control: { width: "100%", minWidth: 0 },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** Sammanställ: the units' files → checked, rolled up, written as the level-2 workbook. */
export function RollupPanel({
  host,
  catalog,
  expectedText,
  onExpectedTextChange,
  expectedHandOvers = 0,
  onRolledUp,
}: RollupPanelProps) {
  const styles = useStyles();
  const [picked, setPicked] = useState<File[]>([]);
  const [historyPicked, setHistoryPicked] = useState<File[]>([]);
  const [targetsPicked, setTargetsPicked] = useState<File>();
  const [run, setRun] = useState<RollupRun>();
  const [notice, setNotice] = useState<NoticeData>();
  const operation = useOperation();
  const result = useResultFocus();
  const expected = parseUnitList(expectedText);
  const expectedError = expected.errors.join("\n") || undefined;
  const expectedField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (expectedHandOvers > 0) expectedField.current?.focus();
  }, [expectedHandOvers]);

  async function readExpectedFile(files: File[]) {
    const file = files[0];
    if (!file) return;
    try {
      onExpectedTextChange(await file.text());
    } catch (e) {
      setNotice({ intent: "error", text: `${file.name} kunde inte läsas: ${errorText(e)}` });
    }
  }

  async function rollUp() {
    setNotice(undefined);
    setRun(undefined);
    const outcome = await operation.run(picked.length, async (signal, onProgress): Promise<RollupRun> => {
      const workbook = await loadWorkbookModule();
      const outcomes = await workbook.checkFiles(picked.map(pickedFile), catalog, { signal, onProgress });
      const history = await Promise.all(historyPicked.map(namedBytes));
      const targets = targetsPicked ? await namedBytes(targetsPicked) : undefined;
      const compare =
        history.length > 0 || targets
          ? (c: CollectedRollup) => workbook.comparisonOf(c, history, targets)
          : undefined;
      const level2 = await workbook.levelTwoOf(outcomes, catalog, {
        expectedUnits: expected.units.length > 0 ? expected.units : undefined,
        ...(compare ? { compare } : {}),
      });
      if (!level2 || signal.aborted) return { files: outcomes };
      await host.deliverLevel2(level2.bytes, level2.fileName);
      return {
        files: level2.collected.files,
        collected: level2.collected,
        fileName: level2.fileName,
        ...(level2.comparison ? { comparison: level2.comparison } : {}),
      };
    });
    result.moveFocus();
    if (outcome.status === "cancelled")
      return setNotice({ intent: "warning", text: "Avbrutet. Ingen sammanställning gjordes." });
    if (outcome.status === "failed") return setNotice({ intent: "error", text: errorText(outcome.error) });
    const { collected, fileName } = outcome.value;
    setRun(outcome.value);
    if (collected) onRolledUp?.(collected);
    if (!collected)
      setNotice({ intent: "error", text: "Ingen av filerna kunde användas. Se orsakerna nedan." });
    else
      setNotice(
        rollupNotice(
          collected,
          host.kind === "excel"
            ? "Nivå 2 har lagts in som nya blad i arbetsboken."
            : `Nivå 2 har laddats ned som ${fileName}.`,
        ),
      );
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
        <Textarea
          ref={expectedField}
          className={styles.control}
          value={expectedText}
          onChange={(_, d) => onExpectedTextChange(d.value)}
          rows={3}
          resize="vertical"
        />
      </Field>
      <FilePicker
        label="Eller läs listan från fil (valfritt)"
        hint={`Listan ${EXPECTED_UNITS_FILE} som Skapa ger när flera mallar skapas.`}
        accept={EXPECTED_UNITS_ACCEPT}
        multiple={false}
        disabled={operation.busy}
        onFiles={readExpectedFile}
      />
      <FilePicker
        label="Tidigare perioder (valfritt)"
        hint="Nivå 2-arbetsböcker eller CSV-filer som uppfoljning skrev för tidigare perioder. Översikt visar förändringen."
        accept={COMPARISON_ACCEPT}
        disabled={operation.busy}
        onFiles={(files) => {
          setHistoryPicked(files);
          setRun(undefined);
        }}
      />
      <FilePicker
        label="Mål (valfritt)"
        hint="Målfilen för uppdraget och året (uppfoljning mal-mall). Översikt visar om målen nås."
        accept={COMPARISON_ACCEPT}
        multiple={false}
        disabled={operation.busy}
        onFiles={(files) => {
          setTargetsPicked(files[0]);
          setRun(undefined);
        }}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={rollUp}
          disabled={operation.busy || picked.length === 0 || expectedError !== undefined}
        >
          Sammanställ
        </Button>
      </div>
      {operation.progress && (
        <OperationProgress progress={operation.progress} what="filer" onCancel={operation.cancel} />
      )}
      <div
        ref={result.ref}
        tabIndex={-1}
        role="region"
        aria-label="Resultat av sammanställningen"
        className={styles.result}
      >
        {notice && <Notice notice={notice} />}
        {run && <RollupSummary collected={run.collected} files={run.files} comparison={run.comparison} />}
        {run?.collected && <ReportDownload collected={run.collected} comparison={run.comparison} />}
      </div>
    </div>
  );
}

import { useState } from "react";
import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog, Uppdrag } from "../../core/model";
import type { Period } from "../../core/period";
import type { HostOperations } from "../host";
import type { ExpectedUnit } from "../../core/rollup";
import { errorText } from "../errors";
import { EXPECTED_UNITS_FILE, downloadExpectedUnits } from "../expectedUnits";
import { checkPeriodFor, examplePeriod, frequencyText } from "../../core/templateRequest";
import { yieldToBrowser } from "../pickedFiles";
import { parseUnitList } from "../../core/unitList";
import { useOperation, type Outcome } from "../useOperation";
import { useResultFocus } from "../useResultFocus";
import { loadWorkbookModule } from "../workbookModule";
import { Notice, type NoticeData } from "./Notice";
import { OperationProgress } from "./OperationProgress";
import { present } from "../../core/invariant";

export interface CreatePanelProps {
  host: HostOperations;
  catalog: Catalog;
  /** Hands the list of units just created to Sammanställ, as its expected units. */
  onUseExpectedUnits?(units: ExpectedUnit[]): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  control: { width: "100%", minWidth: 0 },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** The description's first sentence: a narrow pane has no room for the whole text. */
function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s+[A-ZÅÄÖ]|$)/s.exec(text)?.[0] ?? text;
}

function unitsHint(uppdrag: Uppdrag): string {
  const base = "En enhet per rad.";
  const [first] = uppdrag.parts;
  if (!first) return base;
  const parts = uppdrag.parts.map((p) => `${p.id} (${p.label})`).join(", ");
  return `${base} En mall för bara vissa delar: "Enhet; ${first.id}". Delar: ${parts}.`;
}

function createdNotice(
  outcome: Outcome<number>,
  created: number,
  total: number,
  period: Period,
  firstUnit: string,
  host: HostOperations,
): NoticeData {
  if (outcome.status === "failed")
    return {
      intent: "error",
      text: `${errorText(outcome.error)}${created > 0 ? `\n${created} av ${total} mallar hann skapas.` : ""}`,
    };
  if (outcome.status === "cancelled")
    return { intent: "warning", text: `Avbrutet. ${created} av ${total} mallar hann skapas.` };
  const where =
    host.kind === "excel"
      ? total === 1
        ? "har öppnats som en ny arbetsbok"
        : "har öppnats som nya arbetsböcker"
      : "har laddats ned";
  return {
    intent: "success",
    text:
      total === 1
        ? `Mallen för ${firstUnit} (${period.label}) ${where}.`
        : `${total} mallar för ${period.label} ${where}.`,
  };
}

/** Skapa: one follow-up template per unit, for the chosen uppdrag and period. */
export function CreatePanel({ host, catalog, onUseExpectedUnits }: CreatePanelProps) {
  const styles = useStyles();
  const [uppdragId, setUppdragId] = useState(catalog.uppdrag[0]?.id ?? "");
  const [unitsText, setUnitsText] = useState("");
  const [periodText, setPeriodText] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [contact, setContact] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<NoticeData>();
  /** The units of the last run that made several templates: what Sammanställ should expect. */
  const [createdUnits, setCreatedUnits] = useState<ExpectedUnit[]>();
  const operation = useOperation();
  const result = useResultFocus();

  const uppdrag = catalog.uppdrag.find((u) => u.id === uppdragId);
  if (!uppdrag) return <Notice notice={{ intent: "error", text: "Katalogen har inga uppdrag." }} />;
  const units = parseUnitList(unitsText, uppdrag);
  const period = checkPeriodFor(uppdrag, periodText);
  const unitsError =
    units.errors.join("\n") || (submitted && units.units.length === 0 ? "Skriv minst en enhet." : undefined);
  const periodError = !period.ok && (submitted || periodText.trim() !== "") ? period.error : undefined;

  async function create() {
    setSubmitted(true);
    setNotice(undefined);
    setCreatedUnits(undefined);
    if (!uppdrag || !period.ok || units.errors.length > 0 || units.units.length === 0) return;
    const list = units.units;
    let created = 0;
    const outcome = await operation.run(list.length, async (signal, onProgress) => {
      const { planTemplates } = await loadWorkbookModule();
      for (const template of planTemplates(uppdrag, period.period, list, {
        dueDate: dueDate || undefined,
        contact: contact.trim() || undefined,
      })) {
        if (signal.aborted) return created;
        await yieldToBrowser();
        await host.openTemplate(await template.write(), template.fileName);
        created++;
        onProgress(created, list.length);
      }
      return created;
    });
    const firstUnit = present(list[0], "den första enheten").unit;
    setNotice(createdNotice(outcome, created, list.length, period.period, firstUnit, host));
    if (outcome.status === "done" && list.length > 1) setCreatedUnits(list);
    result.moveFocus();
  }

  return (
    // A form, so Enter in a field creates the templates as the button does.
    <form
      className={styles.root}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!operation.busy) void create();
      }}
    >
      <Field label="Uppdrag" hint={firstSentence(uppdrag.description)}>
        <Select className={styles.control} value={uppdragId} onChange={(_, d) => setUppdragId(d.value)}>
          {catalog.uppdrag.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Enheter"
        required
        hint={unitsHint(uppdrag)}
        validationMessage={unitsError}
        validationState={unitsError ? "error" : "none"}
      >
        <Textarea
          className={styles.control}
          value={unitsText}
          onChange={(_, d) => setUnitsText(d.value)}
          rows={3}
          resize="vertical"
          placeholder="Team Norr"
        />
      </Field>
      <Field
        label="Period"
        required
        hint={`Följs upp per ${frequencyText(uppdrag)}, t.ex. ${examplePeriod(uppdrag)}.`}
        validationMessage={periodError}
        validationState={periodError ? "error" : "none"}
      >
        <Input
          className={styles.control}
          value={periodText}
          onChange={(_, d) => setPeriodText(d.value)}
          placeholder={examplePeriod(uppdrag)}
        />
      </Field>
      <Field label="Sista dag att lämna in (valfritt)">
        <Input
          className={styles.control}
          type="date"
          value={dueDate}
          onChange={(_, d) => setDueDate(d.value)}
        />
      </Field>
      <Field label="Kontaktperson (valfritt)" hint="Namn och e-post till den som svarar på frågor om mallen.">
        <Input className={styles.control} value={contact} onChange={(_, d) => setContact(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={operation.busy}>
          {units.units.length > 1 ? `Skapa ${units.units.length} mallar` : "Skapa mall"}
        </Button>
      </div>
      {operation.progress && (
        <OperationProgress progress={operation.progress} what="mallar" onCancel={operation.cancel} />
      )}
      <div
        ref={result.ref}
        tabIndex={-1}
        role="region"
        aria-label="Resultat av Skapa"
        className={styles.result}
      >
        {notice && <Notice notice={notice} />}
        {createdUnits && (
          <>
            <Text>Sammanställ kan med listan över enheterna visa vilka som inte har lämnat in.</Text>
            <div className={styles.actions}>
              <Button onClick={() => downloadExpectedUnits(createdUnits)}>
                Ladda ned listan ({EXPECTED_UNITS_FILE})
              </Button>
              {onUseExpectedUnits && (
                <Button onClick={() => onUseExpectedUnits(createdUnits)}>Använd listan i Sammanställ</Button>
              )}
            </div>
          </>
        )}
      </div>
    </form>
  );
}

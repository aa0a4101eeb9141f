import { useMemo, useState } from "react";
import {
  Button,
  Field,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BudgetMapping, MappingEntry, MoneyUnit } from "../../core/finance";
import type { Problem } from "../../core/model";
import type { CollectedRollup } from "../../workbook/collect";
import type { BudgetCells } from "../budgetOps";
import { MAPPING_ACCEPT, budgetMappingFileName, downloadMapping } from "../budgetMappingFile";
import { errorText } from "../errors";
import { followUpUnits } from "../followUpUnits";
import type { CellRef, HostOperations } from "../host";
import { useResultFocus } from "../useResultFocus";
import { loadWorkbookModule, type WorkbookModule } from "../workbookModule";
import { BudgetSummary } from "./BudgetSummary";
import { FilePicker } from "./FilePicker";
import { MappingEditor, NO_UNIT, type MappingChoices } from "./MappingEditor";
import { Notice, type NoticeData } from "./Notice";
import { ProblemList } from "./ProblemList";

export interface EkonomiPanelProps {
  host: HostOperations;
  /** The roll-up made under Sammanställ: its units are the ones budget rows are matched to. */
  rollup?: CollectedRollup;
  /** Sammanställ's list of expected units: the default list when there is no roll-up yet. */
  expectedText?: string;
}

/** The budget as read, and where from (a picked file or the active workbook). */
interface LoadedBudget {
  cells: BudgetCells;
  from: "file" | "workbook";
}

/** The mapping in use: loaded from a file or the workbook, or just confirmed. */
interface SavedMapping {
  mapping?: BudgetMapping;
  from: string;
  problems: Problem[];
}

const BUDGET_ACCEPT = ".xlsx,.xlsm,.xls,.ods,.csv,.txt";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  control: { width: "100%", minWidth: 0 },
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

/** Ekonomi: the budget file checked, its rows mapped to the follow-up's units, the mapping confirmed and saved. */
export function EkonomiPanel({ host, rollup, expectedText = "" }: EkonomiPanelProps) {
  const styles = useStyles();
  const [ops, setOps] = useState<WorkbookModule>();
  const [budget, setBudget] = useState<LoadedBudget>();
  const [unit, setUnit] = useState<MoneyUnit | "">("");
  const [unitsText, setUnitsText] = useState<string>();
  const [saved, setSaved] = useState<SavedMapping>();
  const [choices, setChoices] = useState<MappingChoices>({});
  const [notice, setNotice] = useState<NoticeData>();
  const [busy, setBusy] = useState(false);
  /** After writing: what the finance found beyond the table's checks (no column for the period, key figures left out). */
  const [financeNotes, setFinanceNotes] = useState<Problem[]>();
  const result = useResultFocus();
  const excel = host.kind === "excel" ? host : undefined;

  const units = followUpUnits(rollup, unitsText ?? expectedText);
  const reading = useMemo(
    () => (ops && budget ? ops.readBudget(budget.cells, unit || undefined) : undefined),
    [ops, budget, unit],
  );
  // Cheap (a name lookup per row), so worked out on each render rather than memoised on a rebuilt unit list.
  const match =
    ops && reading && units.units.length > 0
      ? ops.matchBudget(reading, units.units, saved?.mapping)
      : undefined;

  /** Runs a step that loads the finance code first; a failure becomes the notice. */
  async function step(action: (ops: WorkbookModule) => Promise<void>) {
    setNotice(undefined);
    setBusy(true);
    try {
      const loaded = await loadWorkbookModule();
      setOps(loaded);
      await action(loaded);
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
    } finally {
      setBusy(false);
      result.moveFocus();
    }
  }

  /** A new budget: choices made for the last one no longer apply. */
  function takeBudget(next: LoadedBudget) {
    setBudget(next);
    setChoices({});
    setFinanceNotes(undefined);
  }

  const pickBudget = (files: File[]) =>
    step(async (ops) => {
      const file = files[0];
      if (!file) return;
      const read = ops.budgetCellsOfFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) {
        setBudget(undefined);
        setNotice({ intent: "error", text: read.message });
        return;
      }
      takeBudget({ cells: read.budget, from: "file" });
    });

  const readActiveWorkbook = () =>
    step(async (ops) => {
      if (!excel) return;
      const book = await excel.readWorkbookSheets();
      const found = ops.budgetOfWorkbook(book);
      if (!found) {
        setNotice({
          intent: "warning",
          text: `Ingen budgettabell hittades i ${book.file}: inget blad har en kolumn med verksamhet, uppdrag, enhet eller ansvar och kolumner med belopp. Välj budgetfilen nedan i stället.`,
        });
        return;
      }
      takeBudget({ cells: found, from: "workbook" });
      // The mapping confirmed in this workbook last period, if any.
      const text = excel.savedBudgetMapping();
      if (text)
        setSaved({ ...ops.parseMapping(text, "arbetsboken", rollup?.uppdrag.id), from: "arbetsboken" });
    });

  const pickMapping = (files: File[]) =>
    step(async (ops) => {
      const file = files[0];
      if (!file) return;
      const parsed = ops.parseMapping(await file.text(), file.name, rollup?.uppdrag.id);
      setSaved({ ...parsed, from: file.name });
      setChoices({});
    });

  const confirm = () =>
    step(async (ops) => {
      if (!match || !budget) return;
      const picked: MappingEntry[] = Object.entries(choices)
        .filter(([, value]) => value !== "")
        .map(([row, value]) => ({ row, unit: value === NO_UNIT ? null : value }));
      const mapping = ops.confirmMapping(match, picked, rollup?.uppdrag.id);
      const json = ops.serializeMapping(mapping);
      let where: string;
      if (excel) {
        await excel.saveBudgetMapping(json);
        where = "Kopplingen är sparad i arbetsboken och används nästa gång.";
      } else {
        const name = downloadMapping(json, budget.cells.source);
        where = `Kopplingen har laddats ned som ${name}. Spara den bredvid budgetfilen och välj den nästa period.`;
      }
      setSaved({
        mapping,
        from: excel ? "arbetsboken" : budgetMappingFileName(budget.cells.source),
        problems: [],
      });
      setChoices({});
      setNotice({ intent: "success", text: where });
    });

  const writeSheet = () =>
    step(async (ops) => {
      if (!rollup || !budget) return;
      const current = ops.readBudget(budget.cells, unit || undefined);
      const finance = ops.financeOf(rollup, current, saved?.mapping, saved?.mapping ? saved.from : undefined);
      setFinanceNotes(ops.financeNotes(finance, current));
      if (excel) {
        const name = await excel.writeEkonomiSheet(ops.ekonomiLayoutOf(rollup, finance));
        setNotice({
          intent: "success",
          text: `Bladet ${name} har lagts in i arbetsboken, med formler mot Nivå 2.`,
        });
      } else {
        const level2 = await ops.level2WithEkonomi(rollup, finance);
        await host.deliverLevel2(level2.bytes, level2.fileName);
        setNotice({
          intent: "success",
          text: `Nivå 2 med bladet Ekonomi har laddats ned som ${level2.fileName}.`,
        });
      }
    });

  const select =
    excel && budget?.from === "workbook"
      ? (ref: CellRef) =>
          void excel.selectCell(ref).catch((e: unknown) => setNotice({ intent: "error", text: errorText(e) }))
      : undefined;
  const title = reading ? `${reading.source}${reading.sheet ? `, blad ${reading.sheet}` : ""}` : "";

  return (
    <div className={styles.root}>
      <Text>
        Kontrollera budgeten, koppla dess rader till uppföljningens enheter och spara kopplingen till nästa
        period.
      </Text>
      {excel && (
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={readActiveWorkbook} disabled={busy}>
            Läs budget från aktiv arbetsbok
          </Button>
        </div>
      )}
      <FilePicker
        label={excel ? "Eller välj budgetfilen" : "Budgetfil"}
        hint="Driftredovisning eller budgetmall (.xlsx, .xls, .ods eller CSV) med en rad per verksamhet. Filen läses bara, den ändras aldrig."
        accept={BUDGET_ACCEPT}
        multiple={false}
        disabled={busy}
        onFiles={(files) => void pickBudget(files)}
      />
      <Field label="Beloppens enhet" hint="Används när tabellens rubriker inte säger tkr eller kr.">
        <Select
          value={unit}
          onChange={(_, d) => setUnit(d.value as MoneyUnit | "")}
          className={styles.control}
        >
          <option value="">Enligt rubriken</option>
          <option value="tkr">tkr</option>
          <option value="kr">kr</option>
        </Select>
      </Field>
      {units.from === "rollup" ? (
        <Text>
          Enheterna från sammanställningen ({units.units.length}): {units.units.join(", ")}.
        </Text>
      ) : (
        <Field
          label="Uppföljningens enheter"
          hint="En enhet per rad. Gör sammanställningen under Sammanställ först, så används dess enheter."
          validationMessage={units.errors.join("\n") || undefined}
          validationState={units.errors.length > 0 ? "error" : "none"}
        >
          <Textarea
            className={styles.control}
            value={unitsText ?? expectedText}
            onChange={(_, d) => setUnitsText(d.value)}
            rows={3}
            resize="vertical"
          />
        </Field>
      )}
      {!excel && (
        <FilePicker
          label="Sparad koppling (valfritt)"
          hint="Filen .mappning.json från förra perioden: raderna kopplas som då."
          accept={MAPPING_ACCEPT}
          multiple={false}
          disabled={busy}
          onFiles={(files) => void pickMapping(files)}
        />
      )}
      {busy && <Spinner size="tiny" label="Läser budgeten …" />}
      <div
        ref={result.ref}
        tabIndex={-1}
        role="region"
        aria-label="Resultat för budgeten"
        className={styles.result}
      >
        {notice && <Notice notice={notice} />}
        {reading && (
          <BudgetSummary
            title={title}
            lines={reading.lines}
            signs={reading.signs}
            problems={reading.problems}
            onSelect={select}
          />
        )}
        {saved && (saved.mapping || saved.problems.length > 0) && (
          <>
            {saved.mapping && <Text>Sparad koppling används: {saved.from}.</Text>}
            {saved.problems.length > 0 && <ProblemList problems={saved.problems} />}
          </>
        )}
        {reading && !match && units.units.length === 0 && (
          <Text>
            Ange uppföljningens enheter (eller gör sammanställningen) för att koppla budgetraderna till dem.
          </Text>
        )}
        {match && (
          <MappingEditor
            match={match}
            units={units.units}
            choices={choices}
            onChoice={(row, value) => setChoices((c) => ({ ...c, [row]: value }))}
            onConfirm={() => void confirm()}
            disabled={busy}
            saveHint={
              excel
                ? "Kopplingen sparas i arbetsboken."
                : `Kopplingen laddas ned som ${budgetMappingFileName(reading?.source ?? "budget")}.`
            }
          />
        )}
        {reading && (
          <section className={styles.result} aria-label="Ekonomibladet">
            <Text as="h3" weight="semibold">
              Ekonomibladet
            </Text>
            <Text>
              {!rollup
                ? "Gör sammanställningen under Sammanställ först: bladet Ekonomi ställer budget och utfall bredvid måtten på Nivå 2."
                : excel
                  ? "Bladet Ekonomi läggs in i arbetsboken med formler mot Nivå 2: rätta ett budgetbelopp där så följer nyckeltalen med."
                  : "Nivå 2 laddas ned igen, nu med bladet Ekonomi: formler mot Nivå 2, så att nyckeltalen följer ett rättat budgetbelopp."}
              {rollup && match && match.unmatchedRows.length > 0
                ? " Budgetrader utan bekräftad koppling listas på bladet som oanvända."
                : ""}
            </Text>
            <div className={styles.buttons}>
              <Button appearance="primary" onClick={() => void writeSheet()} disabled={busy || !rollup}>
                Skriv Ekonomibladet
              </Button>
            </div>
            {financeNotes && financeNotes.length > 0 && <ProblemList problems={financeNotes} />}
          </section>
        )}
      </div>
    </div>
  );
}

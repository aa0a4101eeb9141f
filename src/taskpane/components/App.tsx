import { useState, type ReactNode } from "react";
import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/model";
import { formatCatalogError, type CatalogError, type CatalogSource } from "../../core/catalog";
import { addUppdragFiles, addedPath } from "../addedUppdrag";
import { FilePicker } from "./FilePicker";
import type { ExpectedUnit } from "../../core/rollup";
import { formatUnitList } from "../../core/unitList";
import type { HostOperations } from "../host";
import type { CollectedRollup } from "../../workbook/collect";
import { CheckPanel } from "./CheckPanel";
import { CreatePanel } from "./CreatePanel";
import { EkonomiPanel } from "./EkonomiPanel";
import { Notice } from "./Notice";
import { RollupPanel } from "./RollupPanel";

export interface AppProps {
  host: HostOperations;
  catalog: Catalog;
  catalogErrors?: readonly CatalogError[];
  /** The bundled catalog files: given, the controller can add uppdrag files of their own for the session. */
  catalogSources?: readonly CatalogSource[];
}

type TabId = "skapa" | "kontrollera" | "sammanstall" | "ekonomi";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
  },
  header: { display: "flex", flexDirection: "column" },
  title: { margin: 0 },
  // A task pane can be 320 px wide: the tabs wrap rather than push the page sideways.
  tabs: { flexWrap: "wrap" },
  // Narrower than Fluent's small tab (6 px a side), so the four fit one row in a 400 px pane.
  tab: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/** The task pane: four tabs, each a step of the follow-up cycle. Panels stay mounted so results survive a tab switch. */
export function App({ host, catalog: bundled, catalogErrors = [], catalogSources }: AppProps) {
  const styles = useStyles();
  const [catalog, setCatalog] = useState(bundled);
  const [added, setAdded] = useState<CatalogSource[]>([]);
  const [addErrors, setAddErrors] = useState<string[]>([]);
  const addUppdrag = async (files: File[]) => {
    if (!catalogSources) return;
    const picked = await Promise.all(
      files.map(async (f) => ({ path: addedPath(f.name), text: await f.text() })),
    );
    const result = addUppdragFiles(catalogSources, added, picked);
    setAddErrors(result.ok ? [] : result.errors);
    if (result.ok) {
      setCatalog(result.catalog);
      setAdded(result.added);
    }
  };
  const [tab, setTab] = useState<TabId>("skapa");
  /** Sammanställ's expected units, here so that Skapa can fill them in. */
  const [expectedText, setExpectedText] = useState("");
  /** Counts hand-overs from Skapa; each one moves focus to the filled-in list. */
  const [handOvers, setHandOvers] = useState(0);
  /** The last roll-up made under Sammanställ: Ekonomi matches the budget's rows to its units. */
  const [rollup, setRollup] = useState<CollectedRollup>();
  const expectUnits = (units: ExpectedUnit[]) => {
    setExpectedText(formatUnitList(units));
    setTab("sammanstall");
    setHandOvers((n) => n + 1);
  };
  const tabs: { id: TabId; label: string; panel: ReactNode }[] = [
    {
      id: "skapa",
      label: "Skapa",
      panel: <CreatePanel host={host} catalog={catalog} onUseExpectedUnits={expectUnits} />,
    },
    { id: "kontrollera", label: "Kontrollera", panel: <CheckPanel host={host} catalog={catalog} /> },
    {
      id: "sammanstall",
      label: "Sammanställ",
      panel: (
        <RollupPanel
          host={host}
          catalog={catalog}
          expectedText={expectedText}
          onExpectedTextChange={setExpectedText}
          expectedHandOvers={handOvers}
          onRolledUp={setRollup}
        />
      ),
    },
    {
      id: "ekonomi",
      label: "Ekonomi",
      panel: <EkonomiPanel host={host} rollup={rollup} expectedText={expectedText} />,
    },
  ];
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          Uppföljning
        </Text>
        <Text size={200}>
          {host.kind === "excel"
            ? "Tillägg i Excel"
            : "Fristående sida: mallar och sammanställningar laddas ned som filer."}
        </Text>
      </header>
      {catalogErrors.length > 0 && (
        <Notice
          notice={{
            intent: "error",
            title: "Katalogen kunde inte läsas helt",
            text: catalogErrors.map(formatCatalogError).join("\n"),
          }}
        />
      )}
      {catalogSources && (
        <FilePicker
          label="Eget uppdrag (katalogfil, .json)"
          hint={
            added.length > 0
              ? `Tillagt för den här sessionen: ${added.map((a) => a.path.replace(addedPath(""), "")).join(", ")}.`
              : "Läggs till de inbyggda uppdragen för den här sessionen."
          }
          accept=".json"
          multiple={false}
          onFiles={(files) => void addUppdrag(files)}
        />
      )}
      {addErrors.length > 0 && (
        <Notice
          notice={{ intent: "error", title: "Uppdraget kunde inte läggas till", text: addErrors.join("\n") }}
        />
      )}
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label="Arbetsmoment"
        size="small"
        className={styles.tabs}
      >
        {tabs.map((t) => (
          <Tab
            key={t.id}
            id={`tab-${t.id}`}
            value={t.id}
            aria-controls={`panel-${t.id}`}
            className={styles.tab}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      <main>
        {tabs.map((t) => (
          <div
            key={t.id}
            id={`panel-${t.id}`}
            role="tabpanel"
            aria-labelledby={`tab-${t.id}`}
            hidden={tab !== t.id}
            className={styles.panel}
          >
            <Text as="h2" size={400} weight="semibold">
              {t.label}
            </Text>
            {t.panel}
          </div>
        ))}
      </main>
    </div>
  );
}

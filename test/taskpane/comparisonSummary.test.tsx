/**
 * Sammanställ with an earlier period and a targets file: the pane lists each key measure's value,
 * earlier value, change and target status, worked out by hand here, and names the history files
 * that were not used and why.
 */
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { comparisonOf } from "../../src/workbook/comparisonFiles";
import { toCsv } from "../../src/core/csv";
import type { Target } from "../../src/core/comparison/model";
import { comparisonView } from "../../src/taskpane/comparisonRows";
import { RollupSummary } from "../../src/taskpane/components/RollupSummary";
import { psyk, psykValues, unitWith } from "../core/builders";
import { collectedFor } from "../workbook/level2Fixture";

const u = psyk();
const collectedOf = (period: string, values: [string, Record<string, number>][]) =>
  collectedFor(
    u,
    values.map(([unit, v]) => unitWith(u, unit, v, { period })),
  );
// By hand. 2025H1: Norr 40 + 10 − 5 = 45, Söder 30 + 4 − 6 = 28 → 73 patients, 35 PAS.
// 2025H2: Norr 45 + 12 − 7 = 50, Söder 28 + 2 − 20 = 10 → 60 patients, 35 PAS.
const earlier = collectedOf("2025H1", [
  ["Team Norr", psykValues(40, 10, 5, 20, 3)],
  ["Team Söder", psykValues(30, 4, 6, 15, 2)],
]);
const current = collectedOf("2025H2", [
  ["Team Norr", psykValues(45, 12, 7, 20, 3)],
  ["Team Söder", psykValues(28, 2, 20, 15, 2)],
]);
const targets: Target[] = [
  // 60 < 70 − 5: ej uppnått.
  { measureId: "patienter_slut", target: 70, better: "högre", tolerance: 5 },
  // 14 ≤ 20: uppnått.
  { measureId: "patienter_nya", target: 20, better: "lägre", tolerance: 0 },
  // 60 / 35 ≈ 1,714: above 1,6 but within 1,6 + 0,2: nära.
  { measureId: "patienter_per_pas", target: 1.6, better: "lägre", tolerance: 0.2 },
];
const targetsCsv = toCsv(
  ["uppdrag", "år", "mått_id", "målvärde", "riktning", "tolerans"],
  targets.map((t) => [u.id, "2025", t.measureId, t.target, t.better, t.tolerance]),
);
const sv = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

let comparison: ReturnType<typeof comparisonOf>;
beforeAll(async () => {
  comparison = comparisonOf(
    current,
    [
      { name: "niva2-2025H1.xlsx", bytes: await writeLevel2(earlier) },
      { name: "niva2-2025H2.xlsx", bytes: await writeLevel2(current) },
      { name: "anteckningar.csv", bytes: new TextEncoder().encode("hej;hopp\n1;2\n") },
    ],
    { name: "mal.csv", bytes: new TextEncoder().encode(targetsCsv) },
  );
});

describe("Sammanställ med tidigare period och mål", () => {
  it("ger förändring och målstatus uträknade för hand", () => {
    const rows = new Map(comparisonView(u, comparison).rows.map((r) => [r.measureId, r]));
    expect(rows.get("patienter_slut")).toMatchObject({
      value: "60",
      earlier: "73 (Halvår 1 2025)",
      change: sv.format(60 - 73),
      target: "70 (högre är bättre)",
      status: "ej uppnått",
    });
    expect(rows.get("patienter_nya")).toMatchObject({
      value: "14",
      earlier: "14 (Halvår 1 2025)",
      change: sv.format(0),
      status: "uppnått",
    });
    expect(rows.get("patienter_per_pas")).toMatchObject({
      value: sv.format(60 / 35),
      change: sv.format(60 / 35 - 73 / 35),
      status: "nära",
    });
    // No target for SIP: no status, the change still shown.
    expect(rows.get("andel_patienter_med_sip")).toMatchObject({
      change: `+${sv.format((5 / 60) * 100 - (5 / 73) * 100)}`,
      target: "–",
    });
    expect(rows.get("andel_patienter_med_sip")?.status).toBeUndefined();
  });

  it("visar tabellen och namnger filerna som inte används, med orsak", () => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <RollupSummary collected={current} files={current.files} comparison={comparison} />
      </FluentProvider>,
    ).replaceAll("<!-- -->", "");
    // The cells as text; the comparison table comes after the key-figure table with the same labels.
    const cells = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    const row = cells.lastIndexOf("Antal patienter vid periodens slut");
    expect(html).toContain("Tidigare perioder: Halvår 1 2025.");
    expect(cells.slice(row, row + 6)).toEqual([
      "Antal patienter vid periodens slut",
      "60",
      "73 (Halvår 1 2025)",
      sv.format(60 - 73),
      "70 (högre är bättre)",
      "ej uppnått",
    ]);
    expect(html).toContain("Filer med tidigare perioder som inte används (2)");
    expect(html).toMatch(/niva2-2025H2\.xlsx gäller samma period/);
    expect(html).toMatch(/anteckningar\.csv kan inte läsas som en tidigare periods sammanställning/);
  });
});

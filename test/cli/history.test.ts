/**
 * `rollup --historik <mapp> --mal <fil>` as a user runs it, on the demo's two periods: every file
 * in the history folder is accounted for (used, or not used and why), the targets are judged,
 * the summary lines say so, and `mal-mall` writes a targets file the reader takes back.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli } from "./helpers";
import { readTargetsFile } from "../../src/workbook/readTargetsFile";
import { targetableMeasures } from "../../src/core/comparison/targets";
import { DEMO_TARGETS } from "../../src/cli/demoHistory";
import { loadTemplates } from "../../src/cli/templateFiles";

const uppdrag = loadTemplates().catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;

let dir = "";
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-historik-"));
  expect((await cli(["demo", "--out-dir", "demo"], dir)).code).toBe(0);
  const history = path.join(dir, "demo", "historik");
  const earlier = path.join(history, "niva2-2024H2.xlsx");
  fs.copyFileSync(earlier, path.join(history, "niva2-2024H2 (kopia).xlsx"));
  fs.copyFileSync(path.join(dir, "demo", "niva2.csv"), path.join(history, "niva2-nu.csv"));
  fs.writeFileSync(path.join(history, "anteckningar.txt"), "inte en sammanställning");
  fs.writeFileSync(path.join(history, "trasig.xlsx"), "inte en zip");
  fs.writeFileSync(path.join(history, ".dold.csv"), "x");
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rollup = (...extra: string[]) =>
  cli(
    [
      "rollup",
      "demo/inkommet",
      "--historik",
      "demo/historik",
      "--mal",
      "demo/mal-2025.xlsx",
      "--out",
      "ut/niva2.xlsx",
      ...extra,
    ],
    dir,
  );

test("accounts for every file in the history folder and uses one per earlier period", async () => {
  const { out } = await rollup("--json");
  const json = JSON.parse(out);
  const listed = json.comparison.historyFiles.map((f: { file: string }) => path.basename(f.file)).sort();
  expect(listed).toEqual(fs.readdirSync(path.join(dir, "demo", "historik")).sort());
  const why = Object.fromEntries(
    json.comparison.historyFiles.map(
      (f: { file: string; used: boolean; reason: { message: string } | null }) => [
        path.basename(f.file),
        f.used ? "används" : f.reason?.message,
      ],
    ),
  );
  expect(why).toEqual({
    "niva2-2024H2.xlsx": "används",
    "niva2-2024H2 (kopia).xlsx": expect.stringContaining(
      "samma period (2024H2) som demo/historik/niva2-2024H2.xlsx",
    ),
    "niva2-nu.csv": expect.stringContaining("samma period (2025H1) som den som sammanställs nu"),
    "anteckningar.txt": expect.stringContaining("varken en nivå 2-arbetsbok"),
    "trasig.xlsx": expect.stringContaining("trasig.xlsx"),
    ".dold.csv": expect.stringContaining("dold fil"),
  });
  expect(json.comparison.periods).toEqual(["2024H2"]);
  expect(json.comparison.targets.map((t: { measureId: string }) => t.measureId)).toEqual(
    DEMO_TARGETS.map((t) => t.measureId),
  );
}, 120_000);

test("prints the earlier period, each key measure's change and status, and the files not used", async () => {
  const { out } = await rollup();
  expect(out).toContain("Tidigare perioder: Halvår 2 2024.");
  expect(out).toMatch(
    /Antal patienter vid periodens slut: \d+ \(Halvår 2 2024: \d+, [+-]?\d+\); mål 80 \(högre är bättre\): /,
  );
  expect(out).toMatch(/Används inte: demo\/historik\/niva2-nu\.csv gäller samma period/);
  expect(out).toContain("Läses inte: demo/historik/anteckningar.txt");
}, 120_000);

test("mal-mall writes a targets file the reader takes back, one row per measure with a figure", async () => {
  const { code } = await cli(["mal-mall", uppdrag.id, "--ar", "2025", "--out", "mal.xlsx"], dir);
  expect(code).toBe(0);
  const empty = readTargetsFile(fs.readFileSync(path.join(dir, "mal.xlsx")), "mal.xlsx", uppdrag, "2025");
  expect(empty).toEqual({
    targets: { uppdrag: uppdrag.id, year: "2025", source: "mal.xlsx", targets: [] },
    problems: [],
  });
  const filled = readTargetsFile(
    fs.readFileSync(path.join(dir, "demo", "mal-2025.xlsx")),
    "mal.xlsx",
    uppdrag,
    "2025",
  );
  expect(filled.targets?.targets).toEqual(DEMO_TARGETS);
  expect(targetableMeasures(uppdrag).length).toBeGreaterThan(DEMO_TARGETS.length);
  const otherYear = readTargetsFile(fs.readFileSync(path.join(dir, "mal.xlsx")), "mal.xlsx", uppdrag, "2026");
  expect(otherYear.targets).toBeUndefined();
});

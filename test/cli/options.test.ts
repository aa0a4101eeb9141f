/**
 * The options of `rollup` and `validate` that choose what is rolled up or checked (--uppdrag,
 * --period) and the tidy CSV (--csv), on real files in a temporary folder.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli } from "./helpers";
import { fillByNames } from "../workbook/sheetjsFill";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-options-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Creates a template for one unit and fills it; returns the file's path. */
async function filled(
  folder: string,
  uppdrag: string,
  unit: string,
  period: string,
  values: Record<string, string | number>,
  parts?: string,
): Promise<string> {
  const file = path.join(dir, folder, `${uppdrag}-${unit}-${period}.xlsx`);
  const r = await cli([
    "create",
    uppdrag,
    "--unit",
    unit,
    "--period",
    period,
    "--out",
    file,
    ...(parts ? ["--parts", parts] : []),
  ]);
  expect(r.code).toBe(0);
  fs.writeFileSync(file, fillByNames(new Uint8Array(fs.readFileSync(file)), values));
  return file;
}

const flows = (start: number, nya: number, avslutade: number, pas: number, fte: number | string) => ({
  patienter_start: start,
  patienter_nya: nya,
  patienter_avslutade: avslutade,
  patienter_slut: start + nya - avslutade,
  pas_antal: pas,
  sip_patienter: start + nya - avslutade,
  arsarbetare: fte,
});

describe("rollup --period, --uppdrag and --csv", () => {
  let inbox: string;
  beforeAll(async () => {
    inbox = path.join(dir, "in");
    // Two files of 2025H1, one of 2024H2, and one of another uppdrag.
    await filled("in", "psykiatrisk-hemsjukvard", "Team Norr", "2025H1", flows(20, 4, 2, 2, "2,5"));
    await filled("in", "psykiatrisk-hemsjukvard", "Team Syd", "2025H1", flows(10, 2, 1, 1, 1.25));
    await filled("in", "psykiatrisk-hemsjukvard", "Team Norr", "2024H2", flows(7, 1, 1, 1, 3));
    await filled(
      "in",
      "oppna-verksamheter",
      "Demenscenter",
      "2025H1",
      { demens_utredningar: 3, brukare_demenscenter: 41 },
      "demenscenter",
    );
  }, 120_000);

  async function rollupJson(...options: string[]) {
    const r = await cli([
      "rollup",
      inbox,
      "--out",
      path.join(dir, `niva2-${options.join("")}.xlsx`),
      "--json",
      ...options,
    ]);
    expect(r.err).toBe("");
    return { code: r.code, json: JSON.parse(r.out) };
  }

  it("rolls up the most common uppdrag and period when none is asked for", async () => {
    const { json } = await rollupJson();
    expect(json).toMatchObject({ uppdrag: "psykiatrisk-hemsjukvard", period: "2025H1" });
    expect(json.level2.patienter_slut.value).toBe(22 + 11);
  });

  it("rolls up the period given with --period, and rejects the others", async () => {
    const { json } = await rollupJson("--period", "2024H2");
    expect(json.period).toBe("2024H2");
    expect(json.units.map((u: { unit: string }) => u.unit)).toEqual(["Team Norr"]);
    expect(json.level2.patienter_slut.value).toBe(7);
    expect(json.level2.arsarbetare.value).toBe(3);
    const rejected = json.files
      .filter((f: { status: string }) => f.status === "rejected")
      .map((f: { file: string; reason: { code: string } }) => [path.basename(f.file), f.reason.code]);
    expect(rejected).toEqual(
      expect.arrayContaining([
        ["psykiatrisk-hemsjukvard-Team Norr-2025H1.xlsx", "otherPeriod"],
        ["psykiatrisk-hemsjukvard-Team Syd-2025H1.xlsx", "otherPeriod"],
      ]),
    );
  });

  it("rolls up the uppdrag given with --uppdrag, and rejects the other files", async () => {
    const { json } = await rollupJson("--uppdrag", "oppna-verksamheter");
    expect(json).toMatchObject({ uppdrag: "oppna-verksamheter", period: "2025H1" });
    expect(json.level2.demens_utredningar.value).toBe(3);
    expect(json.level2.brukare_demenscenter.value).toBe(41);
    const psykFiles = json.files.filter((f: { file: string }) =>
      path.basename(f.file).startsWith("psykiatrisk"),
    );
    expect(psykFiles).toHaveLength(3);
    for (const f of psykFiles)
      expect(f).toMatchObject({ status: "rejected", reason: { code: "otherUppdragThanAsked" } });
  });

  it("refuses an unknown uppdrag or period with a Swedish message and exit 2", async () => {
    const period = await cli(["rollup", inbox, "--out", path.join(dir, "x.xlsx"), "--period", "2025Q1"]);
    expect(period.code).toBe(2);
    expect(period.err).toContain('Perioden "2025Q1" känns inte igen');
    const uppdrag = await cli(["rollup", inbox, "--out", path.join(dir, "x.xlsx"), "--uppdrag", "hemtjanst"]);
    expect(uppdrag.code).toBe(2);
    expect(uppdrag.err).toContain('Uppdraget "hemtjanst" finns inte');
  });

  it("writes the level-2 figures to the CSV with a decimal comma, beside each unit's rows", async () => {
    const csvFile = path.join(dir, "data.csv");
    const r = await cli(["rollup", inbox, "--out", path.join(dir, "niva2-csv.xlsx"), "--csv", csvFile]);
    expect(r.err).toBe("");
    const lines = fs.readFileSync(csvFile, "utf8").split("\r\n");
    const cells = (id: string, level: number) =>
      lines.map((l) => l.split(";")).filter((c) => c[4] === id && c[2] === String(level));
    // årsarbetare: 2,5 + 1,25 = 3,75
    expect(cells("arsarbetare", 2).map((c) => [c[3], c[6]])).toEqual([["Nivå 2 (hela uppdraget)", "3,75"]]);
    expect(cells("arsarbetare", 3).map((c) => [c[3], c[6]])).toEqual([
      ["Team Norr", "2,5"],
      ["Team Syd", "1,25"],
    ]);
    // patienter per PAS: (22 + 11) / (2 + 1) = 11; andel med SIP: 33 / 33 × 100 = 100
    expect(cells("patienter_per_pas", 2).map((c) => c[6])).toEqual(["11"]);
    expect(cells("andel_patienter_med_sip", 2).map((c) => c[6])).toEqual(["100"]);
    expect(cells("patienter_slut", 2).map((c) => c[6])).toEqual(["33"]);
  });
});

describe("validate --uppdrag", () => {
  it("checks only the files of the uppdrag asked for and says why the others are not", async () => {
    // Run in `dir`, so files are named as given: v/….xlsx
    const psykFile = path.relative(
      dir,
      await filled("v", "psykiatrisk-hemsjukvard", "Team Norr", "2025H1", flows(20, 4, 2, 2, 2)),
    );
    const oppnaFile = path.relative(
      dir,
      await filled(
        "v",
        "oppna-verksamheter",
        "Demenscenter",
        "2025H1",
        { demens_utredningar: 3 },
        "demenscenter",
      ),
    );
    const all = await cli(["validate", "v", "--json"], dir);
    expect(JSON.parse(all.out).files.map((f: { status: string }) => f.status)).toEqual(["read", "read"]);

    const r = await cli(["validate", "v", "--uppdrag", "psykiatrisk-hemsjukvard"], dir);
    expect(r.code).toBe(2); // a file that is not checked counts as one that could not be read
    expect(r.out).toContain(
      `✗ ${oppnaFile} gäller uppdraget oppna-verksamheter, inte psykiatrisk-hemsjukvard, och hoppas över.`,
    );
    expect(r.out).toContain(`${psykFile} (Team Norr, 2025H1)`);

    const json = JSON.parse(
      (await cli(["validate", "v", "--uppdrag", "oppna-verksamheter", "--json"], dir)).out,
    );
    const byName = (name: string) => json.files.find((f: { file: string }) => f.file === name);
    expect(byName(psykFile)).toMatchObject({
      status: "rejected",
      reason: {
        code: "otherUppdragThanAsked",
        message: `${psykFile} gäller uppdraget psykiatrisk-hemsjukvard, inte oppna-verksamheter, och hoppas över.`,
      },
    });
    expect(byName(oppnaFile)).toMatchObject({ status: "read" });
  }, 60_000);
});

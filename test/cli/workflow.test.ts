/** The follow-up cycle through the command line, on files in a temporary folder. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createHash } from "node:crypto";
import * as XLSX from "xlsx";
import { cli } from "./helpers";
import { fillByNames, setMeta } from "../workbook/sheetjsFill";
import { ERROR_POLICY } from "../../src/core/messages/policy";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const hashes = (files: string[]) =>
  files.map((f) => createHash("sha256").update(fs.readFileSync(f)).digest("hex"));
const fill = (file: string, values: Parameters<typeof fillByNames>[1]) =>
  fs.writeFileSync(file, fillByNames(new Uint8Array(fs.readFileSync(file)), values));

const ok = (start: number, nya: number, avsl: number, pas: number) => ({
  patienter_start: start,
  patienter_nya: nya,
  patienter_avslutade: avsl,
  patienter_slut: start + nya - avsl,
  pas_antal: pas,
  sip_patienter: start + nya - avsl,
  arsarbetare: 2,
});
/** The Linköping fragment's required answers, so a file can be free of errors. */
const fragment = () => {
  const v: Record<string, string | number> = {};
  for (const a of ["samverkan", "delaktighet", "personcentrerat", "kompetens", "kunskapsbaserad", "ledning"])
    v[`kval_${a}_analys`] = "Analys";
  Object.assign(v, {
    kval_samverkan_metod: "SIP",
    kval_delaktighet_metod: "Enkät",
    kval_personcentrerat_metod: "Uppföljning av nätverksarbete",
    kval_kompetens_metod: "Medarbetarenkät",
    kval_kunskapsbaserad_metod: "Effektutvärderingar",
    kval_ledning_metod: "Budgetuppföljning/internbudget",
  });
  Object.assign(v, {
    gp_avslutade: 4,
    gp_avslutade_enligt_plan: 3,
    register_palliativ: "Ja",
    register_senior_alert: "Ja",
    register_bpsd: "Nej",
    register_analys: "Ok",
    undersokning_oppna_jamforelser: "Ja",
    undersokning_brukarundersokning: "Ja",
    undersokning_kkik: "Nej",
  });
  Object.assign(v, {
    tillsynsrapporter: 0,
    vardavvikelser: 3,
    lex_maria: 0,
    lex_sarah_rapporter: 1,
    lex_sarah_anmalningar: 0,
    synpunkter_klagomal: 2,
    avvikelser_analys: "Ok",
    egenkontroll_loggkontroller: "Ja",
    egenkontroll_dokumentation: "Ja",
    egenkontroll_brandskydd: "Ja",
    egenkontroll_basal_hygien: "Ja",
  });
  return v;
};

describe("uppfoljning create", () => {
  it("writes one template, and a whole send-out with the list of expected units", async () => {
    const single = await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "Team Norr",
      "--period",
      "2025H1",
      "--out",
      path.join(dir, "norr.xlsx"),
    ]);
    expect(single.code).toBe(0);
    expect(XLSX.read(fs.readFileSync(path.join(dir, "norr.xlsx"))).SheetNames).toContain("Verksamhetsmått");

    fs.writeFileSync(
      path.join(dir, "enheter.txt"),
      "# utskick\nDemenscenter; demenscenter\nAnhörigcenter; anhorigcenter\nLeanlink öppna verksamheter\n",
    );
    const many = await cli([
      "create",
      "oppna-verksamheter",
      "--units",
      path.join(dir, "enheter.txt"),
      "--period",
      "2025H2",
      "--out-dir",
      path.join(dir, "ut"),
    ]);
    expect(many.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "ut")).sort()).toEqual([
      "forvantade-enheter.txt",
      "oppna-verksamheter_2025H2_Anhorigcenter.xlsx",
      "oppna-verksamheter_2025H2_Demenscenter.xlsx",
      "oppna-verksamheter_2025H2_Leanlink-oppna-verksamheter.xlsx",
    ]);
    expect(fs.readFileSync(path.join(dir, "ut", "forvantade-enheter.txt"), "utf8")).toContain(
      "Demenscenter; demenscenter",
    );
  });

  it.each([
    [["--period", "2025X1"], /Perioden "2025X1" känns inte igen/],
    [["--period", "2025T1"], /följs upp per halvår, inte per tertial/],
    [["--period", "2025H1", "--parts", "demenscenter"], /delen "demenscenter" finns inte/],
    [["--period", "2025H1"], /Ange --out/],
  ])("refuses %j with a Swedish message and exit 2", async (args, message) => {
    const r = await cli(["create", "psykiatrisk-hemsjukvard", "--unit", "X", ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("uppfoljning validate and rollup", () => {
  async function sendOut() {
    fs.writeFileSync(path.join(dir, "enheter.txt"), "Team Norr\nTeam Syd\nTeam Centrum\n");
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--units",
      path.join(dir, "enheter.txt"),
      "--period",
      "2025H1",
      "--out-dir",
      path.join(dir, "ut"),
    ]);
    const norr = path.join(dir, "ut", "psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx");
    const syd = path.join(dir, "ut", "psykiatrisk-hemsjukvard_2025H1_Team-Syd.xlsx");
    const inbox = path.join(dir, "in");
    fs.mkdirSync(inbox);
    fs.copyFileSync(norr, path.join(inbox, "norr.xlsx"));
    fs.copyFileSync(syd, path.join(inbox, "syd.xlsx"));
    fill(path.join(inbox, "norr.xlsx"), { ...fragment(), ...ok(20, 4, 2, 2) });
    fill(path.join(inbox, "syd.xlsx"), { ...fragment(), ...ok(10, 2, 1, 1) });
    return inbox;
  }

  it("exits 0 for clean files, 1 with errors, 2 when a file cannot be read, and never changes the inputs", async () => {
    const inbox = await sendOut();
    const clean = await cli(["validate", inbox]);
    expect(clean.err).toBe("");
    expect(clean.code).toBe(0);
    expect(clean.out).toContain("2 filer: 0 fel");

    fill(path.join(inbox, "syd.xlsx"), { patienter_slut: 99 });
    const withErrors = await cli(["validate", inbox]);
    expect(withErrors.code).toBe(1);
    expect(withErrors.out).toMatch(
      /Fel: .*syd\.xlsx, blad Verksamhetsmått, cell C\d+ \(Antal patienter vid periodens slut\): Flödet går inte ihop/,
    );

    fs.writeFileSync(path.join(inbox, "trasig.xlsx"), "inte en arbetsbok");
    fs.writeFileSync(path.join(inbox, "~$syd.xlsx"), "låsfil");
    const files = fs.readdirSync(inbox).map((f) => path.join(inbox, f));
    const before = hashes(files);
    const unreadable = await cli(["validate", inbox, "--json"]);
    expect(unreadable.code).toBe(2);
    const json = JSON.parse(unreadable.out);
    expect(json.format).toBe("uppfoljning/validate@1");
    expect(json.files.find((f: { file: string }) => f.file.endsWith("trasig.xlsx"))).toMatchObject({
      status: "rejected",
      reason: { code: "notAWorkbook" },
    });
    expect(json.files.find((f: { file: string }) => f.file.endsWith("/syd.xlsx")).values.patienter_slut).toBe(
      99,
    );
    expect(json.skipped).toEqual([
      { file: expect.stringMatching(/~\$syd\.xlsx$/), reason: "Excels låsfil för en öppen arbetsbok" },
    ]);
    expect(hashes(files)).toEqual(before);
  });

  it("lists other files in a folder as skipped, not as unreadable workbooks", async () => {
    const inbox = await sendOut();
    fs.copyFileSync(
      path.join(dir, "ut", "forvantade-enheter.txt"),
      path.join(inbox, "forvantade-enheter.txt"),
    );
    fs.writeFileSync(path.join(inbox, "anteckningar.docx"), "PK\u0003\u0004 ett Word-dokument");
    fs.writeFileSync(path.join(inbox, "protokoll.pdf"), "%PDF-1.7");
    const r = await cli(["validate", inbox, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => path.basename(f.file))).toEqual(["norr.xlsx", "syd.xlsx"]);
    expect(
      json.skipped.map((s: { file: string; reason: string }) => [path.basename(s.file), s.reason]),
    ).toEqual([
      ["anteckningar.docx", "ingen arbetsbok"],
      ["forvantade-enheter.txt", "ingen arbetsbok"],
      ["protokoll.pdf", "ingen arbetsbok"],
    ]);
    const text = await cli(["rollup", inbox, "--out", path.join(dir, "niva2.xlsx")]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Hoppades över: .*protokoll\.pdf \(ingen arbetsbok\)/);
    // A file named explicitly is taken, and one that is not a workbook is still refused.
    const named = await cli(["validate", path.join(inbox, "protokoll.pdf")]);
    expect(named.code).toBe(2);
  });

  it("rolls up to a level-2 workbook, JSON and a CSV safe against formula injection", async () => {
    const inbox = await sendOut();
    fill(path.join(inbox, "syd.xlsx"), { kval_samverkan_analys: '=HYPERLINK("http://x")' });
    const out = path.join(dir, "niva2.xlsx");
    const r = await cli([
      "rollup",
      inbox,
      "--expected",
      path.join(dir, "ut", "forvantade-enheter.txt"),
      "--out",
      out,
      "--csv",
      path.join(dir, "data.csv"),
      "--json",
    ]);
    expect(r.code).toBe(1); // Team Centrum is missing
    const json = JSON.parse(r.out);
    expect(json.format).toBe("uppfoljning/rollup@1");
    expect(json.units.map((u: { unit: string }) => u.unit)).toEqual(["Team Norr", "Team Syd"]);
    expect(json.level2.patienter_slut).toMatchObject({
      value: 22 + 11,
      contributors: ["Team Norr", "Team Syd"],
      missing: ["Team Centrum"],
    });
    expect(json.level2.patienter_per_pas.value).toBeCloseTo(33 / 3, 12);
    expect(json.level2.lex_maria.value).toBe(0);
    expect(json.absentUnits).toEqual(["Team Centrum"]);
    expect(json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "unitMissing",
          message: "Enheten Team Centrum har inte lämnat någon uppföljning.",
        }),
      ]),
    );

    const csv = fs.readFileSync(path.join(dir, "data.csv"), "utf8");
    expect(csv.startsWith("\ufeffuppdrag;period;nivå;enhet;mått_id")).toBe(true);
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(csv).not.toMatch(/;"?=HYPERLINK/);

    const wb = XLSX.read(fs.readFileSync(out));
    expect(wb.SheetNames).toEqual([
      "Översikt",
      "Nivå 2",
      "Analyser",
      "Ärenden",
      "Filer",
      "Problem",
      "Data",
      "Diagram",
    ]);
  });

  it("checks continuity against last period's files with --previous", async () => {
    const inbox = await sendOut();
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "Team Norr",
      "--period",
      "2024H2",
      "--out",
      path.join(dir, "forra", "norr.xlsx"),
    ]);
    fill(path.join(dir, "forra", "norr.xlsx"), { ...fragment(), ...ok(18, 4, 3, 2) }); // slut 19, but this period starts at 20
    const r = await cli(["validate", path.join(inbox, "norr.xlsx"), "--previous", path.join(dir, "forra")]);
    expect(r.code).toBe(0); // a warning, not an error
    expect(r.out).toMatch(
      /Varning: .*norr\.xlsx, blad Verksamhetsmått, cell C\d+ \(Antal patienter vid periodens början\): Antal patienter vid periodens början är 20, men Antal patienter vid periodens slut var 19 för 2024H2/,
    );
  });

  it("uses a unit's file sent twice once, lists the copy everywhere, and does not exit 2 for it", async () => {
    const inbox = await sendOut();
    fs.copyFileSync(path.join(inbox, "norr.xlsx"), path.join(inbox, "norr (kopia).xlsx"));
    const out = path.join(dir, "niva2.xlsx");
    const r = await cli(["rollup", inbox, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const copy = json.files.find((f: { file: string }) => f.file.endsWith("norr (kopia).xlsx"));
    expect(copy).toMatchObject({
      status: "copy",
      copyOf: expect.stringMatching(/\/norr\.xlsx$/),
      reason: { code: "duplicateCopy", severity: "varning" },
    });
    expect(json.units.map((u: { file: string }) => path.basename(u.file))).toEqual(["norr.xlsx", "syd.xlsx"]);
    expect(json.level2.patienter_slut.value).toBe(22 + 11);
    const filer = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(fs.readFileSync(out)).Sheets["Filer"]!,
    );
    expect(filer.find((row) => String(row["Fil"]).endsWith("norr (kopia).xlsx"))).toMatchObject({
      Status: "Kopia",
      Orsak: expect.stringMatching(/är en kopia av .*norr\.xlsx/),
    });
    const text = await cli(["rollup", inbox, "--out", out]);
    expect(text.out).toMatch(/3 filer: 2 används, varav 0 med fel, 1 kopia, 0 avvisade/);
    expect(text.out).toMatch(/Kopia: .*norr \(kopia\)\.xlsx är en kopia av .*norr\.xlsx/);
  });

  it("reports a unit that sent two different files as such, not as a unit that sent nothing", async () => {
    const inbox = await sendOut();
    fs.copyFileSync(path.join(inbox, "syd.xlsx"), path.join(inbox, "syd-rattad.xlsx"));
    fill(path.join(inbox, "syd-rattad.xlsx"), { patienter_nya: 3, patienter_slut: 12 });
    const r = await cli([
      "rollup",
      inbox,
      "--expected",
      path.join(dir, "ut", "forvantade-enheter.txt"),
      "--out",
      path.join(dir, "niva2.xlsx"),
      "--json",
    ]);
    const json = JSON.parse(r.out);
    expect(
      json.files
        .filter((f: { status: string }) => f.status === "rejected")
        .map((f: { reason: { code: string } }) => f.reason.code),
    ).toEqual(["duplicateUnit", "duplicateUnit"]);
    expect(json.conflictingUnits).toEqual([
      {
        unit: "Team Syd",
        files: [expect.stringMatching(/syd\.xlsx$/), expect.stringMatching(/syd-rattad\.xlsx$/)],
      },
    ]);
    expect(json.absentUnits).toEqual(["Team Centrum"]);
    const messages = json.problems.map((p: { message: string }) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Enheten Team Syd skickade två olika filer/));
    expect(messages).not.toContainEqual(expect.stringMatching(/Team Syd har inte lämnat någon uppföljning/));
    expect(json.level2.patienter_slut).toMatchObject({
      contributors: ["Team Norr"],
      missing: ["Team Centrum", "Team Syd"],
    });
  });

  it("pairs last period's files by the same unit comparison everywhere, and says which could not be paired", async () => {
    const inbox = await sendOut();
    const forra = path.join(dir, "forra");
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "team norr",
      "--period",
      "2024H2",
      "--out",
      path.join(forra, "norr.xlsx"),
    ]);
    fill(path.join(forra, "norr.xlsx"), { ...fragment(), ...ok(18, 4, 3, 2) }); // slut 19, but this period starts at 20
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "Team Väst",
      "--period",
      "2024H2",
      "--out",
      path.join(forra, "vast.xlsx"),
    ]);
    fs.writeFileSync(path.join(forra, "trasig.xlsx"), "ingen arbetsbok");
    const r = await cli(["validate", inbox, "--previous", forra, "--json"]);
    expect(r.code).toBe(0); // warnings only
    const json = JSON.parse(r.out);
    const norr = json.files.find((f: { file: string }) => f.file.endsWith("norr.xlsx"));
    expect(norr.problems.map((p: { code: string }) => p.code)).toEqual(["continuityMismatch"]);
    const syd = json.files.find((f: { file: string }) => f.file.endsWith("syd.xlsx"));
    expect(syd.problems).toEqual([
      expect.objectContaining({
        code: "previousMissing",
        severity: "varning",
        message:
          "Ingen av förra periodens filer kunde paras med enheten Team Syd, så det går inte att pröva att perioden börjar där den förra slutade.",
      }),
    ]);
    expect(json.previous.map((p: { code: string; file: string }) => [p.code, path.basename(p.file)])).toEqual(
      [
        ["previousUnreadable", "trasig.xlsx"],
        ["previousUnpaired", "vast.xlsx"],
      ],
    );
    const text = await cli(["validate", inbox, "--previous", forra]);
    expect(text.out).toMatch(
      /Förra periodens filer:\n {4}Varning: Förra periodens fil används inte: .*trasig\.xlsx är ingen Excel- eller OpenDocument-arbetsbok/,
    );
    expect(text.out).toMatch(
      /Varning: Förra periodens fil .*vast\.xlsx \(Team Väst, 2024H2\) hör inte till någon av filerna/,
    );
  });

  it("refuses to write the level-2 workbook over an input", async () => {
    const inbox = await sendOut();
    const r = await cli(["rollup", inbox, "--out", path.join(inbox, "norr.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("indata skrivs aldrig över");
  });
});

describe("uppfoljning rollup: output names and the summary", () => {
  async function twoFiles() {
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "Team Norr",
      "--period",
      "2025H1",
      "--out",
      path.join(dir, "in", "norr.xlsx"),
    ]);
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "Team Syd",
      "--period",
      "2025H1",
      "--out",
      path.join(dir, "in", "syd.xlsx"),
    ]);
    fill(path.join(dir, "in", "norr.xlsx"), { ...fragment(), ...ok(20, 4, 2, 2) });
    fill(path.join(dir, "in", "syd.xlsx"), { ...fragment(), ...ok(10, 2, 1, 1), patienter_slut: 99 });
    return path.join(dir, "in");
  }

  it.each([
    [
      ["--out", "niva2.csv"],
      "--out niva2.csv: nivå 2 skrivs som en Excel-arbetsbok, så filnamnet ska sluta på .xlsx.",
    ],
    [["--out", "p4"], "--out p4: nivå 2 skrivs som en Excel-arbetsbok, så filnamnet ska sluta på .xlsx."],
    [
      ["--out", "niva2.xlsx", "--csv", "data.xlsx"],
      "--csv data.xlsx: tabellen Data skrivs som CSV, så filnamnet ska sluta på .csv.",
    ],
    [
      ["--out", "niva2.xlsx", "--csv", "niva2.xlsx"],
      "--csv niva2.xlsx: tabellen Data skrivs som CSV, så filnamnet ska sluta på .csv.",
    ],
  ])("refuses %j and leaves what is there alone", async (args, message) => {
    const inbox = await twoFiles();
    fs.writeFileSync(path.join(dir, "niva2.csv"), "den riktiga CSV-filen");
    const before = fs.readdirSync(dir).sort();
    const r = await cli(["rollup", inbox, ...args], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Fel: ${message}\n`);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(fs.readFileSync(path.join(dir, "niva2.csv"), "utf8")).toBe("den riktiga CSV-filen");
  });

  it("says how many files are used, how many of them have errors, and the policy for them", async () => {
    const inbox = await twoFiles();
    fs.writeFileSync(path.join(inbox, "trasig.xlsx"), "inte en arbetsbok");
    const r = await cli(["rollup", inbox, "--out", path.join(dir, "niva2.xlsx")], dir);
    const lines = r.out.split("\n");
    expect(lines[1]).toMatch(
      /^3 filer: 2 används, varav 1 med fel, 1 avvisad\. 1 fel och \d+ varningar i innehållet \(se bladet Problem\)\.$/,
    );
    expect(lines[2]).toBe(ERROR_POLICY);

    const json = JSON.parse(
      (await cli(["rollup", inbox, "--out", path.join(dir, "niva2.xlsx"), "--json"], dir)).out,
    );
    expect(json.summary).toEqual({ files: 3, used: 2, usedWithErrors: 1, copies: 0, rejected: 1 });

    const one = await cli(
      ["rollup", path.join(inbox, "norr.xlsx"), "--out", path.join(dir, "niva2.xlsx")],
      dir,
    );
    expect(one.out.split("\n")[1]).toBe(
      "1 fil: 1 används, varav 0 med fel, 0 avvisade. 0 fel och 0 varningar i innehållet (se bladet Problem).",
    );
  });
});

describe("uppfoljning validate on files it cannot use", () => {
  it.each([
    ["tom.xlsx", () => new Uint8Array(0), "är tom och kan inte läsas"],
    ["text.xlsx", () => new TextEncoder().encode("hej"), "är ingen Excel- eller OpenDocument-arbetsbok"],
    [
      "lösen.xlsx",
      () => {
        const cfb = XLSX.CFB.utils.cfb_new();
        XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", new Uint8Array(8));
        XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", new Uint8Array(64));
        return new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as number[]);
      },
      "är lösenordsskyddad",
    ],
  ])(
    "gives %s a Swedish message and exit 2, and goes on with the other files",
    async (name, bytes, message) => {
      await cli([
        "create",
        "psykiatrisk-hemsjukvard",
        "--unit",
        "Team Norr",
        "--period",
        "2025H1",
        "--out",
        path.join(dir, "norr.xlsx"),
      ]);
      fs.writeFileSync(path.join(dir, name), bytes());
      const r = await cli(["validate", dir]);
      expect(r.code).toBe(2);
      expect(r.out).toContain(`${name} ${message}`);
      expect(r.out).toMatch(/norr\.xlsx \(Team Norr, 2025H1\)/);
    },
  );

  it("gives another template version exit 2", async () => {
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "Team Norr",
      "--period",
      "2025H1",
      "--out",
      path.join(dir, "norr.xlsx"),
    ]);
    fs.writeFileSync(
      path.join(dir, "norr.xlsx"),
      setMeta(new Uint8Array(fs.readFileSync(path.join(dir, "norr.xlsx"))), "mallversion", "2024.1"),
    );
    const r = await cli(["validate", path.join(dir, "norr.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("är gjord med mallversion 2024.1");
  });
});

describe("validating on several worker threads (the built command)", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "uppfoljning.js");
  const built = fs.existsSync(path.join(__dirname, "..", "..", "dist", "cli", "checkWorker.js"));
  (built ? it : it.skip)("gives the same outcomes, in the same order, as the sequential path", async () => {
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--units",
      writeUnits(["A", "B", "C", "D", "E"]),
      "--period",
      "2025H1",
      "--out-dir",
      path.join(dir, "ut"),
    ]);
    const files = fs.readdirSync(path.join(dir, "ut")).filter((f) => f.endsWith(".xlsx"));
    files.forEach((f, i) =>
      fill(path.join(dir, "ut", f), {
        ...fragment(),
        ...ok(10 + i, i, 1, 1),
        ...(i === 2 ? { patienter_nya: "x" } : {}),
      }),
    );
    // Last period's file for A: the workers get the previous reports too.
    await cli([
      "create",
      "psykiatrisk-hemsjukvard",
      "--unit",
      "a",
      "--period",
      "2024H2",
      "--out",
      path.join(dir, "forra", "a.xlsx"),
    ]);
    fill(path.join(dir, "forra", "a.xlsx"), { ...fragment(), ...ok(5, 1, 1, 1) });
    const sequential = JSON.parse(
      (await cli(["validate", path.join(dir, "ut"), "--previous", path.join(dir, "forra"), "--json"], dir))
        .out,
    );
    expect(
      sequential.files
        .find((f: { unit: string }) => f.unit === "A")
        .problems.map((p: { code: string }) => p.code),
    ).toContain("continuityMismatch");
    expect(
      sequential.files
        .find((f: { unit: string }) => f.unit === "B")
        .problems.map((p: { code: string }) => p.code),
    ).toContain("previousMissing");
    const { execFileSync } = await import("node:child_process");
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        [bin, "validate", path.join(dir, "ut"), "--previous", path.join(dir, "forra"), "--json"],
        { cwd: dir, env: { ...process.env, UPPFOLJNING_WORKERS: "2" }, encoding: "utf8" },
      );
    } catch (e) {
      out = (e as { stdout: string }).stdout; // exit 1: file C has an error
    }
    expect(JSON.parse(out)).toEqual(sequential);
  });

  function writeUnits(units: string[]) {
    const file = path.join(dir, "enheter.txt");
    fs.writeFileSync(file, units.join("\n"));
    return file;
  }
});

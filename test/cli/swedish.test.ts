/** Everything the command line says about its own arguments is Swedish, and counts agree in number. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cli } from "./helpers";

/** English words commander uses, looked for after flags, names in quotes and <placeholders> are removed. */
const ENGLISH =
  /\b(error|unknown|missing|required|specified|too many|expected|but got|did you mean|one of|cannot|used with|default|display|output|usage|options|commands|allowed|choices|invalid|for|argument missing)\b/i;
const withoutNames = (text: string) =>
  text.replace(/'[^']*'|"[^"]*"|<[^>]*>|\[[^\]]*\]|(^|\s)--?[\w-]+/g, " ");

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-sv-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("commander's errors, in Swedish", () => {
  it.each([
    [["foo"], "Fel: okänt kommando 'foo'"],
    [["creat"], "Fel: okänt kommando 'creat'\n(Menade du create?)"],
    [["--bogus"], "Fel: okänd flagga '--bogus'"],
    [["validate", "x", "--prevous", "y"], "Fel: okänd flagga '--prevous'\n(Menade du --previous?)"],
    [["list", "--jsn"], "Fel: okänd flagga '--jsn'\n(Menade du --json?)"],
    [["validate"], "Fel: argumentet 'filer' saknas"],
    [["describe"], "Fel: argumentet 'uppdrag' saknas"],
    [["create", "x", "--unit"], "Fel: flaggan '--unit <enhet>' saknar värde"],
    [["rollup", "x", "--out"], "Fel: flaggan '--out <fil>' saknar värde"],
    [["create", "x"], "Fel: flaggan '--period <period>' måste anges"],
    [["rollup", "x"], "Fel: flaggan '--out <fil>' måste anges"],
    [
      ["create", "a", "b", "--period", "2025H1"],
      "Fel: för många argument till 'create': kommandot tar 1, men 2 angavs.",
    ],
    [["list", "extra"], "Fel: för många argument till 'list': kommandot tar inga argument, men 1 angavs."],
    [["describe", "a", "b", "c"], "Fel: för många argument till 'describe': kommandot tar 1, men 3 angavs."],
    [
      ["create", "psykiatrisk-hemsjukvard", "--unit", "A", "--units", "b.txt", "--period", "2025H1"],
      "Fel: flaggorna '--unit <enhet>' och '--units <fil>' utesluter varandra; ange bara en av dem.",
    ],
    [
      ["create", "psykiatrisk-hemsjukvard", "--units", "b.txt", "--unit", "A", "--period", "2025H1"],
      "Fel: flaggorna '--unit <enhet>' och '--units <fil>' utesluter varandra; ange bara en av dem.",
    ],
  ])("%j", async (args, message) => {
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.startsWith(`${message}\n`)).toBe(true);
    expect(withoutNames(r.err)).not.toMatch(ENGLISH);
  });

  it("knows --version and -V", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    for (const flag of ["--version", "-V"]) {
      const r = await cli([flag], dir);
      expect(r).toEqual({ code: 0, out: `${version}\n`, err: "" });
    }
  });

  it.each([
    [["--help"]],
    [["help"]],
    [["list", "--help"]],
    [["describe", "--help"]],
    [["create", "--help"]],
    [["help", "validate"]],
    [["rollup", "--help"]],
    [["demo", "--help"]],
  ])("help %j has no English", async (args) => {
    const r = await cli(args, dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Användning: uppfoljning/);
    expect(withoutNames(r.out)).not.toMatch(ENGLISH);
  });

  it("shows the default of demo --out-dir as standard", async () => {
    expect((await cli(["demo", "--help"], dir)).out).toContain('(standard: "demo-utdata")');
    expect((await cli(["--help"], dir)).out).toContain("-V, --version");
  });
});

describe("counts agree in number", () => {
  it("says 1 mall, 1 fil and 1 varning", async () => {
    fs.writeFileSync(path.join(dir, "enheter.txt"), "Team Norr\n");
    const created = await cli(
      [
        "create",
        "psykiatrisk-hemsjukvard",
        "--units",
        "enheter.txt",
        "--period",
        "2025H1",
        "--out-dir",
        "ut",
      ],
      dir,
    );
    expect(created.out).toMatch(/^Skapade 1 mall i ut /);

    const file = path.join(dir, "ut", "psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx");
    const { fillByNames } = await import("../workbook/sheetjsFill");
    // One warning: fewer patients with SIP than patients (the blank template's other values are errors).
    fs.writeFileSync(
      file,
      fillByNames(new Uint8Array(fs.readFileSync(file)), {
        patienter_start: 10,
        patienter_nya: 0,
        patienter_avslutade: 0,
        patienter_slut: 10,
        sip_patienter: 9,
      }),
    );
    const r = await cli(["validate", file], dir);
    expect(r.out).toMatch(/\(Team Norr, 2025H1\): \d+ fel, 1 varning\n/);
    expect(r.out).toMatch(/\n1 fil: \d+ fel, 1 varning, 0 kunde inte läsas\.\n$/);
  });
});

/** `create` never writes over a file unless asked, gives every unit a file of its own, and checks names and dates. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { cli } from "./helpers";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-create-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(dir, file));
const create = (...args: string[]) =>
  cli(["create", "psykiatrisk-hemsjukvard", "--period", "2025H1", ...args], dir);

describe("create over files that exist", () => {
  beforeEach(() => {
    fs.writeFileSync(path.join(dir, "enheter.txt"), "Team Norr\nTeam Syd\nTeam Centrum\n");
    fs.mkdirSync(path.join(dir, "inkommet"));
    // Two units have sent their filled files back into the folder.
    fs.writeFileSync(
      path.join(dir, "inkommet", "psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx"),
      "ifylld av Team Norr",
    );
    fs.writeFileSync(
      path.join(dir, "inkommet", "psykiatrisk-hemsjukvard_2025H1_Team-Syd.xlsx"),
      "ifylld av Team Syd",
    );
  });

  it("--out-dir leaves filled files alone, names them and writes nothing", async () => {
    const r = await create("--units", "enheter.txt", "--out-dir", "inkommet");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("Fel: 2 filer finns redan och skrivs inte över:");
    expect(r.err).toContain(path.join("inkommet", "psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx"));
    expect(r.err).toContain(path.join("inkommet", "psykiatrisk-hemsjukvard_2025H1_Team-Syd.xlsx"));
    expect(r.err).toContain("--skriv-over");
    expect(read("inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx").toString()).toBe(
      "ifylld av Team Norr",
    );
    expect(read("inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Syd.xlsx").toString()).toBe(
      "ifylld av Team Syd",
    );
    expect(fs.readdirSync(path.join(dir, "inkommet")).sort()).toEqual([
      "psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx",
      "psykiatrisk-hemsjukvard_2025H1_Team-Syd.xlsx",
    ]);
  });

  it("--out leaves an existing file alone", async () => {
    const r = await create(
      "--unit",
      "Team Norr",
      "--out",
      "inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx",
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "1 fil finns redan och skrivs inte över:\n  inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx\n",
    );
    expect(read("inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx").toString()).toBe(
      "ifylld av Team Norr",
    );
  });

  it("writes over with --skriv-over and says which files it replaced", async () => {
    const r = await create("--units", "enheter.txt", "--out-dir", "inkommet", "--skriv-over");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Skapade 3 mallar i inkommet");
    expect(r.out).toContain("Skrev över (--skriv-over) 2 filer: ");
    expect(XLSX.read(read("inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx")).SheetNames).toContain(
      "Verksamhetsmått",
    );
    const single = await create(
      "--unit",
      "Team Norr",
      "--out",
      "inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx",
      "--skriv-over",
    );
    expect(single.code).toBe(0);
    expect(single.out).toContain(
      "Skrev över (--skriv-over) 1 fil: inkommet/psykiatrisk-hemsjukvard_2025H1_Team-Norr.xlsx.",
    );
  });

  it("runs again over its own send-out when only the list of expected units is the same", async () => {
    expect((await create("--units", "enheter.txt", "--out-dir", "ut")).code).toBe(0);
    const again = await create("--units", "enheter.txt", "--out-dir", "ut");
    expect(again.code).toBe(2); // the templates are there: they may have been filled in meanwhile
    expect(again.err).toContain("3 filer finns redan");
    expect(again.err).not.toContain("forvantade-enheter.txt"); // the same list is not in the way
  });
});

describe("create gives every unit a file of its own", () => {
  it("refuses Team Söder and Team Soder, naming both lines, and writes nothing", async () => {
    fs.writeFileSync(path.join(dir, "enheter.txt"), "Team Norr\nTeam Söder\nTeam Soder\n");
    const r = await create("--units", "enheter.txt", "--out-dir", "ut");
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "Rad 3: Team Soder och Team Söder på rad 2 får samma filnamn (…_Team-Soder.xlsx).",
    );
    expect(fs.existsSync(path.join(dir, "ut"))).toBe(false);
  });
});

describe("create checks the names and dates it is given", () => {
  it.each([["p4"], ["mall.xls"], ["mall.csv"]])("refuses --out %s: a template is .xlsx", async (out) => {
    const r = await create("--unit", "Team Norr", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Fel: --out ${out}: mallen är en Excel-arbetsbok, så filnamnet ska sluta på .xlsx.\n`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([["2025-13-45"], ["2025-02-29"], ["2025-04-31"], ["2025-00-10"], ["31/8 2025"], ["2025-8-31"]])(
    "refuses --due %s",
    async (due) => {
      const r = await create("--unit", "Team Norr", "--out", "norr.xlsx", "--due", due);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `Fel: Sista dag "${due}" är inget datum. Skriv ett datum som finns, ÅÅÅÅ-MM-DD, t.ex. 2025-08-31.\n`,
      );
      expect(fs.existsSync(path.join(dir, "norr.xlsx"))).toBe(false);
    },
  );

  it.each([["2025-08-31"], ["2024-02-29"], ["2025-12-31"]])(
    "takes --due %s and prints it in the template",
    async (due) => {
      const r = await create("--unit", "Team Norr", "--out", "Norr.XLSX", "--due", due);
      expect(r.code).toBe(0);
      const wb = XLSX.read(read("Norr.XLSX"));
      const texts = wb.SheetNames.flatMap((n) =>
        XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1 }).flat(),
      );
      expect(texts).toContain(due);
    },
  );
});

describe("create when the operating system refuses", () => {
  it.each([
    [
      "a folder where the file should be",
      () => fs.mkdirSync(path.join(dir, "mapp.xlsx")),
      ["--out", "mapp.xlsx", "--skriv-over"],
      "det är en mapp, inte en fil (EISDIR)",
    ],
    [
      "a file where a folder should be",
      () => fs.writeFileSync(path.join(dir, "fil"), "x"),
      ["--out", "fil/norr.xlsx"],
      "(ENOTDIR)",
    ],
  ])("says so in Swedish: %s", async (_what, arrange, args, reason) => {
    arrange();
    const r = await create("--unit", "Team Norr", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Fel: .* kunde inte användas: /);
    expect(r.err).toContain(reason);
  });
});

/**
 * Links and special files among the inputs and outputs: an output that is a link to an input is
 * refused; in a folder, links are followed and dangling links, FIFOs and the like are listed as
 * skipped and never opened; a FIFO named on the command line does not make the command wait.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cli } from "./helpers";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const mkfifo = (file: string) => execFileSync("mkfifo", [file]);

async function inbox(): Promise<string> {
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
    path.join(dir, "annat", "syd.xlsx"),
  ]);
  return path.join(dir, "in");
}

describe("an output that leads to an input is refused", () => {
  it.each([
    ["--out", "niva2.xlsx", []],
    ["--csv", "data.csv", ["--out", "niva2.xlsx"]],
  ])("%s that is a symbolic link to an input", async (option, name, rest) => {
    const input = path.join(await inbox(), "norr.xlsx");
    const before = hash(input);
    fs.symlinkSync(input, path.join(dir, name));
    const r = await cli(["rollup", "in", ...rest, option, name], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Fel: Utfilen ${name} är en av indatafilerna; indata skrivs aldrig över.\n`);
    expect(hash(input)).toBe(before);
  });

  it("--out that is a link to a folder holding the input", async () => {
    await inbox();
    fs.symlinkSync(path.join(dir, "in"), path.join(dir, "genväg"));
    const r = await cli(["rollup", "in", "--out", path.join("genväg", "norr.xlsx")], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/är en av indatafilerna/);
  });
});

describe("links and special files in an input folder", () => {
  it("follows links, lists dangling links and FIFOs as skipped, and opens neither", async () => {
    const folder = await inbox();
    fs.symlinkSync(path.join(dir, "annat", "syd.xlsx"), path.join(folder, "syd-länk.xlsx"));
    fs.symlinkSync(path.join(dir, "borta.xlsx"), path.join(folder, "trasig-länk.xlsx"));
    fs.symlinkSync(folder, path.join(folder, "varv")); // a folder that links to itself
    mkfifo(path.join(folder, "kö.xlsx"));
    const r = await cli(["validate", "in", "--json"], dir);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string; unit: string }) => [f.file, f.unit])).toEqual([
      [path.join("in", "norr.xlsx"), "Team Norr"],
      [path.join("in", "syd-länk.xlsx"), "Team Syd"],
    ]);
    expect(json.skipped).toEqual([
      {
        file: path.join("in", "kö.xlsx"),
        reason: expect.stringMatching(/ingen vanlig fil \(t\.ex\. en FIFO/),
      },
      { file: path.join("in", "trasig-länk.xlsx"), reason: "en länk som pekar på något som inte finns" },
    ]);
    const text = await cli(["validate", "in"], dir);
    expect(text.out).toContain(
      "– in/trasig-länk.xlsx: hoppades över (en länk som pekar på något som inte finns).",
    );
    expect(text.out).toMatch(/– in\/kö\.xlsx: hoppades över \(ingen vanlig fil/);
  }, 30_000);

  it("a FIFO named on the command line is skipped, not waited on", async () => {
    await inbox();
    mkfifo(path.join(dir, "kö.xlsx"));
    const r = await cli(["validate", "kö.xlsx", path.join("in", "norr.xlsx"), "--json"], dir);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([path.join("in", "norr.xlsx")]);
    expect(json.skipped).toEqual([{ file: "kö.xlsx", reason: expect.stringMatching(/FIFO/) }]);
  }, 30_000);

  it("a dangling link named on the command line is listed, a name that does not exist is a usage error", async () => {
    await inbox();
    fs.symlinkSync(path.join(dir, "borta.xlsx"), path.join(dir, "länk.xlsx"));
    const r = await cli(["validate", "länk.xlsx", "--json"], dir);
    expect(JSON.parse(r.out).skipped).toEqual([
      { file: "länk.xlsx", reason: "en länk som pekar på något som inte finns" },
    ]);
    const missing = await cli(["validate", "finns-inte.xlsx"], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/finns-inte\.xlsx" finns inte/);
  });
});

it("a FIFO in a file's place when its turn comes is rejected at once, in Swedish", async () => {
  const { checkPaths } = await import("../../src/cli/parallelCheck");
  const { cliCatalog } = await import("../../src/cli/catalog");
  const { problemText } = await import("../../src/core/messages/sv");
  const folder = await inbox();
  mkfifo(path.join(folder, "bytt.xlsx"));
  const outcomes = await checkPaths(
    [
      { name: "bytt.xlsx", path: path.join(folder, "bytt.xlsx") },
      { name: "norr.xlsx", path: path.join(folder, "norr.xlsx") },
    ],
    cliCatalog(),
  );
  expect(outcomes.map((o) => o.status)).toEqual(["rejected", "read"]);
  expect(problemText(outcomes[0]!.reason!)).toBe(
    "bytt.xlsx kunde inte läsas: ingen vanlig fil (t.ex. en FIFO eller en enhet) (ENOTREG).",
  );
}, 30_000);

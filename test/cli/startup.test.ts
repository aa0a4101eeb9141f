/**
 * Start-up: `list`, `describe` and `--help` load neither SheetJS nor exceljs, and reading our
 * own templates (the targeted reader) does not load SheetJS; only a file that needs the full
 * parse (here one whose defined names are lost) does. Runs the built command (dist/) with a
 * --require hook that records which of the two packages a process and its workers load.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { cli } from "./helpers";
import { editEntries } from "../workbook/hostile";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "uppfoljning.js");
const hook = path.join(__dirname, "recordPackages.js");
const built = fs.existsSync(path.join(root, "dist", "cli", "main.js"));

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the built command; its exit status and the packages it loaded. */
function loadedBy(args: string[]): { status: number | null; packages: string[]; stderr: string } {
  const record = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, "");
  const run = spawnSync(process.execPath, ["--require", hook, bin, ...args], {
    cwd: dir,
    env: { ...process.env, RECORD_PACKAGES_FILE: record },
    encoding: "utf8",
    timeout: 120_000,
  });
  const packages = [...new Set(fs.readFileSync(record, "utf8").split("\n").filter(Boolean))].sort();
  return { status: run.status, packages, stderr: run.stderr };
}

const maybe = built ? it : it.skip;

maybe.each([
  [["list"]],
  [["list", "--json"]],
  [["describe", "psykiatrisk-hemsjukvard"]],
  [["--help"]],
  [["rollup", "--help"]],
])("%j loads neither SheetJS nor exceljs", (args) => {
  const { status, packages } = loadedBy(args);
  expect(status).toBe(0);
  expect(packages).toEqual([]);
});

maybe("the hook sees the packages when they are loaded (create writes with exceljs)", () => {
  const { status, packages } = loadedBy([
    "create",
    "oppna-verksamheter",
    "--unit",
    "Enhet A",
    "--period",
    "2025H1",
    "--out",
    path.join(dir, "mall.xlsx"),
  ]);
  expect(status).toBe(0);
  expect(packages).toEqual(["exceljs"]);
});

maybe(
  "validate and rollup of our own filled templates do not load SheetJS; a file with lost names does",
  async () => {
    await cli(["demo", "--out-dir", path.join(dir, "demo")]);
    const returned = path.join(dir, "demo", "inkommet");
    expect(fs.readdirSync(returned).length).toBeGreaterThan(1);

    const validate = loadedBy(["validate", returned]);
    expect(validate.packages).toEqual([]);
    const rollup = loadedBy(["rollup", returned, "--out", path.join(dir, "niva2.xlsx")]);
    expect(fs.existsSync(path.join(dir, "niva2.xlsx"))).toBe(true); // the demo's files hold errors on purpose: status 1
    expect(rollup.packages).toEqual(["exceljs"]); // level 2 is written with exceljs, nothing read with SheetJS

    const first = path.join(returned, fs.readdirSync(returned).sort()[0]!);
    fs.writeFileSync(
      first,
      editEntries(new Uint8Array(fs.readFileSync(first)), /^xl\/workbook\.xml$/, (xml) =>
        xml.replace(/<definedNames>[\s\S]*<\/definedNames>/, ""),
      ),
    );
    const lost = loadedBy(["validate", returned]);
    expect(lost.stderr).toBe("");
    expect(lost.packages).toEqual(["xlsx"]);
  },
);

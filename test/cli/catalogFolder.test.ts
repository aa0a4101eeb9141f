/**
 * A catalog the user extends: `--katalog <mapp>` or UPPFOLJNING_KATALOG adds a folder of uppdrag
 * files to the built-in ones, and the whole chain (describe, create, validate, rollup, also on
 * worker threads) knows the new uppdrag. A broken file or folder is a usage error naming it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { cli } from "./helpers";
import { TEMPLATES_DIR } from "../../src/cli/templateFiles";
import { fillByNames } from "../workbook/sheetjsFill";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "uppfoljning.js");
const built = fs.existsSync(path.join(root, "dist", "cli", "checkWorker.js"));

let dir: string;
let folder: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-katalog-"));
  folder = path.join(dir, "egna-uppdrag");
  fs.mkdirSync(folder);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A new uppdrag made the way a controller would: a copy of a built-in file with its own id and name. */
function addUppdrag(id: string, edit: (u: Record<string, unknown>) => void = () => undefined): string {
  const u = JSON.parse(
    fs.readFileSync(path.join(TEMPLATES_DIR, "psykiatrisk-hemsjukvard.json"), "utf8"),
  ) as Record<string, unknown>;
  Object.assign(u, { id, name: "Mobilt team (eget uppdrag)" });
  delete u.$schema;
  edit(u);
  const file = path.join(folder, `${id}.json`);
  fs.writeFileSync(file, JSON.stringify(u, null, 2));
  return file;
}

const ids = (out: string) => (JSON.parse(out) as { uppdrag: { id: string }[] }).uppdrag.map((u) => u.id);

it("adds the folder's uppdrag to the built-in ones, from the option and from the environment", async () => {
  addUppdrag("mobilt-team");
  const builtIn = ids((await cli(["list", "--json"], dir)).out);
  const withOption = await cli(["--katalog", "egna-uppdrag", "list", "--json"], dir);
  expect(withOption.code).toBe(0);
  expect(ids(withOption.out).sort()).toEqual([...builtIn, "mobilt-team"].sort());
  const optionAfter = await cli(["list", "--json", "--katalog", folder], dir);
  expect(ids(optionAfter.out)).toContain("mobilt-team");
  process.env.UPPFOLJNING_KATALOG = folder;
  try {
    expect(ids((await cli(["list", "--json"], dir)).out)).toContain("mobilt-team");
  } finally {
    delete process.env.UPPFOLJNING_KATALOG;
  }
  expect(ids((await cli(["list", "--json"], dir)).out)).not.toContain("mobilt-team");
});

it("runs the whole chain for the new uppdrag: create, validate and rollup", async () => {
  addUppdrag("mobilt-team");
  fs.writeFileSync(path.join(dir, "enheter.txt"), "Team A\nTeam B\n");
  const k = ["--katalog", folder];
  expect(
    (
      await cli(
        [...k, "create", "mobilt-team", "--units", "enheter.txt", "--period", "2025H1", "--out-dir", "ut"],
        dir,
      )
    ).code,
  ).toBe(0);
  const files = fs.readdirSync(path.join(dir, "ut")).filter((f) => f.endsWith(".xlsx"));
  expect(files).toHaveLength(2);
  files.forEach((f, i) => {
    const p = path.join(dir, "ut", f);
    fs.writeFileSync(
      p,
      fillByNames(new Uint8Array(fs.readFileSync(p)), {
        patienter_start: 10 * (i + 1),
        patienter_nya: 2,
        patienter_avslutade: 1,
        patienter_slut: 10 * (i + 1) + 1,
      }),
    );
  });
  const rolled = await cli([...k, "rollup", "ut", "--out", "niva2.xlsx", "--json"], dir);
  const report = JSON.parse(rolled.out) as {
    uppdrag: string;
    level2: Record<string, { value: number | null }>;
  };
  expect(report.uppdrag).toBe("mobilt-team");
  expect(report.level2.patienter_start?.value).toBe(10 + 20);
  // Without the folder the files are of an uppdrag nobody knows.
  const without = await cli(["validate", "ut", "--json"], dir);
  expect(without.out).toContain('uppdraget \\"mobilt-team\\", som inte finns i katalogen');
});

it("refuses a file with an error, naming the file and the field", async () => {
  addUppdrag("trasigt-uppdrag", (u) => ((u.measures as Record<string, unknown>[])[0]!.type = "antal"));
  const r = await cli(["--katalog", folder, "list"], dir);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/egna-uppdrag\/trasigt-uppdrag\.json: measures\[0\]\.type: /);
});

it("refuses an uppdrag whose id a built-in uppdrag already has, naming both files", async () => {
  addUppdrag("psykiatrisk-hemsjukvard");
  const r = await cli(["--katalog", folder, "list"], dir);
  expect(r.code).toBe(2);
  expect(r.err).toContain(
    'uppdraget "psykiatrisk-hemsjukvard" finns redan i templates/psykiatrisk-hemsjukvard.json',
  );
});

it("refuses a folder that does not exist", async () => {
  const r = await cli(["--katalog", "finns-inte", "list"], dir);
  expect(r.code).toBe(2);
  expect(r.err).toContain(`Katalogmappen ${path.join(dir, "finns-inte")} finns inte`);
});

(built ? it : it.skip)("gives worker threads the same catalog", async () => {
  addUppdrag("mobilt-team");
  fs.writeFileSync(path.join(dir, "enheter.txt"), "A\nB\nC\n");
  await cli(
    [
      "--katalog",
      folder,
      "create",
      "mobilt-team",
      "--units",
      "enheter.txt",
      "--period",
      "2025H1",
      "--out-dir",
      "ut",
    ],
    dir,
  );
  const run = spawnSync(process.execPath, [bin, "validate", "ut", "--json"], {
    cwd: dir,
    env: { ...process.env, UPPFOLJNING_WORKERS: "2", UPPFOLJNING_KATALOG: folder },
    encoding: "utf8",
    timeout: 120_000,
  });
  const report = JSON.parse(run.stdout) as { files: { status: string; unit: string | null }[] };
  expect(report.files.map((f) => [f.status, f.unit])).toEqual([
    ["read", "A"],
    ["read", "B"],
    ["read", "C"],
  ]);
});

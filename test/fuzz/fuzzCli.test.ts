/**
 * A sample of the fuzzer's workbooks through the built command line as a real process
 * (`rollup <folder> --json`): whatever the files hold, the exit status is one the command
 * documents, stdout is valid JSON accounting for every file, stderr carries no stack trace,
 * and the inputs are unchanged. Needs dist/ (npm run build; CI builds it through npm ci).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { loadTemplates } from "../../src/cli/templateFiles";
import { buildBases, generateCase } from "./generate";
import { fuzzConfig, repeatHint } from "./config";
import { sha256 } from "./checks";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "uppfoljning.js");
const built = fs.existsSync(path.join(root, "dist", "cli", "main.js"));
const { catalog } = loadTemplates();
const SAMPLE = 20;
/** Case numbers of the command-line sample: far from the in-process suite's, so the two see different files. */
const FIRST = 1_000_000;

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-fuzz-cli-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

(built ? it : it.skip)(
  `${SAMPLE} mutated workbooks and a good one, rolled up by the command line, are all accounted for`,
  async () => {
    const { seed } = fuzzConfig;
    const bases = await buildBases(catalog);
    const inbox = path.join(dir, "in");
    fs.mkdirSync(inbox);
    const cases = Array.from({ length: SAMPLE }, (_, i) => generateCase(bases, seed, FIRST + i));
    for (const c of cases) fs.writeFileSync(path.join(inbox, c.name), c.bytes);
    // One good file, so that the roll-up has a unit and writes level 2 and its JSON.
    fs.writeFileSync(path.join(inbox, "god.xlsx"), bases[0]!.bytes);
    const names = [...cases.map((c) => c.name), "god.xlsx"].sort();
    const hashes = names.map((n) => sha256(fs.readFileSync(path.join(inbox, n))));

    const run = spawnSync(
      process.execPath,
      [bin, "rollup", inbox, "--out", path.join(dir, "ut", "niva2.xlsx"), "--json"],
      { cwd: dir, encoding: "utf8", timeout: 120_000 },
    );
    const context = `seed ${seed} (${repeatHint(seed)}), cases ${FIRST}–${FIRST + SAMPLE - 1}: ${cases.map((c) => `${c.index} ${c.mutations.join(" | ")}`).join("; ")}`;
    const faults: string[] = [];
    if (![0, 1, 2].includes(run.status ?? -1))
      faults.push(`exit status ${run.status} (signal ${run.signal})`);
    if (/\n\s+at |Error:|node:internal|\[object/.test(run.stderr))
      faults.push(`stack trace on stderr: ${run.stderr.slice(0, 500)}`);
    let json:
      | { files: { file: string; status: string; reason: { message: string; file: string | null } | null }[] }
      | undefined;
    try {
      json = JSON.parse(run.stdout);
    } catch {
      faults.push(`stdout is not JSON: ${run.stdout.slice(0, 300)} / stderr: ${run.stderr.slice(0, 300)}`);
    }
    if (json) {
      const listed = json.files.map((f) => path.basename(f.file)).sort();
      if (JSON.stringify(listed) !== JSON.stringify(names))
        faults.push(`files listed ${listed.join(", ")} instead of ${names.join(", ")}`);
      // The reader's rejections name the file in their text, the roll-up's (other period, duplicate) as their place.
      for (const f of json.files)
        if (
          f.status === "rejected" &&
          !f.reason?.message.includes(path.basename(f.file)) &&
          f.reason?.file !== f.file
        )
          faults.push(`${f.file} rejected by a reason not naming it: ${f.reason?.message}`);
      if (!fs.existsSync(path.join(dir, "ut", "niva2.xlsx"))) faults.push("no level-2 workbook written");
    }
    names.forEach(
      (n, i) => sha256(fs.readFileSync(path.join(inbox, n))) !== hashes[i] && faults.push(`${n} was changed`),
    );
    if (faults.length > 0) throw new Error(`${faults.join("\n")}\n${context}`);
  },
  180_000,
);

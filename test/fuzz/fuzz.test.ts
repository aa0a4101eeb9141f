/**
 * Fuzzing (issue 9): thousands of mutated workbooks, made in memory from a handful of base
 * workbooks, through the real path (checkFiles in batches, and for a sample rollupFiles and
 * the level-2 writer). For each: no exception or unhandled rejection, one outcome per file, a
 * rejection in Swedish naming the file, no prototype pollution, memory under the bound, input
 * bytes unchanged. The seed is printed; FUZZ_SEED repeats a run and FUZZ_CASE one case of it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkFiles, rollupFiles, runProblems } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { loadTemplates } from "../../src/cli/templateFiles";
import {
  accountingFaults,
  level2Faults,
  pollutionFaults,
  prototypeSnapshot,
  sha256,
  textFaults,
} from "./checks";
import { buildBases, generateCase, type FuzzCase } from "./generate";
import { fuzzConfig, repeatHint } from "./config";

const { catalog } = loadTemplates();
const { seed } = fuzzConfig;
const BATCH = 40;
/** Level 2 is written for every this-many-th batch (exceljs takes a few hundred ms a workbook). */
const LEVEL2_EVERY = 4;
const RSS_BOUND = 300 * 1024 * 1024;
/** A file taking longer than this is a hang, not a slow machine (the goal is 2 s for a hostile file). */
const FILE_MS_BOUND = 15_000;

interface Failure {
  cases: FuzzCase[];
  faults: string[];
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => process.off("unhandledRejection", onUnhandled));

/** The failing case written to a temporary file, so it can be opened and read again. */
function saved(c: FuzzCase): string {
  const file = path.join(os.tmpdir(), `uppfoljning-fuzz-${seed}-${c.name}`);
  fs.writeFileSync(file, c.bytes);
  return file;
}

function describeFailure(f: Failure): string {
  const who =
    f.cases.length === 1
      ? `case ${f.cases[0]!.index} (${f.cases[0]!.base}; ${f.cases[0]!.mutations.join(" | ") || "unmutated"}), saved as ${saved(f.cases[0]!)}; repeat: ${repeatHint(seed, f.cases[0]!.index)}`
      : `batch of cases ${f.cases[0]!.index}–${f.cases[f.cases.length - 1]!.index}; repeat: ${repeatHint(seed)}`;
  return `${who}\n    ${f.faults.slice(0, 6).join("\n    ")}`;
}

async function runBatch(
  cases: FuzzCase[],
  withLevel2: boolean,
  failures: Failure[],
  protoBefore: Map<string, unknown>,
  rssBefore: number,
) {
  const names = cases.map((c) => c.name);
  const hashes = cases.map((c) => sha256(c.bytes));
  const perCase = new Map<number, string[]>();
  const add = (i: number, faults: string[]) =>
    faults.length > 0 && perCase.set(i, [...(perCase.get(i) ?? []), ...faults]);
  const batchFaults: string[] = [];
  let last = Date.now();
  try {
    const outcomes = await checkFiles(
      cases.map((c) => inMemoryFile(c.name, c.bytes)),
      catalog,
      {
        onProgress(done) {
          const now = Date.now();
          if (now - last > FILE_MS_BOUND) add(done - 1, [`took ${now - last} ms`]);
          last = now;
        },
      },
    );
    for (const [i, faults] of accountingFaults(names, outcomes, "checkFiles")) {
      if (i < 0) batchFaults.push(...faults);
      else add(i, faults);
    }
    const collected = rollupFiles(outcomes, catalog);
    if (collected) {
      for (const [i, faults] of accountingFaults(names, collected.files, "rollupFiles")) {
        if (i < 0) batchFaults.push(...faults);
        else add(i, faults);
      }
      for (const p of runProblems(collected)) {
        const i = names.indexOf(p.location?.file ?? "");
        const faults = textFaults(p, "run problem");
        if (i >= 0) add(i, faults);
        else batchFaults.push(...faults);
      }
      if (withLevel2)
        batchFaults.push(
          ...level2Faults(await writeLevel2(collected, { createdAt: new Date("2025-07-01T00:00:00Z") })),
        );
    }
  } catch (e) {
    batchFaults.push(`threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  cases.forEach((c, i) => sha256(c.bytes) !== hashes[i] && add(i, ["input bytes changed"]));
  batchFaults.push(...pollutionFaults(protoBefore));
  batchFaults.push(
    ...unhandled.splice(0).map((u) => `unhandled rejection: ${u instanceof Error ? u.stack : String(u)}`),
  );
  const rss = process.memoryUsage().rss;
  if (rss - rssBefore > RSS_BOUND)
    batchFaults.push(`RSS grew by ${Math.round((rss - rssBefore) / 2 ** 20)} MB`);
  for (const [i, faults] of perCase) failures.push({ cases: [cases[i]!], faults });
  if (batchFaults.length > 0) failures.push({ cases, faults: batchFaults });
}

it(
  "every mutated workbook is accounted for, in Swedish, without crash, pollution or change to its bytes",
  async () => {
    console.log(
      `fuzz seed ${seed} (${repeatHint(seed)} to repeat; FUZZ_CASES=${fuzzConfig.cases}, FUZZ_BUDGET_MS=${fuzzConfig.budgetMs})`,
    );
    const started = Date.now();
    const bases = await buildBases(catalog);
    const protoBefore = prototypeSnapshot();
    const rssBefore = process.memoryUsage().rss;
    const failures: Failure[] = [];
    const indices =
      fuzzConfig.only !== undefined
        ? [fuzzConfig.only]
        : Array.from({ length: fuzzConfig.cases }, (_, i) => i);
    let run = 0;
    for (let b = 0; b < indices.length && failures.length < 20; b += BATCH) {
      if (fuzzConfig.only === undefined && Date.now() - started > fuzzConfig.budgetMs) break;
      const cases = indices.slice(b, b + BATCH).map((i) => generateCase(bases, seed, i));
      await runBatch(cases, (b / BATCH) % LEVEL2_EVERY === 0, failures, protoBefore, rssBefore);
      run += cases.length;
    }
    if (process.env.FUZZ_VERBOSE)
      console.log(
        `fuzz: ${run} cases in ${Date.now() - started} ms, peak RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
      );
    if (failures.length > 0)
      throw new Error(
        `fuzz seed ${seed}: ${failures.length} failing of ${run} cases\n  ${failures.slice(0, 8).map(describeFailure).join("\n  ")}`,
      );
    expect(run).toBeGreaterThan(0);
  },
  fuzzConfig.budgetMs + 120_000,
);

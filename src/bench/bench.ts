/**
 * `npm run bench`: times the real command line (`uppfoljning rollup`, a whole process, from
 * start to exit) on N returned workbooks made the way units make them: the styled template
 * written for each unit and filled by exceljs, and every tenth saved again by LibreOffice when
 * it is installed. Beside it, in the same run, the floor: a process that only unzips and
 * decodes the same files. Prints seconds, workbooks per second, peak memory (RSS) and our time
 * as a multiple of the floor. Also in the same run: the roll-up without worker threads
 * (UPPFOLJNING_WORKERS=0) where the default would use them; the analyst's script (analyst.py:
 * openpyxl and pandas) when python3 has both; and the task pane's first load (webLoad.ts).
 * Files are cached in .bench/ (one pool, hard-linked per N).
 *
 *   npm run bench                 # 10, 100, 300
 *   npm run bench -- 10 100 300 1000
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { spawnSync } from "node:child_process";
import { loadTemplates } from "../cli/templateFiles";
import { writeTemplate } from "../workbook/template";
import { fillTemplate } from "../workbook/fill";
import { sampleValues } from "../cli/sampleData";
import type { Uppdrag } from "../core/model";
import { measureWebLoad } from "./webLoad";
import { present } from "../core/invariant";

const UPPDRAG = "psykiatrisk-hemsjukvard";
const ROOT = path.resolve(__dirname, "..", "..", ".bench");
const POOL = path.join(ROOT, "pool");
const BIN = path.resolve(__dirname, "..", "..", "bin", "uppfoljning.js");
const RSS_HOOK = path.join(__dirname, "rssHook.js");
const FLOOR = path.join(__dirname, "floor.js");
const LIBREOFFICE_EVERY = 10;
/** Run from dist/bench/: the script stays in src/bench/, where it is written. */
const ANALYST = path.resolve(__dirname, "..", "..", "src", "bench", "analyst.py");
/** As parallelCheck.ts: below this many files the default is the plain sequential path. */
const WORKERS_FROM_FILES = 200;
const WEB_LOADS = 5;

function catalog() {
  const { catalog, errors } = loadTemplates();
  if (errors.length) throw new Error("katalogen har fel");
  return catalog;
}

const poolName = (i: number) => `enhet-${String(i + 1).padStart(4, "0")}.xlsx`;

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter))
    if (dir && fs.existsSync(path.join(dir, command))) return path.join(dir, command);
  return undefined;
}

/** The pool holds at least n files: each unit's own template, filled by exceljs; every tenth resaved by LibreOffice. */
async function ensurePool(uppdrag: Uppdrag, n: number): Promise<{ libreOffice: number }> {
  fs.mkdirSync(POOL, { recursive: true });
  const soffice = onPath("soffice") ?? onPath("libreoffice");
  const toResave: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(POOL, poolName(i));
    if (fs.existsSync(file)) continue;
    const template = await writeTemplate(uppdrag, {
      unit: `Enhet ${String(i + 1).padStart(4, "0")}`,
      period: "2025H1",
    });
    fs.writeFileSync(file, await fillTemplate(template, sampleValues(uppdrag, i + 1)));
    if (soffice && i % LIBREOFFICE_EVERY === LIBREOFFICE_EVERY - 1) toResave.push(file);
  }
  if (soffice && toResave.length > 0) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lo-"));
    const out = path.join(work, "ut");
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(work, "profil")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        out,
        ...toResave,
      ],
      { timeout: 600_000 },
    );
    if (run.status === 0) for (const f of toResave) fs.copyFileSync(path.join(out, path.basename(f)), f);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { libreOffice: soffice ? Math.floor(n / LIBREOFFICE_EVERY) : 0 };
}

/** A folder with the first n files of the pool (hard links: no copies, and the reader sees plain files). */
function folderOf(n: number): string {
  const dir = path.join(ROOT, `n${n}`);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === n) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) fs.linkSync(path.join(POOL, poolName(i)), path.join(dir, poolName(i)));
  return dir;
}

/** A whole process, timed from spawn to exit, with its peak RSS from the preloaded hook. */
function timeProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  command = process.execPath,
): { seconds: number; rssMb: number; status: number | null; stdout: string; stderr: string } {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}`);
  const started = process.hrtime.bigint();
  const node = command === process.execPath;
  const run = spawnSync(command, node ? ["--require", RSS_HOOK, ...args] : args, {
    encoding: "utf8",
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssMb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) / 1024 : NaN;
  fs.rmSync(rssFile, { force: true });
  return { seconds, rssMb, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** How many files the roll-up used, from its --json output. */
function usedFiles(json: string): number {
  try {
    const files = (JSON.parse(json) as { files?: { status?: string }[] }).files ?? [];
    return files.filter((f) => f.status === "used").length;
  } catch {
    return NaN;
  }
}

async function main() {
  const args = process.argv.slice(2);
  const sizes = args.length ? args.map(Number) : [10, 100, 300];
  const uppdrag = present(
    catalog().uppdrag.find((u) => u.id === UPPDRAG),
    `uppdraget ${UPPDRAG} i katalogen`,
  );
  const { libreOffice } = await ensurePool(uppdrag, Math.max(...sizes));
  const sample = fs.statSync(path.join(POOL, poolName(0))).size;
  console.log(
    `Benchmark: ${uppdrag.name}, mallen ifylld av exceljs (${Math.round(sample / 1024)} kB per fil), var ${LIBREOFFICE_EVERY}:e sparad av LibreOffice${libreOffice ? "" : " (LibreOffice saknas: inga)"}`,
  );
  console.log(
    `Maskin: ${os.cpus()[0]?.model ?? "okänd"}, ${os.cpus().length} kärnor, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  );
  const python = spawnSync("python3", ["-c", "import openpyxl, pandas"]).status === 0;
  console.log(
    "Tid är hela processen (start till slut): `uppfoljning rollup mapp --out nivå2.xlsx` mot golvet (packa upp och avkoda samma filer).",
  );
  console.log(
    `Utan trådar: samma körning med UPPFOLJNING_WORKERS=0 (standard använder trådar från ${WORKERS_FROM_FILES} filer på minst 4 kärnor; annars är de samma väg).`,
  );
  console.log(
    python
      ? "Analytikerns skript: src/bench/analyst.py, openpyxl load_workbook(data_only=True) i vanligt läge (inte read_only), de namngivna cellerna U_*, summa per mått med pandas."
      : "Analytikerns skript (openpyxl + pandas) körs inte: python3 med openpyxl och pandas saknas.",
  );
  const header = [
    "N",
    "sammanst. s",
    "arbetsböcker/s",
    "toppminne MB",
    "golv s",
    "golv MB",
    "gånger golvet",
    "utan trådar s",
    "utan trådar MB",
  ];
  if (python) header.push("analytiker s", "gånger snabbare");
  console.log(header.join("\t"));
  for (const n of sizes) {
    const dir = folderOf(n);
    const out = path.join(ROOT, `niva2-${n}.xlsx`);
    fs.rmSync(out, { force: true });
    const ours = timeProcess([BIN, "rollup", dir, "--out", out, "--json"]);
    if (!fs.existsSync(out))
      throw new Error(`rollup skrev ingen nivå 2-fil (status ${ours.status}): ${ours.stderr.slice(0, 500)}`);
    const used = usedFiles(ours.stdout);
    const base = timeProcess([FLOOR, dir]);
    const row = [
      n,
      ours.seconds.toFixed(2),
      (n / ours.seconds).toFixed(0),
      ours.rssMb.toFixed(0),
      base.seconds.toFixed(2),
      base.rssMb.toFixed(0),
      (ours.seconds / base.seconds).toFixed(1),
    ];
    if (n >= WORKERS_FROM_FILES) {
      fs.rmSync(out, { force: true });
      const sequential = timeProcess([BIN, "rollup", dir, "--out", out, "--json"], {
        UPPFOLJNING_WORKERS: "0",
      });
      row.push(sequential.seconds.toFixed(2), sequential.rssMb.toFixed(0));
    } else row.push("–", "–");
    if (python) {
      const analyst = timeProcess([ANALYST, dir], {}, "python3");
      if (analyst.status !== 0)
        throw new Error(`analytikerns skript misslyckades: ${analyst.stderr.slice(0, 500)}`);
      row.push(
        analyst.seconds.toFixed(2),
        `${(analyst.seconds / ours.seconds).toFixed(1)}× snabbare än analytikerns skript`,
      );
    }
    if (used !== n) console.log(`  OBS: ${used} av ${n} filer användes`);
    console.log(row.join("\t"));
  }
  await reportWebLoad();
}

/** The task pane's first load: what it fetches (gzip) and how soon it can be used, in headless Chromium. */
async function reportWebLoad() {
  const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  let web;
  try {
    web = await measureWebLoad(path.join(ROOT, "web"), WEB_LOADS);
  } catch (e) {
    console.log(`Aktivitetsfönstret mättes inte: ${String((e as Error).message ?? e).split("\n")[0]}`);
    return;
  }
  const sum = (files: { bytes: number; gzip: number }[]) =>
    files.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });
  console.log("Aktivitetsfönstret (webpack production, gzip nivå 9)");
  console.log("fil\tladdas\tstorlek\tgzip");
  for (const f of web.initial) console.log([f.file, "första laddningen", kB(f.bytes), kB(f.gzip)].join("\t"));
  for (const f of web.later) console.log([f.file, "senare, vid behov", kB(f.bytes), kB(f.gzip)].join("\t"));
  const first = sum(web.initial);
  console.log(["summa", "första laddningen", kB(first.bytes), kB(first.gzip)].join("\t"));
  const heavy = [...new Set(web.initial.flatMap((f) => f.heavy))];
  console.log(
    heavy.length
      ? `  OBS: första laddningen innehåller ${heavy.join(" och ")}`
      : "Första laddningen innehåller varken xlsx (SheetJS) eller exceljs (enligt källkartorna).",
  );
  if (web.skipped) {
    console.log(`Tid till användbar sida mättes inte: ${web.skipped}.`);
    return;
  }
  const sorted = [...web.loadsMs].sort((a, b) => a - b);
  const median = present(sorted[Math.floor(sorted.length / 2)], "en mätning av sidan");
  console.log(
    `Tid till användbar sida (fristående, headless Chromium, från navigering tills knappen Skapa mall går att använda, utan cache, median av ${sorted.length}): ${median.toFixed(0)} ms (${sorted.map((t) => t.toFixed(0)).join(", ")} ms)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

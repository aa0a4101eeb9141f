/**
 * `npm run bench`: creates N filled workbooks (N = 10, 100, 1000 by default; cached in
 * .bench/) and times validate and roll-up on them, each N in a fresh process so that the
 * peak memory reported is that run's own. Prints workbooks per second and peak memory.
 *
 *   npm run bench                 # 10, 100, 1000
 *   npm run bench -- 50 2000      # other sizes
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { execFileSync } from "node:child_process";
import * as XLSX from "xlsx";
import { loadTemplates } from "../cli/templateFiles";
import { writeTemplate } from "../workbook/template";
import { rollupFiles } from "../workbook/collect";
import { checkPaths } from "../cli/parallelCheck";
import { writeLevel2 } from "../workbook/writeLevel2";
import { namedPaths, expandPaths } from "../cli/files";
import { definedName } from "../workbook/layout";
import { parseRef } from "../workbook/readUnit";
import { sampleValues } from "../cli/sampleData";
import type { Uppdrag } from "../core/model";

const UPPDRAG = "psykiatrisk-hemsjukvard";
const HEAP_CAP_MB = 128;
const ROOT = path.resolve(__dirname, "..", "..", ".bench");

function catalog() {
  const { catalog, errors } = loadTemplates();
  if (errors.length) throw new Error("katalogen har fel");
  return catalog;
}

/** Fills copies of the template with SheetJS (fast; the reader does not need the styles). */
async function generate(uppdrag: Uppdrag, n: number, dir: string) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === n) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const template = await writeTemplate(uppdrag, { unit: "X", period: "2025H1" });
  const names = new Map((XLSX.read(template, { type: "array" }).Workbook?.Names ?? []).map((x) => [x.Name, x.Ref]));
  for (let i = 0; i < n; i++) {
    const wb = XLSX.read(template, { type: "array" });
    const unit = `Enhet ${String(i + 1).padStart(4, "0")}`;
    const set = (ref: string | undefined, values: unknown[]) => {
      const t = parseRef(ref ?? "");
      if (!t) return;
      values.forEach((v, k) => {
        if (t.range.s.r + k > t.range.e.r) return;
        XLSX.utils.sheet_add_aoa(wb.Sheets[t.sheet]!, [[v]], { origin: { r: t.range.s.r + k, c: t.range.s.c } });
      });
    };
    set(names.get("META_enhet"), [unit]);
    for (const [id, v] of Object.entries(sampleValues(uppdrag, i))) set(names.get(definedName(id)), Array.isArray(v) ? v : [v]);
    fs.writeFileSync(path.join(dir, `${i}.xlsx`), XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
  }
}

/** One measurement, run in its own process. */
async function measure(dir: string) {
  const c = catalog();
  const files = namedPaths(expandPaths([dir], process.cwd()), process.cwd());
  const t0 = performance.now();
  const outcomes = await checkPaths(files, c);
  const t1 = performance.now();
  const collected = rollupFiles(outcomes, c)!;
  const bytes = await writeLevel2(collected);
  const t2 = performance.now();
  const used = collected.files.filter((f) => f.status === "used").length;
  process.stdout.write(JSON.stringify({ n: files.length, used, validateMs: t1 - t0, rollupMs: t2 - t1, outBytes: bytes.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--measure") return measure(args[1]!);
  const sizes = args.length ? args.map(Number) : [10, 100, 1000];
  const uppdrag = catalog().uppdrag.find((u) => u.id === UPPDRAG)!;
  console.log(`Benchmark: ${uppdrag.name}, ${uppdrag.measures.length} mått per arbetsbok, Node ${process.version}, ${os.cpus().length} kärnor, V8-heap begränsad till ${HEAP_CAP_MB} MB`);
  console.log("N\tkontroll s\tsammanst. s\ttotalt s\tarbetsböcker/s\ttoppminne MB");
  for (const n of sizes) {
    const dir = path.join(ROOT, String(n));
    await generate(uppdrag, n, dir);
    // A fresh process per N, with the V8 heap capped: finishing under the cap shows memory does not grow with N.
    const out = execFileSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, __filename, "--measure", dir], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as { n: number; used: number; validateMs: number; rollupMs: number; peakRssMb: number };
    const total = (r.validateMs + r.rollupMs) / 1000;
    console.log([r.n, (r.validateMs / 1000).toFixed(2), (r.rollupMs / 1000).toFixed(2), total.toFixed(2), (r.n / total).toFixed(0), r.peakRssMb.toFixed(0)].join("\t"));
    if (r.used !== n) console.log(`  OBS: ${r.used} av ${n} användes`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

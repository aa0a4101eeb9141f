/**
 * The task pane in the benchmark: builds the web bundle (webpack, production) into a folder,
 * reports the gzip size of what the first load of taskpane.html fetches (the page and the
 * scripts it names) apart from the chunks loaded later, and times loads of the standalone page
 * in headless Chromium until it can be used (the button "Skapa mall" enabled), each in a fresh
 * context (nothing cached), from navigation start. Office.js on Microsoft's CDN is refused, as
 * on a machine without network: the page then runs standalone.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import type { AddressInfo } from "node:net";

const ROOT = path.resolve(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface WebFile {
  file: string;
  bytes: number;
  gzip: number;
  /** SheetJS, exceljs or docx bundled in the file, from its source map: none may be in the first load. */
  heavy: string[];
}

export interface WebLoad {
  initial: WebFile[];
  later: WebFile[];
  /** Milliseconds from navigation start until usable, one per load; empty without Chromium. */
  loadsMs: number[];
  /** Why the loads were not timed, when they were not. */
  skipped?: string;
}

/** webpack --mode production into outDir; an error with webpack's output when it fails. */
export function buildWeb(outDir: string): void {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const run = spawnSync(process.execPath, [cli, "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, WEB_OUT: outDir },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`webpack misslyckades:\n${run.stdout}\n${run.stderr}`);
}

const HEAVY = /node_modules\/(xlsx|exceljs|docx)\//;

function heavyPackages(dir: string, file: string): string[] {
  const map = path.join(dir, `${file}.map`);
  if (!fs.existsSync(map)) return [];
  const sources = (JSON.parse(fs.readFileSync(map, "utf8")) as { sources?: string[] }).sources ?? [];
  return [
    ...new Set(sources.map((s) => HEAVY.exec(s)?.[1]).filter((p): p is string => p !== undefined)),
  ].sort();
}

function sizeOf(dir: string, file: string): WebFile {
  const bytes = fs.readFileSync(path.join(dir, file));
  return {
    file,
    bytes: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    heavy: heavyPackages(dir, file),
  };
}

/** The page and the scripts it names load first; every other script of the pane comes later, on demand. */
export function firstLoadFiles(dir: string): { initial: WebFile[]; later: WebFile[] } {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const local = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>"]+))/g)]
    .flatMap((m) => m[1] ?? m[2] ?? [])
    .filter((src) => !/^[a-z]+:\/\//i.test(src));
  const initial = ["taskpane.html", ...local.map((src) => src.replace(/^\.?\//, ""))];
  const later = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js") && !initial.includes(f) && !f.startsWith("commands."))
    .sort();
  return { initial: initial.map((f) => sizeOf(dir, f)), later: later.map((f) => sizeOf(dir, f)) };
}

function serve(dir: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return void res.writeHead(404).end();
    res.writeHead(200, {
      "content-type": file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      }),
    ),
  );
}

/** Times `loads` first loads of the standalone page until "Skapa mall" can be clicked. */
export async function timeLoads(dir: string, loads: number): Promise<number[]> {
  const { chromium } = await import("playwright-core");
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const times: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 400, height: 900 }, locale: "sv-SE" });
      await context.route("**/*", (route) =>
        new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      const started = process.hrtime.bigint();
      await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
      await page.getByRole("button", { name: "Skapa mall", disabled: false }).waitFor({ timeout: 60_000 });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return times;
}

export async function measureWebLoad(outDir: string, loads = 5): Promise<WebLoad> {
  buildWeb(outDir);
  const files = firstLoadFiles(outDir);
  if (!fs.existsSync(CHROMIUM)) return { ...files, loadsMs: [], skipped: `${CHROMIUM} saknas` };
  return { ...files, loadsMs: await timeLoads(outDir, loads) };
}

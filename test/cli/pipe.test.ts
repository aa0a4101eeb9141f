/**
 * The built command through a real pipe into a slow reader: output to a pipe is written
 * asynchronously, so a command that exits as soon as it is done cuts its output off at the
 * pipe's buffer (64 KiB). Every byte must arrive, and the exit status must be the command's.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { cli } from "./helpers";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "uppfoljning.js");

/** Waits 1,5 s before reading (longer than the command takes to start), then takes a chunk at a time with a pause, and echoes all it got. */
const SLOW_READER = `
const chunks = [];
process.stdin.pause();
setTimeout(() => {
  process.stdin.on("data", (c) => { chunks.push(c); process.stdin.pause(); setTimeout(() => process.stdin.resume(), 20); });
  process.stdin.on("end", () => process.stdout.write(Buffer.concat(chunks)));
  process.stdin.resume();
}, 1500);
`;

/**
 * `node bin/uppfoljning.js <args> | slow reader` in bash, so that it is an OS pipe (Node's own
 * child-process pipes are socket pairs with bigger buffers). With pipefail the status is the
 * command's: the reader always exits 0.
 */
function throughPipe(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; received: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = 'set -o pipefail; "$0" "$UPPFOLJNING_BIN" "$@" | "$0" -e "$SLOW_READER"';
    const shell = spawn("bash", ["-c", script, process.execPath, ...args], {
      cwd,
      env: { ...process.env, UPPFOLJNING_BIN: bin, SLOW_READER },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let received = "";
    let stderr = "";
    shell.stdout.setEncoding("utf8").on("data", (t: string) => (received += t));
    shell.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    shell.on("error", reject);
    shell.on("close", (code) => resolve({ code, received, stderr }));
  });
}

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(root, "dist", "cli", "main.js")))
    throw new Error("dist/ saknas: kör npm run build före testet.");
});
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-pipe-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the built command through a pipe into a slow reader", () => {
  it("delivers a whole roll-up of more than 200 KB of JSON, and validate's, with their exit statuses", async () => {
    const units = Array.from({ length: 20 }, (_, i) => `Team ${i + 1}`);
    fs.writeFileSync(path.join(dir, "enheter.txt"), units.join("\n"));
    expect(
      (
        await cli(
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
        )
      ).code,
    ).toBe(0);
    fs.rmSync(path.join(dir, "ut", "forvantade-enheter.txt"));

    const rollup = await throughPipe(["rollup", "ut", "--out", "niva2.xlsx", "--json"], dir);
    expect(rollup.received.length).toBeGreaterThan(200_000);
    const json = JSON.parse(rollup.received);
    expect(json.units).toHaveLength(20);
    expect(rollup.code).toBe(1); // blank templates: required values are missing
    expect(rollup.stderr).toBe("");

    const validate = await throughPipe(["validate", "ut", "--json"], dir);
    expect(validate.received.length).toBeGreaterThan(200_000);
    expect(JSON.parse(validate.received).summary.files).toBe(20);
    expect(validate.code).toBe(1);
  }, 60_000);

  it("delivers describe --json (over 64 KiB) with exit 0, and a usage error with exit 2", async () => {
    const describe = await throughPipe(["describe", "karlstad-vardighetsgarantier", "--json"], dir);
    expect(describe.received.length).toBeGreaterThan(65_536);
    expect(JSON.parse(describe.received).uppdrag.id).toBe("karlstad-vardighetsgarantier");
    expect(describe.code).toBe(0);

    const unknown = await throughPipe(["describe", "finns-inte", "--json"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.received).toBe("");
    expect(unknown.stderr).toMatch(/^Fel: Uppdraget "finns-inte" finns inte/);
  }, 30_000);

  it("stops quietly when the reader closes early, like `| head -c 10`", async () => {
    const result = await new Promise<{ stderr: string; code: number | null }>((resolve) => {
      const command = spawn(process.execPath, [bin, "describe", "karlstad-vardighetsgarantier", "--json"], {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      command.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
      command.stdout.once("data", () => command.stdout.destroy());
      command.on("close", (code) => resolve({ stderr, code }));
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 30_000);
});

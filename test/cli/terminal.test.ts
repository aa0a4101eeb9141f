/**
 * Names from outside (file names, unit names, arguments) reach the terminal with control
 * characters escaped: an escape sequence in a file name must not clear the screen or set the
 * window title. Runs the built command (dist/) for the real process output.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { terminalSafe } from "../../src/cli/terminalText";
import { processIo } from "../../src/cli/io";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "uppfoljning.js");
const built = fs.existsSync(path.join(root, "dist", "cli", "main.js"));
// eslint-disable-next-line no-control-regex -- control characters are what the test looks for
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("terminalSafe", () => {
  it("shows escape sequences, C1 controls and bidi overrides as \\uXXXX, keeps tab, newline and Swedish", () => {
    expect(terminalSafe("\u001b[2J\u001b]0;titel\u0007 \u009b31m \u202eabc\tå\n")).toBe(
      "\\u001b[2J\\u001b]0;titel\\u0007 \\u009b31m \\u202eabc\tå\n",
    );
  });

  it("keeps JSON output valid and equal", () => {
    const json = JSON.stringify({ unit: "Enhet \u009b\u202e A" });
    expect(JSON.parse(terminalSafe(json))).toEqual({ unit: "Enhet \u009b\u202e A" });
  });
});

it("processIo escapes what goes to stdout and stderr", () => {
  const written: string[] = [];
  const out = jest.spyOn(process.stdout, "write").mockImplementation((t) => (written.push(String(t)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((t) => (written.push(String(t)), true));
  try {
    processIo().out("fil \u001b[2J.xlsx");
    processIo().err("fil \u001b]0;x\u0007.xlsx");
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  expect(written).toEqual(["fil \\u001b[2J.xlsx\n", "fil \\u001b]0;x\\u0007.xlsx\n"]);
});

(built ? it : it.skip)(
  "a file named with escape sequences is named escaped by validate, in text and JSON",
  () => {
    const name = "svar \u001b[2J\u001b]0;kapat\u0007.xlsx";
    fs.writeFileSync(path.join(dir, name), "inte en arbetsbok");
    const text = spawnSync(process.execPath, [bin, "validate", dir], { cwd: dir, encoding: "utf8" });
    expect(text.stdout).toContain("svar \\u001b[2J\\u001b]0;kapat\\u0007.xlsx");
    expect(text.stdout + text.stderr).not.toMatch(RAW_CONTROL);
    const json = spawnSync(process.execPath, [bin, "validate", dir, "--json"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(path.basename(JSON.parse(json.stdout).files[0].file)).toBe(name);
  },
);

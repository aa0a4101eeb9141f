/** Builds the task pane with webpack (production) into a folder, in a child process; returns how long it took. */
import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export function buildWeb(outDir: string): Promise<{ ms: number; output: string }> {
  const started = Date.now();
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production"],
      { cwd: ROOT, env: { ...process.env, WEB_OUT: outDir }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`webpack failed:\n${stdout}\n${stderr}`));
        else resolve({ ms: Date.now() - started, output: stdout });
      },
    );
  });
}

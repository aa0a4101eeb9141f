/**
 * Preloaded by the benchmark (`node --require`) into the command it times: when the process
 * exits, its peak resident memory (worker threads included) is written to BENCH_RSS_FILE.
 */
import * as fs from "node:fs";

process.on("exit", () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});

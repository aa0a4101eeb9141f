#!/usr/bin/env node
"use strict";
// Output piped into `head` and closed early is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}
// The built command line (npm ci runs the build through the prepare script). The exit status is
// set, not forced with process.exit: output to a pipe is written asynchronously and exiting at
// once would cut it off at the pipe's buffer (64 KiB); Node exits when all of it is delivered.
require("../dist/cli/main.js")
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

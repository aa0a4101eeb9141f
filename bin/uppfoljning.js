#!/usr/bin/env node
"use strict";
// Output piped into `head` and closed early is not an error.
process.stdout.on("error", (e) => (e.code === "EPIPE" ? process.exit(0) : Promise.reject(e)));
// The built command line (npm ci runs the build through the prepare script).
require("../dist/cli/main.js")
  .run(process.argv.slice(2))
  .then((code) => process.exit(code));

// A --require hook for the start-up test: appends the name of every package of interest the
// process (or one of its worker threads) loads to the file in RECORD_PACKAGES_FILE.
"use strict";
const fs = require("node:fs");
const Module = require("node:module");

const file = process.env.RECORD_PACKAGES_FILE;
const WATCHED = /^(xlsx|exceljs)(\/|$)/;
const load = Module._load;
Module._load = function (request, ...rest) {
  const match = WATCHED.exec(request);
  if (file && match) fs.appendFileSync(file, `${match[1]}\n`);
  return load.call(this, request, ...rest);
};

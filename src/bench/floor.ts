/**
 * The benchmark's floor, run as its own process with nothing else loaded: read every file of a
 * folder, unzip it and decode every entry to text. No reader can do less with the same files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";

const dir = process.argv[2];
if (dir === undefined) {
  console.error("Ange mappen med filerna: node floor.js <mapp>");
  process.exit(2);
}
let chars = 0;
for (const name of fs.readdirSync(dir)) {
  for (const data of Object.values(unzipSync(fs.readFileSync(path.join(dir, name)))))
    chars += strFromU8(data).length;
}
process.stdout.write(String(chars));

/** Every finance problem code the finance core can produce has a Swedish text, registered in MESSAGES. */
import * as fs from "node:fs";
import * as path from "node:path";
import { FINANCE_MESSAGES } from "../../../src/core/messages/financeSv";
import { isKnownCode } from "../../../src/core/messages/sv";

const dir = path.join(__dirname, "..", "..", "..", "src", "core", "finance");
const codes = new Set(
  fs
    .readdirSync(dir)
    .flatMap((f) =>
      [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/"(finance[A-Z]\w+)"/g)].map((m) => m[1]!),
    ),
);

it("finds the codes in src/core/finance", () => {
  expect(codes.size).toBeGreaterThan(20);
});

it("has a registered message for each", () => {
  expect([...codes].filter((c) => !isKnownCode(c))).toEqual([]);
  expect(Object.keys(FINANCE_MESSAGES).filter((c) => !codes.has(c))).toEqual([]);
});

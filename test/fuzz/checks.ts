/**
 * What must hold for every fuzzed file, whatever its bytes: each check returns the ways it
 * fails (empty when it holds), in words for the failure message.
 */
import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import type { Problem } from "../../src/core/model";
import { formatProblem, problemText } from "../../src/core/messages/sv";
import type { FileOutcome } from "../../src/workbook/collect";

export const STATUSES = new Set(["read", "used", "rejected", "copy"]);

/** Raw control characters (tab, CR and LF aside) and bidi overrides: they reach terminals and cells. */
// eslint-disable-next-line no-control-regex -- control characters are what the check looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** English system text and what a bug prints: stack frames, JavaScript's own words for nothing. */
const SYSTEM_TEXT =
  /Error:|^\s*at |\bat \S+ \(|:\d+:\d+\)|undefined|NaN|\[object|Infinity|∞|Okänt fel \(|Cannot |ENOENT|EACCES|heap/m;

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A problem's text with the user's own input (quoted) left out: "NaN" typed in a cell may be quoted back. */
const unquoted = (text: string) => text.replace(/"[^"]*"/g, '""');

export function textFaults(problem: Problem, where: string): string[] {
  const faults: string[] = [];
  const text = problemText(problem);
  const full = formatProblem(problem);
  if (CONTROL.test(full))
    faults.push(`${where} ${problem.code}: raw control character in ${JSON.stringify(full.slice(0, 200))}`);
  const system = SYSTEM_TEXT.exec(unquoted(text));
  if (system)
    faults.push(
      `${where} ${problem.code}: system text ${JSON.stringify(system[0])} in ${JSON.stringify(text.slice(0, 200))}`,
    );
  return faults;
}

/** One outcome per input, in order, each with a known status; a rejection says why, in Swedish, naming the file. */
export function accountingFaults(
  inputs: readonly string[],
  outcomes: readonly FileOutcome[],
  stage: string,
): Map<number, string[]> {
  const faults = new Map<number, string[]>();
  const add = (i: number, fault: string) => faults.set(i, [...(faults.get(i) ?? []), `${stage}: ${fault}`]);
  if (outcomes.length !== inputs.length) add(-1, `${outcomes.length} outcomes for ${inputs.length} files`);
  inputs.forEach((file, i) => {
    const o = outcomes[i];
    if (!o) return add(i, "no outcome");
    if (o.file !== file) add(i, `outcome for ${o.file} in the place of ${file}`);
    if (!STATUSES.has(o.status)) add(i, `status ${String(o.status)}`);
    if (o.status === "rejected" || o.status === "copy") {
      if (!o.reason) add(i, `${o.status} without a reason`);
      else {
        const text = problemText(o.reason);
        // Reader rejections name the file in their text; the roll-up's (other period, duplicate) in their location.
        if (!text.includes(file) && o.reason.location?.file !== file)
          add(i, `reason ${o.reason.code} does not name the file: ${JSON.stringify(text)}`);
        for (const f of textFaults(o.reason, "reason")) add(i, f);
        // The catch-all of collect.ts keeps the run going, but what it catches is a bug in the reader, not a file's fault.
        if (o.reason.code === "unreadableFile" && /oväntat fel/.test(text))
          add(i, `the reader threw (caught as "${text}")`);
      }
    }
    if (o.status !== "rejected" && !o.report) add(i, `${o.status} without a report`);
    for (const p of o.problems) for (const f of textFaults(p, "problem")) add(i, f);
  });
  return faults;
}

/** Characters XML 1.0 cannot hold: a level-2 workbook with one is unreadable (LibreOffice shows the texts empty). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the characters XML cannot hold include control characters
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function level2Faults(xlsx: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(xlsx);
  } catch (e) {
    return [`level 2 is not a zip: ${String(e)}`];
  }
  const faults: string[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.endsWith(".xml")) continue;
    const m = NOT_XML.exec(strFromU8(bytes));
    if (m)
      faults.push(
        `level 2 ${name}: U+${m[0].charCodeAt(0).toString(16).padStart(4, "0")} cannot be held by XML`,
      );
  }
  return faults;
}

/** Own properties of the built-in prototypes, to see that no file added or replaced one. */
export function prototypeSnapshot(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [label, proto] of [
    ["Object", Object.prototype],
    ["Array", Array.prototype],
    ["String", String.prototype],
    ["Function", Function.prototype],
  ] as const) {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      out.set(`${label}.prototype.${String(key)}`, d.value ?? d.get);
    }
  }
  return out;
}

export function pollutionFaults(before: Map<string, unknown>): string[] {
  const after = prototypeSnapshot();
  const faults: string[] = [];
  for (const key of after.keys()) if (!before.has(key)) faults.push(`${key} was added`);
  for (const [key, value] of before)
    if (after.get(key) !== value) faults.push(`${key} was ${after.has(key) ? "replaced" : "removed"}`);
  const probe = {} as Record<string, unknown>;
  for (const key of ["polluted", "enhet", "period", "uppdrag", "U_", "value"])
    if (probe[key] !== undefined) faults.push(`({}).${key} is ${String(probe[key])}`);
  return faults;
}

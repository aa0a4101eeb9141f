/**
 * The fuzzer's workbooks: a handful of base workbooks built once (each uppdrag's template
 * written by writeTemplate and filled by fillTemplate, one filled by SheetJS, an .ods and an
 * .xls), and from them any number of mutated ones, each determined by the run's seed and its
 * number alone.
 */
import { unzipSync, zipSync } from "fflate";
import type { Catalog } from "../../src/core/model";
import { writeTemplate } from "../../src/workbook/template";
import { fillTemplate } from "../../src/workbook/fill";
import { sampleValues } from "../../src/cli/sampleData";
import { LIMITS } from "../../src/workbook/limits";
import { convert, fillByNames } from "../workbook/sheetjsFill";
import { psykValues } from "../core/builders";
import { caseSeed, rng, type Rng } from "./prng";
import { DOC_MUTATIONS, ZIP_MUTATIONS, type DocMutation } from "./mutations";
import { WorkbookDoc } from "./workbookDoc";
import { writeZip } from "./rawZip";

export interface Base {
  id: string;
  extension: "xlsx" | "ods" | "xls";
  bytes: Uint8Array;
  /** The unzipped entries, for the mutations of names, cells and XML (zip files only). */
  entries?: [string, Uint8Array][];
}

export interface FuzzCase {
  index: number;
  name: string;
  base: string;
  bytes: Uint8Array;
  /** What was done to the base, in order: repeated in a failure's message. */
  mutations: string[];
}

const UNITS = ["Team Norr", "Team Syd", "Enhet A", "Hemtjänst Öst"];

export async function buildBases(catalog: Catalog): Promise<Base[]> {
  const bases: Base[] = [];
  for (const [i, uppdrag] of catalog.uppdrag.entries()) {
    const template = await writeTemplate(uppdrag, {
      unit: UNITS[i % UNITS.length]!,
      period: "2025H1",
      createdAt: new Date("2025-06-01T08:00:00Z"),
    });
    bases.push(zipBase(uppdrag.id, "xlsx", await fillTemplate(template, sampleValues(uppdrag, 11 + i))));
  }
  const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
  const template = await writeTemplate(psyk, {
    unit: "Team Väst",
    period: "2025H1",
    createdAt: new Date("2025-06-01T08:00:00Z"),
  });
  const bySheetjs = fillByNames(template, psykValues(10, 2, 1, 1, 3));
  bases.push(zipBase("sheetjs-psyk", "xlsx", bySheetjs));
  bases.push(zipBase("sheetjs-psyk", "ods", convert(bySheetjs, "ods")));
  // SheetJS's .xls parser loops forever on some corrupted formula records (parse_Rgce), and no
  // per-file time limit can stop a synchronous parse in-process: mutated .xls files only when asked.
  if (process.env.FUZZ_XLS)
    bases.push({ id: "sheetjs-psyk", extension: "xls", bytes: convert(bySheetjs, "biff8") });
  return bases;
}

function zipBase(id: string, extension: Base["extension"], bytes: Uint8Array): Base {
  return { id, extension, bytes, entries: Object.entries(unzipSync(bytes)) };
}

function weighted<T extends { weight: number }>(items: readonly T[], r: Rng): T {
  let x = r.next() * items.reduce((n, m) => n + m.weight, 0);
  for (const m of items) if ((x -= m.weight) < 0) return m;
  return items[items.length - 1]!;
}

/** A zip bomb in miniature: an entry padded past the entry limit that deflates to a few kilobytes. */
function bomb(doc: WorkbookDoc, r: Rng): string | undefined {
  const name = r.pick(doc.names().filter((n) => n.endsWith(".xml")));
  const xml = name && doc.text(name);
  if (!xml) return undefined;
  const pad = LIMITS.entryBytes + 1024 * 1024;
  doc.set(
    name,
    xml.replace(
      /^(<\?xml[^>]*\?>)?(<[\w:]+)/,
      (_all, decl: string | undefined, tag: string) => `${decl ?? ""}${tag}${" ".repeat(pad)}`,
    ),
  );
  return `${name} padded to ${pad} bytes (zip bomb)`;
}

/** Case `index` of the run `seed`: the same pair always gives the same bytes. */
export function generateCase(bases: readonly Base[], seed: number, index: number): FuzzCase {
  const r = rng(caseSeed(seed, index));
  const base = r.pick(bases);
  const mutations: string[] = [];
  let bytes = base.bytes;
  if (base.entries) {
    const doc = new WorkbookDoc(base.entries);
    // Mostly one of the hostile cases, with random mutations around it.
    const plan: DocMutation[] = [];
    if (r.chance(0.7)) plan.push(weighted(DOC_MUTATIONS.hostile, r));
    for (let n = r.int(3); n > 0; n--) plan.push(weighted(DOC_MUTATIONS.random, r));
    if (r.chance(0.3)) plan.reverse();
    for (const m of plan) {
      const what = m.apply(doc, r);
      if (what) mutations.push(`${m.name}: ${what}`);
    }
    const bombed = r.chance(0.01) ? bomb(doc, r) : undefined;
    if (bombed) mutations.push(bombed);
    // Mostly our own writer, which deflates only the entries a mutation changed; sometimes fflate's.
    const packing = bombed ? 0 : r.int(10);
    if (packing === 0) bytes = zipSync(Object.fromEntries(doc.entries), { level: bombed ? 9 : 1 });
    else if (packing === 1) bytes = zipSync(Object.fromEntries(doc.entries), { level: 0 });
    else if (packing === 2 && doc.entries.length > 0) {
      const [name, data] = r.pick(doc.entries);
      bytes = writeZip(
        r.chance(0.5)
          ? [[name, data], ...doc.entries]
          : [...doc.entries, [name, r.pick([data, data.subarray(0, data.length >> 1)])]],
      );
      mutations.push(`entry ${name} twice`);
    } else bytes = writeZip(doc.entries, packing !== 3 || mutations.length === 0);
  }
  if (!base.entries || r.chance(0.3)) {
    const m = weighted(ZIP_MUTATIONS, r);
    const out = m.apply(bytes, r);
    bytes = out.zip;
    mutations.push(`${m.name}: ${out.what}`);
  }
  const name = `fuzz-${String(index).padStart(5, "0")}-${base.id}.${base.extension}`;
  return { index, name, base: `${base.id}.${base.extension}`, bytes, mutations };
}

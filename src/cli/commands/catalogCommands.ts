/**
 * `uppfoljning list` and `uppfoljning describe <uppdrag>`: the catalog for people and, with
 * --json, for scripts (the contract is documented in docs/json.md).
 */
import type { Measure, Uppdrag } from "../../core/model";
import { FREQUENCY_LABELS, KIND_LABELS } from "../../core/messages/labels";
import { aggregationOf } from "../../core/aggregations";
import { valueTypeOf } from "../../core/valueTypes";
import { cliCatalog, requireUppdrag } from "../catalog";
import type { Io } from "../io";

export function listCommand(io: Io, options: { json?: boolean }): number {
  const { uppdrag } = cliCatalog();
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          format: "uppfoljning/list@1",
          uppdrag: uppdrag.map((u) => ({
            id: u.id,
            name: u.name,
            version: u.version,
            frequency: u.frequency,
            parts: u.parts,
            measureCount: u.measures.length,
            source: u.source,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const u of uppdrag) {
    io.out(
      `${u.id}  (version ${u.version}, ${u.frequency.map((f) => FREQUENCY_LABELS[f]).join("/")}, ${u.measures.length} mått)\n  ${u.name}`,
    );
  }
  return 0;
}

function checksText(m: Measure): string {
  const c = m.checks;
  const parts: string[] = [];
  if (c.required) parts.push("obligatorisk");
  if (c.min !== undefined) parts.push(`minst ${c.min}`);
  if (c.max !== undefined) parts.push(`högst ${c.max}`);
  if (c.warnAbove !== undefined) parts.push(`varning över ${c.warnAbove}`);
  if (c.warnBelow !== undefined) parts.push(`varning under ${c.warnBelow}`);
  return parts.join(", ");
}

/** The measure as the JSON contract shows it: formulas as "a"/"-b" terms like the catalog files. */
function measureJson(m: Measure) {
  const { formula, ...rest } = m;
  const terms = (ts: { measure: string; sign: 1 | -1 }[]) =>
    ts.map((t) => (t.sign < 0 ? `-${t.measure}` : t.measure));
  return {
    ...rest,
    ...(formula
      ? {
          formula: {
            numerator: terms(formula.numerator),
            denominator: terms(formula.denominator),
            factor: formula.factor,
          },
        }
      : {}),
  };
}

export function describeJson(u: Uppdrag) {
  const { file: _file, measures, ...rest } = u;
  return { format: "uppfoljning/describe@1", uppdrag: { ...rest, measures: measures.map(measureJson) } };
}

export function describeCommand(io: Io, id: string, options: { json?: boolean }): number {
  const u = requireUppdrag(id);
  if (options.json) {
    io.out(JSON.stringify(describeJson(u), null, 2));
    return 0;
  }
  io.out(
    `${u.name} (${u.id}, version ${u.version})\n${u.description}\nKälla: ${u.source}\nUppföljning: ${u.frequency.map((f) => FREQUENCY_LABELS[f]).join(", ")}`,
  );
  if (u.parts.length > 0) io.out(`Delar: ${u.parts.map((p) => `${p.label} (${p.id})`).join(", ")}`);
  for (const section of u.sections) {
    io.out(`\n${section.label} – blad "${section.sheet}"`);
    for (const m of u.measures.filter((x) => x.section === section.id)) {
      const details = [
        KIND_LABELS[m.kind],
        valueTypeOf(m).label + (m.unit ? ` [${m.unit}]` : ""),
        `nivå 2: ${aggregationOf(m).label}`,
        checksText(m),
      ].filter((s) => s !== "");
      const part = m.part ? ` (del: ${u.parts.find((p) => p.id === m.part)?.label ?? m.part})` : "";
      io.out(`  ${m.id}: ${m.label}${part}\n      ${details.join("; ")}`);
    }
  }
  if (u.rules.length > 0) {
    io.out("\nKontroller mellan mått:");
    for (const r of u.rules) io.out(`  ${r.id} (${r.type}, ${r.severity})`);
  }
  return 0;
}

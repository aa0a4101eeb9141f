/**
 * A list of units, one a line, as typed in the task pane or kept in a units file:
 * "Enhet" or "Enhet; del1, del2" for a template that covers only those parts of the uppdrag.
 * Blank lines and lines starting with # are skipped. Problems are Swedish, one per line.
 */
import type { Uppdrag } from "./model";
import type { ExpectedUnit } from "./rollup";
import { unitKey } from "./rollup";

export interface UnitList {
  units: ExpectedUnit[];
  errors: string[];
}

export function parseUnitList(text: string, uppdrag?: Uppdrag): UnitList {
  const units: ExpectedUnit[] = [];
  const errors: string[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const row = i + 1;
    if (line === "" || line.startsWith("#")) return;
    const [name = "", partText] = line.split(";").map((s) => s.trim());
    const parts = partText ? partText.split(",").map((p) => p.trim()).filter((p) => p !== "") : [];
    if (name === "") {
      errors.push(`Rad ${row}: enhetens namn saknas före semikolonet.`);
      return;
    }
    const seen = firstLine.get(unitKey(name));
    if (seen !== undefined) errors.push(`Rad ${row}: ${name} står redan på rad ${seen}.`);
    else firstLine.set(unitKey(name), row);
    if (uppdrag) {
      for (const p of parts.filter((p) => !uppdrag.parts.some((x) => x.id === p))) {
        const known = uppdrag.parts.map((x) => x.id).join(", ") || "(uppdraget har inga delar)";
        errors.push(`Rad ${row}: delen "${p}" finns inte i ${uppdrag.name}. Delar: ${known}.`);
      }
    }
    units.push(parts.length > 0 ? { unit: name, parts } : { unit: name });
  });
  return { units, errors };
}

/** The units file `create --units` writes for the roll-up to check against. */
export function formatUnitList(units: ExpectedUnit[]): string {
  return `# Förväntade enheter, en per rad ("Enhet; del1, del2" för en blankett som gäller vissa delar)\n${units.map((u) => (u.parts ? `${u.unit}; ${u.parts.join(", ")}` : u.unit)).join("\n")}\n`;
}

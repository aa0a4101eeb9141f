/**
 * A list of units, one a line, as typed in the task pane or kept in a units file:
 * "Enhet" or "Enhet; del1, del2" for a template that covers only those parts of the uppdrag.
 * Blank lines and lines starting with # are skipped. Problems are Swedish, one per line.
 * Given the uppdrag (templates are to be made from the list), the parts are checked and every
 * unit must get a file name of its own: "Team Söder" and "Team Soder" would share one file.
 */
import type { Uppdrag } from "./model";
import type { ExpectedUnit } from "./rollup";
import { unitKey } from "./rollup";
import { slug, slugKey } from "./slug";
import { unknownPartErrors } from "./templateRequest";

export interface UnitList {
  units: ExpectedUnit[];
  errors: string[];
}

export function parseUnitList(text: string, uppdrag?: Uppdrag): UnitList {
  const units: ExpectedUnit[] = [];
  const errors: string[] = [];
  const firstLine = new Map<string, number>();
  const firstFile = new Map<string, { row: number; name: string }>();
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
    const sameFile = uppdrag && seen === undefined ? firstFile.get(slugKey(name)) : undefined;
    if (sameFile) errors.push(`Rad ${row}: ${name} och ${sameFile.name} på rad ${sameFile.row} får samma filnamn (…_${slug(sameFile.name)}.xlsx). Ändra ett av namnen så att varje enhet får en egen fil.`);
    else if (seen === undefined) firstFile.set(slugKey(name), { row, name });
    if (uppdrag) {
      for (const error of unknownPartErrors(uppdrag, parts)) errors.push(`Rad ${row}: ${error}`);
    }
    units.push(parts.length > 0 ? { unit: name, parts } : { unit: name });
  });
  return { units, errors };
}

/** The units file `create --units` writes for the roll-up to check against. */
export function formatUnitList(units: ExpectedUnit[]): string {
  return `# Förväntade enheter, en per rad ("Enhet; del1, del2" för en blankett som gäller vissa delar)\n${units.map((u) => (u.parts ? `${u.unit}; ${u.parts.join(", ")}` : u.unit)).join("\n")}\n`;
}

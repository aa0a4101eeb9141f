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
import { messageText } from "./messages/sv";

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
    const parts = partText
      ? partText
          .split(",")
          .map((p) => p.trim())
          .filter((p) => p !== "")
      : [];
    if (name === "") {
      errors.push(messageText("unitListNoName", { row: String(row) }));
      return;
    }
    const seen = firstLine.get(unitKey(name));
    if (seen !== undefined)
      errors.push(messageText("unitListRepeated", { row: String(row), unit: name, firstRow: String(seen) }));
    else firstLine.set(unitKey(name), row);
    const sameFile = uppdrag && seen === undefined ? firstFile.get(slugKey(name)) : undefined;
    if (sameFile)
      errors.push(
        messageText("unitListSameFile", {
          row: String(row),
          unit: name,
          other: sameFile.name,
          otherRow: String(sameFile.row),
          fileName: slug(sameFile.name),
        }),
      );
    else if (seen === undefined) firstFile.set(slugKey(name), { row, name });
    if (uppdrag) {
      for (const p of parts.filter((p) => !uppdrag.parts.some((x) => x.id === p))) {
        errors.push(
          messageText("unitListUnknownPart", {
            row: String(row),
            part: p,
            uppdrag: uppdrag.name,
            known: uppdrag.parts.map((x) => x.id).join(", "),
          }),
        );
      }
    }
    units.push(parts.length > 0 ? { unit: name, parts } : { unit: name });
  });
  return { units, errors };
}

/** The units file `create --units` writes for the roll-up to check against. */
export function formatUnitList(units: ExpectedUnit[]): string {
  return `${messageText("unitListFileHeader", {})}\n${units.map((u) => (u.parts ? `${u.unit}; ${u.parts.join(", ")}` : u.unit)).join("\n")}\n`;
}

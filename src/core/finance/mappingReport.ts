/**
 * The mapping of budget rows to units in words, for `uppfoljning ekonomi --enheter` and the task
 * pane: what matched (by name, by a saved mapping, by the user's choice now), which rows belong to
 * no unit, and the user's manual pairings ("Radnamn=Enhet") read and checked against the table
 * and the units. What did not match and what is stale are problems (mapping.ts), not lines here.
 */
import type { Location, Problem } from "../model";
import { financeProblem } from "./financeProblem";
import { mappingFileName, matchKey, tableRowRefs, type MappingEntry, type MatchResult } from "./mapping";
import type { BudgetTable } from "./model";

const rowText = (rows: readonly number[]) => `${rows.length === 1 ? "rad" : "rader"} ${rows.join(", ")}`;

/**
 * Manual pairings as typed: "Radnamn=Enhet" pairs a row with a unit; "Radnamn=" (or "Radnamn=-")
 * says the row belongs to no unit. Rows and units are compared by matchKey and written as the
 * table and the unit list spell them. Unknown rows or units are errors, never guessed.
 */
export function parsePairs(
  texts: readonly string[],
  table: BudgetTable,
  units: readonly string[],
  where: Location,
): { choices: MappingEntry[]; problems: Problem[] } {
  const rows = tableRowRefs(table);
  const rowByKey = new Map(rows.map((r) => [matchKey(r.row), r.row]));
  const unitByKey = new Map(units.map((u) => [matchKey(u), u]));
  const choices: MappingEntry[] = [];
  const problems: Problem[] = [];
  for (const text of texts) {
    const at = text.indexOf("=");
    if (at < 0) {
      problems.push(financeProblem("financePairMalformed", "fel", where, { input: text }));
      continue;
    }
    const rowName = text.slice(0, at).trim();
    const unitName = text.slice(at + 1).trim();
    const row = rowByKey.get(matchKey(rowName));
    if (row === undefined) {
      problems.push(
        financeProblem("financePairUnknownRow", "fel", where, {
          row: rowName,
          rows: rows.map((r) => `"${r.row}"`).join(", "),
        }),
      );
      continue;
    }
    if (unitName === "" || unitName === "-") {
      choices.push({ row, unit: null });
      continue;
    }
    const unit = unitByKey.get(matchKey(unitName));
    if (unit === undefined) {
      problems.push(
        financeProblem("financePairUnknownUnit", "fel", where, {
          row,
          unit: unitName,
          units: units.join(", "),
        }),
      );
      continue;
    }
    choices.push({ row, unit });
  }
  return { choices, problems };
}

/**
 * One line per matched or ignored row, saying how it was matched, and a count of the units with
 * a budget row. `chosen`: the rows the user paired just now (told apart from a saved mapping).
 */
export function mappingLines(
  result: MatchResult,
  units: readonly string[],
  chosen: readonly MappingEntry[] = [],
): string[] {
  const chosenKeys = new Set(chosen.map((c) => matchKey(c.row)));
  const how = (row: string, via: "name" | "mapping") =>
    via === "name" ? "på namn" : chosenKeys.has(matchKey(row)) ? "enligt ditt val" : "enligt sparad koppling";
  const lines = result.matched.map(
    (m) => `"${m.row}" (${rowText(m.rowNumbers)}) → ${m.unit}, kopplad ${how(m.row, m.via)}`,
  );
  for (const r of result.ignored)
    lines.push(
      `"${r.row}" (${rowText(r.rowNumbers)}) hör inte till någon enhet (${chosenKeys.has(matchKey(r.row)) ? "enligt ditt val" : "enligt sparad koppling"})`,
    );
  const withRow = units.length - result.unmatchedUnits.length;
  lines.push(
    `${withRow} av ${units.length} enheter har en budgetrad; ${result.unmatchedRows.length === 0 ? "alla budgetrader är kopplade" : `${result.unmatchedRows.length === 1 ? "1 budgetrad är inte kopplad" : `${result.unmatchedRows.length} budgetrader är inte kopplade`}`}.`,
  );
  return lines;
}

/**
 * The budget file has no saved mapping beside it but its folder holds others (last period's):
 * say so and how to reuse one, rather than pick one silently. `others`: their file names.
 */
export function otherMappingsProblem(
  budgetFile: string,
  others: readonly string[],
  where: Location,
): Problem | undefined {
  const [first] = others;
  if (first === undefined) return undefined;
  const own = mappingFileName(budgetFile);
  const slash = Math.max(own.lastIndexOf("/"), own.lastIndexOf("\\"));
  return financeProblem("financeMappingElsewhere", "varning", where, {
    expected: own.slice(slash + 1),
    files: others.join(", "),
    first: `${own.slice(0, slash + 1)}${first}`,
  });
}

/** Unit names that look alike are one unit: a roll-up must not count "Enhet A" twice because of a hidden or look-alike character. */
import { accumulate, rollup, unitKey } from "../../src/core/rollup";
import { parseUnitList } from "../../src/core/unitList";
import { psyk, psykValues, unitWith } from "./builders";

describe("unitKey", () => {
  it.each([
    ["a zero-width space", "Enhet\u200b A"],
    ["a zero-width space inside a word", "En\u200bhet A"],
    ["a soft hyphen", "En\u00adhet A"],
    ["a byte order mark", "\ufeffEnhet A"],
    ["a right-to-left override", "Enhet A\u202e"],
    ["a control character", "Enhet\u0007 A"],
    ["a tab and double spaces", "Enhet\t  A"],
    ["a Cyrillic А", "Enhet \u0410"],
    ["a Cyrillic е and Greek Α", "Enh\u0435t \u0391"],
    ["full-width letters", "\uff25\uff4e\uff48\uff45\uff54 \uff21"],
    ["another case", "ENHET a"],
  ])("%s: %j is the same unit as Enhet A", (_what, name) => {
    expect(unitKey(name)).toBe(unitKey("Enhet A"));
  });

  it.each(["Enhet B", "Enhet Å", "Enhet Ä"])("%j stays a different unit", (name) => {
    expect(unitKey(name)).not.toBe(unitKey("Enhet A"));
  });

  it("keeps Swedish letters whichever way they are composed", () => {
    expect(unitKey("Hemtjänst Öst")).toBe(unitKey("Hemtja\u0308nst O\u0308st"));
  });
});

describe("the roll-up finds look-alike names as one unit", () => {
  it.each([
    ["a zero-width space", "Enhet A\u200b"],
    ["a Cyrillic А", "Enhet \u0410"],
  ])(
    "two different files for Enhet A and the name with %s are a duplicate, not two units",
    (_what, lookalike) => {
      const u = psyk();
      const a = unitWith(u, "Enhet A", psykValues(10, 2, 1, 1, 3), { file: "a.xlsx" });
      const b = unitWith(u, lookalike, psykValues(20, 2, 1, 1, 3), { file: "b.xlsx" });
      const result = rollup(u, [a, b], { expectedUnits: [{ unit: "Enhet A" }] });
      expect(result.used).toEqual([]);
      expect(result.conflictingUnits).toEqual([{ unit: "Enhet A", files: ["a.xlsx", "b.xlsx"] }]);
      expect(result.absentUnits).toEqual([]);
    },
  );

  it("an expected unit typed with a Cyrillic letter is the unit that reported", () => {
    const u = psyk();
    const result = rollup(u, [unitWith(u, "Enhet A", psykValues(10, 2, 1, 1, 3))], {
      expectedUnits: [{ unit: "\u0415nhet A" }],
    });
    expect(result.absentUnits).toEqual([]);
    expect(result.problems.map((p) => p.code)).not.toContain("unitNotExpected");
  });

  it("the units list sees a look-alike line as a repeated unit", () => {
    expect(parseUnitList("Enhet A\nEnhet \u0410\n").errors.join("\n")).toMatch(/rad 2/i);
  });
});

describe("accumulations", () => {
  it("refuse a look-alike of a unit they already hold", () => {
    const u = psyk();
    const a = unitWith(u, "Enhet A", psykValues(10, 2, 1, 1, 3));
    const b = unitWith(u, "Enhet \u0410\u200b", psykValues(10, 2, 1, 1, 3), { file: "b.xlsx" });
    expect(() => accumulate([a, b])).toThrow("dubblett");
  });
});

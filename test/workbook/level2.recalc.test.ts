/**
 * The level-2 workbook recalculated by another program: LibreOffice opens a copy whose formulas
 * have no cached results (so every value must come from a formula), recalculates it and saves it;
 * every level-2 cell of the Nivå 2 sheet must then equal the figure computed by hand in the test,
 * for all four uppdrag in templates/ (every aggregation, blanks, a denominator of 0, a unit that
 * does not cover a part, a unit without cases). Broken formulas must be noticed: the same check
 * runs on copies with a ratio's factor dropped, a weighted mean made unweighted, a sum pointing at
 * the wrong row and a ratio turned upside down.
 */
import { soffice } from "../helpers/libreoffice";
import { blankCachedResults, mapFormulas, recalculateWithLibreOffice } from "../helpers/libreofficeRecalc";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import type { UnitReport, Uppdrag } from "../../src/core/model";
import { catalog, collectedFor, fixtureReports, level2Mismatches } from "./level2Fixture";

const RANGE = "[A-Z]+\\d+:[A-Z]+\\d+";
/** Ways to break the formulas, each as a rewrite of every formula in the workbook. */
const BROKEN: Record<string, (formula: string) => string> = {
  "ratio factor ignored": (f) => (f.startsWith("(") ? f.replace(/\*100$/, "") : f),
  "weighted mean unweighted": (f) =>
    f.replace(
      new RegExp(`^SUMPRODUCT\\(([^,]+),(${RANGE}),(${RANGE})\\)/SUMPRODUCT\\(\\1,\\3\\)$`),
      "SUMPRODUCT($1,$2)/SUMPRODUCT($1)",
    ),
  "formula pointing at the wrong row": (f) =>
    f.replace(
      /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/,
      (_, a: string, r: string, b: string) => `SUM(${a}${Number(r) + 1}:${b}${Number(r) + 1})`,
    ),
  "numerator and denominator swapped": (f) => f.replace(/^\((.+)\)\/\((.+)\)(\*\d+)?$/, "($2)/($1)$3"),
};

const maybe = soffice ? describe : describe.skip;
maybe(
  soffice
    ? "the level-2 workbook recalculated by LibreOffice"
    : "the level-2 workbook recalculated by LibreOffice (skipped: soffice is not installed)",
  () => {
    const cases: { uppdrag: Uppdrag; reports: UnitReport[] }[] = catalog.uppdrag.map((uppdrag) => ({
      uppdrag,
      reports: fixtureReports(uppdrag),
    }));
    const books = new Map<string, Uint8Array>();
    let recalculated = new Map<string, Uint8Array>();
    const blanked = new Map<string, number>();

    beforeAll(async () => {
      for (const { uppdrag, reports } of cases) {
        const written = await writeLevel2(collectedFor(uppdrag, reports), {
          createdAt: new Date("2025-08-31T08:00:00Z"),
        });
        const { bytes, formulas } = blankCachedResults(written);
        blanked.set(uppdrag.id, formulas);
        books.set(uppdrag.id, bytes);
        for (const [i, change] of Object.values(BROKEN).entries())
          books.set(`${uppdrag.id}-broken-${i}`, mapFormulas(bytes, change));
      }
      recalculated = recalculateWithLibreOffice(books);
    }, 300_000);

    it.each(catalog.uppdrag.map((u) => [u.id]))(
      "gives the hand-computed figure in every level-2 cell of %s",
      (id) => {
        const { uppdrag, reports } = cases.find((c) => c.uppdrag.id === id)!;
        expect(blanked.get(id)).toBeGreaterThan(10);
        expect(level2Mismatches(uppdrag, reports, recalculated.get(id)!)).toEqual([]);
      },
    );

    it.each(Object.keys(BROKEN).map((name, i) => [name, i]))("notices a workbook with the %s", (_, i) => {
      // Each breakage has to change some figure in at least one of the four uppdrag.
      const noticed = cases.flatMap(({ uppdrag, reports }) =>
        level2Mismatches(uppdrag, reports, recalculated.get(`${uppdrag.id}-broken-${i}`)!),
      );
      expect(noticed.length).toBeGreaterThan(0);
    });
  },
);

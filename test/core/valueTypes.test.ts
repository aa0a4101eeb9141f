/**
 * The value-type registry: one descriptor per type, and the places that used to disagree
 * (the validator and the template on a percent above 100; the catalog and the template on
 * which types are numbers) now reading the same descriptor.
 */
import { validateReport } from "../../src/core/validate";
import { VALUE_TYPES, boundsOf, valueTypeOf } from "../../src/core/valueTypes";
import { AGGREGATIONS, VALUE_TYPE_IDS, type Measure, type Uppdrag } from "../../src/core/model";
import { uppdragById, unitWith } from "./builders";

const lillaEdet = () => uppdragById("lilla-edet-grunduppdrag");
/** A percent measure whose catalog checks give no maximum: only the type's own bound applies. */
function percentWithoutMax(): { uppdrag: Uppdrag; measure: Measure } {
  const u = lillaEdet();
  const measures = u.measures.map((m) =>
    m.id === "bu_nojdhet_barn" ? { ...m, checks: { required: false } } : m,
  );
  return { uppdrag: { ...u, measures }, measure: measures.find((m) => m.id === "bu_nojdhet_barn")! };
}
const problemsOf = (u: Uppdrag, id: string, value: number) =>
  validateReport(
    u,
    unitWith(
      u,
      "Enhet A",
      { [id]: value, bu_nojdhet_barn_svarande: 10 },
      { parts: ["stod_barn_unga_familj"] },
    ),
  ).filter((p) => p.measureId === id);

describe("the registry", () => {
  it("has one descriptor for every value type and only aggregations the model knows", () => {
    expect(Object.keys(VALUE_TYPES).sort()).toEqual([...VALUE_TYPE_IDS].sort());
    for (const d of Object.values(VALUE_TYPES)) {
      expect(d.aggregations.length).toBeGreaterThan(0);
      for (const a of d.aggregations) expect(AGGREGATIONS).toContain(a);
    }
  });
});

describe("a percent above 100", () => {
  it("is an error in the validator even when the catalog gives no maximum, as the template's validation refuses it", () => {
    const { uppdrag, measure } = percentWithoutMax();
    expect(boundsOf(measure)).toEqual({ min: 0, max: 100 });
    expect(problemsOf(uppdrag, measure.id, 100.5)).toEqual([
      expect.objectContaining({
        code: "aboveMax",
        severity: "fel",
        params: expect.objectContaining({ max: 100 }),
      }),
    ]);
    expect(problemsOf(uppdrag, measure.id, 100)).toEqual([]);
    expect(problemsOf(uppdrag, measure.id, 0)).toEqual([]);
  });

  it("keeps the catalog's own tighter maximum", () => {
    const u = lillaEdet();
    const measures = u.measures.map((m) =>
      m.id === "bu_nojdhet_barn" ? { ...m, checks: { required: false, max: 90 } } : m,
    );
    expect(problemsOf({ ...u, measures }, "bu_nojdhet_barn", 95)).toEqual([
      expect.objectContaining({ code: "aboveMax", params: expect.objectContaining({ max: 90 }) }),
    ]);
  });

  it("uses the same bounds in the template's data validation", () => {
    const { measure } = percentWithoutMax();
    expect(valueTypeOf(measure).validation(measure)).toMatchObject({ kind: "number", min: 0, max: 100 });
  });
});

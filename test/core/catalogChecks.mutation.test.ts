/**
 * What the catalog loader checks beyond the schema, each with the file and field it names:
 * psykiatrisk hemsjukvård (with its shared fragment) edited one mistake at a time.
 */
import { findUppdrag, formatCatalogError, loadCatalog } from "../../src/core/catalog";
import { readTemplateSources } from "../../src/cli/templateFiles";

const fragment = readTemplateSources().filter((s) => s.path.includes("gemensamt"));
const base = readTemplateSources().find((s) => s.path.endsWith("psykiatrisk-hemsjukvard.json"))!;
const FILE = "templates/trasig.json";

/** The file as JSON.parse gives it: edited freely here, to break it. */
type ParsedJson = ReturnType<typeof JSON.parse>;

function errorsAfter(edit: (u: ParsedJson) => void): string[] {
  const data = JSON.parse(base.text);
  delete data.keyFigures; // they name measures edited here; their own checks are in test/core/finance/catalogKeyFigures.test.ts
  edit(data);
  return loadCatalog([...fragment, { path: FILE, text: JSON.stringify(data) }]).errors.map(
    formatCatalogError,
  );
}

describe("checks across a definition's fields", () => {
  it.each([
    [
      "a repeated section",
      (u: ParsedJson) => u.sections.push({ ...u.sections[0], sheet: "Annat" }),
      `${FILE}: sections[1].id: avsnittet "verksamhetsmatt" finns redan`,
    ],
    [
      "a sheet name used twice, in any case",
      (u: ParsedJson) => u.sections.push({ id: "annat", label: "Annat", sheet: "VERKSAMHETSMÅTT" }),
      `${FILE}: sections[1].sheet: bladnamnet "VERKSAMHETSMÅTT" används redan av ett annat avsnitt`,
    ],
    [
      "an unknown section",
      (u: ParsedJson) => (u.measures[1].section = "okand"),
      `${FILE}: measures[1].section: avsnittet "okand" finns inte i uppdraget`,
    ],
    [
      "an unknown part",
      (u: ParsedJson) => (u.measures[1].part = "okand"),
      `${FILE}: measures[1].part: delen "okand" finns inte bland uppdragets delar`,
    ],
    [
      "a ratio without a formula",
      (u: ParsedJson) => delete u.measures[5].formula,
      `${FILE}: measures[5].formula: en kvot (ratio) behöver formula med numerator och denominator`,
    ],
    [
      "a formula on a count",
      (u: ParsedJson) => (u.measures[1].formula = u.measures[5].formula),
      `${FILE}: measures[1].formula: bara mått av typen ratio har formula`,
    ],
    [
      "a formula term that is not a measure",
      (u: ParsedJson) => (u.measures[5].formula.numerator = ["finns_inte"]),
      `${FILE}: measures[5].formula: "finns_inte" är inte ett numeriskt mått i uppdraget`,
    ],
    [
      "a formula term that is text",
      (u: ParsedJson) => (u.measures[5].formula.denominator = ["kval_samverkan_analys"]),
      `${FILE}: measures[5].formula: "kval_samverkan_analys" är inte ett numeriskt mått i uppdraget`,
    ],
    [
      "a formula term that is itself a ratio",
      (u: ParsedJson) => (u.measures[8].formula.numerator = ["patienter_per_pas"]),
      `${FILE}: measures[8].formula: "patienter_per_pas" är själv en kvot; bygg kvoten av grundmåtten`,
    ],
    [
      "a weighted mean without a numeric weight",
      (u: ParsedJson) =>
        Object.assign(u.measures[9], {
          type: "percent",
          aggregate: "weightedMean",
          weight: "kval_samverkan_analys",
        }),
      `${FILE}: measures[9].weight: ett vägt medelvärde behöver weight: ett numeriskt mått`,
    ],
    [
      "a weighted mean without a weight",
      (u: ParsedJson) => Object.assign(u.measures[9], { type: "percent", aggregate: "weightedMean" }),
      `${FILE}: measures[9].weight: ett vägt medelvärde behöver weight: ett numeriskt mått`,
    ],
    [
      "a pooled list without a statistic",
      (u: ParsedJson) =>
        Object.assign(u.measures[7], { type: "daysList", aggregate: "pooled", maxCases: 10 }),
      `${FILE}: measures[7].statistic: ange median eller mean`,
    ],
    [
      "a list counted by something that is not a count",
      (u: ParsedJson) =>
        Object.assign(u.measures[7], {
          type: "daysList",
          aggregate: "pooled",
          statistic: "median",
          maxCases: 10,
          countedBy: "arsarbetare",
        }),
      `${FILE}: measures[7].countedBy: "arsarbetare" är inte ett antal-mått i uppdraget`,
    ],
    [
      "a rule on a measure of the wrong type",
      (u: ParsedJson) => (u.rules[0].start = "kval_samverkan_analys"),
      `${FILE}: rules[0].start: måttet "kval_samverkan_analys" har fel typ (text) för regeln balance`,
    ],
    [
      "a list rule on something that is not a list",
      (u: ParsedJson) =>
        u.rules.push({
          type: "listCount",
          id: "x",
          list: "sip_moten",
          count: "sip_patienter",
          severity: "fel",
        }),
      `${FILE}: rules[7].list: måttet "sip_moten" har fel typ (count) för regeln listCount`,
    ],
  ])("reports %s", (_what, edit, message) => {
    expect(errorsAfter(edit)).toEqual([message]);
  });

  it("accepts a weighted mean with a numeric weight and a list counted by a count", () => {
    expect(
      errorsAfter((u) =>
        Object.assign(u.measures[9], { type: "percent", aggregate: "weightedMean", weight: "sip_moten" }),
      ),
    ).toEqual([]);
    expect(
      errorsAfter((u) =>
        Object.assign(u.measures[7], {
          type: "daysList",
          aggregate: "pooled",
          statistic: "mean",
          maxCases: 10,
          countedBy: "sip_patienter",
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      "atMost",
      { type: "atMost", id: "x", measure: ["sip_moten", "okand1"], limit: ["okand2"], severity: "fel" },
      ["measure", "limit"],
    ],
    [
      "atLeast",
      { type: "atLeast", id: "x", measure: "okand1", reference: ["okand2"], severity: "fel" },
      ["measure", "reference"],
    ],
    [
      "requiresPositive",
      { type: "requiresPositive", id: "x", when: "okand1", then: "okand2", severity: "fel" },
      ["when", "then"],
    ],
    ["ratioRange", { type: "ratioRange", id: "x", measure: "okand1", severity: "fel" }, ["measure"]],
    [
      "listCount",
      { type: "listCount", id: "x", list: "okand1", count: "okand2", severity: "fel" },
      ["list", "count"],
    ],
    [
      "continuity",
      { type: "continuity", id: "x", current: "okand1", previous: "okand2", severity: "fel" },
      ["current", "previous"],
    ],
    [
      "balance",
      {
        type: "balance",
        id: "x",
        start: "okand1",
        add: ["okand2"],
        subtract: ["okand3"],
        end: "okand4",
        severity: "fel",
      },
      ["start", "add", "subtract", "end"],
    ],
  ])("names each unknown measure of a %s rule by its field", (_type, rule, fields) => {
    expect(errorsAfter((u) => u.rules.push(rule))).toEqual(
      fields.map((f, i) => `${FILE}: rules[7].${f}: måttet "okand${i + 1}" finns inte i uppdraget`),
    );
  });

  it("names the fragment, and the file that includes it, for a mistake in the fragment", () => {
    const broken = fragment.map((s) => {
      const data = JSON.parse(s.text);
      data.measures[1].section = "okand";
      return { ...s, text: JSON.stringify(data) };
    });
    const { errors } = loadCatalog([...broken, { path: FILE, text: base.text }]);
    expect(errors.map(formatCatalogError)).toEqual([
      `${broken[0]!.path} (i ${FILE}): measures[1].section: avsnittet "okand" finns inte i uppdraget`,
    ]);
  });

  it("refuses a second uppdrag with the same id and keeps the first", () => {
    const { catalog, errors } = loadCatalog([
      ...fragment,
      { path: "templates/a.json", text: base.text },
      { path: "templates/b.json", text: base.text },
    ]);
    expect(errors.map(formatCatalogError)).toEqual([
      `templates/b.json: id: uppdraget "psykiatrisk-hemsjukvard" finns redan i templates/a.json`,
    ]);
    expect(catalog.uppdrag.map((u) => u.file)).toEqual(["templates/a.json"]);
  });

  it("leaves out an uppdrag with errors and sorts the rest", () => {
    const other = JSON.stringify({ ...JSON.parse(base.text), id: "a-forst" });
    const brokenData = { ...JSON.parse(base.text), id: "trasig" };
    brokenData.measures[1].section = "okand";
    const broken = JSON.stringify(brokenData);
    const sources = [
      ...fragment,
      { path: "templates/p.json", text: base.text },
      { path: "templates/a.json", text: other },
      { path: FILE, text: broken },
    ];
    const { catalog } = loadCatalog(sources);
    expect(catalog.uppdrag.map((u) => u.id)).toEqual(["a-forst", "psykiatrisk-hemsjukvard"]);
    expect(findUppdrag(catalog, "a-forst")?.file).toBe("templates/a.json");
    expect(findUppdrag(catalog, "trasig")).toBeUndefined();
  });

  it("turns a signed term into a subtraction and keeps the factor", () => {
    const { catalog } = loadCatalog([
      ...fragment,
      {
        path: FILE,
        text: JSON.stringify({
          ...JSON.parse(base.text),
          measures: JSON.parse(base.text).measures.map((m: { id: string }) =>
            m.id === "patienter_per_pas"
              ? {
                  ...m,
                  formula: {
                    numerator: ["patienter_slut", "-sip_patienter"],
                    denominator: ["pas_antal"],
                    factor: 100,
                  },
                }
              : m,
          ),
        }),
      },
    ]);
    expect(catalog.uppdrag[0]!.measures.find((m) => m.id === "patienter_per_pas")!.formula).toEqual({
      numerator: [
        { measure: "patienter_slut", sign: 1 },
        { measure: "sip_patienter", sign: -1 },
      ],
      denominator: [{ measure: "pas_antal", sign: 1 }],
      factor: 100,
    });
    expect(formatCatalogError({ file: "f.json", field: "", message: "fel" })).toBe("f.json: fel");
  });
});

import { loadCatalog, formatCatalogError } from "../../src/core/catalog";
import { loadTemplates, readTemplateSources } from "../../src/cli/templateFiles";

describe("the catalog in templates/", () => {
  const { catalog, errors } = loadTemplates();

  it("loads every definition without a schema error", () => {
    expect(errors.map(formatCatalogError)).toEqual([]);
  });

  it("holds every uppdrag the source documents describe", () => {
    expect(catalog.uppdrag.map((u) => u.id).sort()).toEqual(
      expect.arrayContaining(["oppna-verksamheter", "psykiatrisk-hemsjukvard"]),
    );
  });

  it("gives every measure a label, help text, kind, type and aggregation", () => {
    for (const u of catalog.uppdrag) {
      for (const m of u.measures) {
        expect(m.label.length).toBeGreaterThan(3);
        expect(m.help.length).toBeGreaterThan(10);
      }
    }
  });
});

describe("loading a broken definition", () => {
  const good = readTemplateSources().filter((s) => s.path.includes("gemensamt"));
  const base = readTemplateSources().find((s) => s.path.endsWith("psykiatrisk-hemsjukvard.json"))!;

  function withEdit(edit: (u: any) => void) {
    const data = JSON.parse(base.text);
    edit(data);
    return loadCatalog([...good, { path: "templates/trasig.json", text: JSON.stringify(data) }]).errors.map(formatCatalogError);
  }

  it("names the file and the field of a wrong aggregation", () => {
    const errors = withEdit((u) => (u.measures[1].aggregate = "summa"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^templates\/trasig\.json: measures\[1\]\.aggregate: /);
  });

  it("reports an unknown field (a typo) instead of ignoring it", () => {
    const errors = withEdit((u) => (u.measures[0].chekcs = {}));
    expect(errors[0]).toMatch(/^templates\/trasig\.json: measures\[0\]/);
    expect(errors[0]).toContain("chekcs");
  });

  it("reports a rule that names a measure the uppdrag lacks", () => {
    const errors = withEdit((u) => (u.rules[0].end = "patienter_sluut"));
    expect(errors).toEqual([`templates/trasig.json: rules[0].end: måttet "patienter_sluut" finns inte i uppdraget`]);
  });

  it("reports an aggregation that does not fit the value type", () => {
    const errors = withEdit((u) => (u.measures[0].aggregate = "pooled"));
    expect(errors[0]).toMatch(/measures\[0\]\.aggregate: "pooled" passar inte typen "count"/);
  });

  it("reports duplicate measure ids and a missing fragment", () => {
    const errors = withEdit((u) => {
      u.measures[1].id = u.measures[0].id;
      u.include = ["finns-inte"];
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        `templates/trasig.json: include[0]: delen "finns-inte" finns inte i templates/gemensamt`,
        `templates/trasig.json: measures[1].id: måttet "patienter_start" finns redan i uppdraget`,
      ]),
    );
  });

  it("reports invalid JSON with the file name", () => {
    const { errors } = loadCatalog([{ path: "templates/x.json", text: "{ nej" }]);
    expect(formatCatalogError(errors[0]!)).toMatch(/^templates\/x\.json: ogiltig JSON/);
  });
});

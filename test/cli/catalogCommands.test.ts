import { cli } from "./helpers";
import { loadTemplates } from "../../src/cli/templateFiles";

const { catalog } = loadTemplates();

describe("uppfoljning list", () => {
  it("lists every uppdrag of the catalog for people", async () => {
    const { code, out } = await cli(["list"]);
    expect(code).toBe(0);
    for (const u of catalog.uppdrag) expect(out).toContain(u.id);
  });

  it("prints the documented JSON contract with --json", async () => {
    const { code, out } = await cli(["list", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.format).toBe("uppfoljning/list@1");
    expect(json.uppdrag.map((u: { id: string }) => u.id)).toEqual(catalog.uppdrag.map((u) => u.id));
    expect(json.uppdrag[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        version: expect.any(String),
        frequency: expect.any(Array),
        parts: expect.any(Array),
        measureCount: expect.any(Number),
      }),
    );
  });
});

describe("uppfoljning describe", () => {
  it("shows each measure with id, label, kind, type, aggregation and checks", async () => {
    const { code, out } = await cli(["describe", "psykiatrisk-hemsjukvard"]);
    expect(code).toBe(0);
    expect(out).toContain("patienter_per_pas: Antal patienter per PAS");
    expect(out).toContain("Strukturmått; beräknad kvot [patienter per PAS]; nivå 2: kvot av summor");
  });

  it("gives every measure's fields in JSON, formulas as catalog terms", async () => {
    const { out } = await cli(["describe", "psykiatrisk-hemsjukvard", "--json"]);
    const json = JSON.parse(out);
    expect(json.format).toBe("uppfoljning/describe@1");
    const perPas = json.uppdrag.measures.find((m: { id: string }) => m.id === "patienter_per_pas");
    expect(perPas).toEqual(
      expect.objectContaining({
        type: "ratio",
        aggregate: "ratio",
        kind: "struktur",
        levels: [2, 3],
        formula: { numerator: ["patienter_slut"], denominator: ["pas_antal"], factor: 1 },
      }),
    );
    expect(json.uppdrag.measures).toHaveLength(
      catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!.measures.length,
    );
  });

  it("says in Swedish which uppdrag exist when the id is unknown, exit 2", async () => {
    const { code, err } = await cli(["describe", "hemtjanst"]);
    expect(code).toBe(2);
    expect(err).toMatch(/^Fel: Uppdraget "hemtjanst" finns inte\. Finns: /);
  });

  it("answers an unknown command in Swedish with exit 2", async () => {
    const { code, err } = await cli(["lista"]);
    expect(code).toBe(2);
    expect(err).toContain("Fel: okänt kommando 'lista'");
  });
});

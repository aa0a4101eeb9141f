/** keyFigures in an uppdrag file: loaded beside the measures, and every mistake named by file and field. */
import { formatCatalogError, loadCatalog } from "../../../src/core/catalog";
import { readTemplateSources } from "../../../src/cli/templateFiles";
import { psyk } from "../builders";

const sources = readTemplateSources();
const source = sources.find((s) => s.path.endsWith("psykiatrisk-hemsjukvard.json"))!;
const fragments = sources.filter((s) => "fragment" in JSON.parse(s.text));
const withFigures = (keyFigures: unknown[]) => {
  const data = JSON.parse(source.text) as Record<string, unknown>;
  return loadCatalog([
    ...fragments,
    { path: "templates/psyk.json", text: JSON.stringify({ ...data, keyFigures }) },
  ]).errors.map(formatCatalogError);
};
const perPatient = {
  kind: "perVolume",
  id: "kostnad_per_patient",
  label: "Kostnad per patient",
  amount: "kostnader",
  per: { start: "patienter_start", end: "patienter_slut" },
  unit: "kr per patient",
};

it("loads the templates' key figures with their defaults (scenario utfall)", () => {
  expect(
    psyk().keyFigures?.map((k) => [
      k.id,
      k.kind,
      k.kind === "perVolume" ? [k.scenario, k.per] : [k.compare, k.as],
    ]),
  ).toEqual([
    ["kostnad_per_patient", "perVolume", ["utfall", { start: "patienter_start", end: "patienter_slut" }]],
    [
      "nettokostnad_per_patient",
      "perVolume",
      ["utfall", { start: "patienter_start", end: "patienter_slut" }],
    ],
    ["kostnad_per_arsarbetare", "perVolume", ["utfall", { measure: "arsarbetare" }]],
    ["budgetavvikelse_tkr", "budgetDeviation", ["utfall", "tkr"]],
    ["budgetavvikelse_procent", "budgetDeviation", ["utfall", "procent"]],
  ]);
});

it("accepts a correct key figure", () => {
  expect(withFigures([perPatient])).toEqual([]);
});

it("names the file and field of an unknown measure, a measure of the wrong type and a repeated id", () => {
  expect(
    withFigures([
      { ...perPatient, per: { start: "patienter_borjan", end: "patienter_slut" } },
      { ...perPatient, id: "per_pas", per: { measure: "patienter_per_pas" } },
      { ...perPatient, id: "kostnad_per_patient" },
      { ...perPatient, id: "sip_moten" },
    ]),
  ).toEqual([
    'templates/psyk.json: keyFigures[0].per.start: måttet "patienter_borjan" finns inte i uppdraget',
    'templates/psyk.json: keyFigures[1].per.measure: måttet "patienter_per_pas" har typen ratio; ett nyckeltal delar med ett antal (count) eller ett tal med decimaler (decimal)',
    'templates/psyk.json: keyFigures[2].id: nyckeltalet "kostnad_per_patient" finns redan i uppdraget',
    'templates/psyk.json: keyFigures[3].id: "sip_moten" är redan ett mått i uppdraget; ge nyckeltalet ett eget id',
  ]);
});

it("names the field of a wrong type or value (schema)", () => {
  const errors = withFigures([
    { ...perPatient, amount: "lön" },
    { kind: "budgetDeviation", id: "avv", label: "Avvikelse", as: 5 },
  ]);
  expect(errors.map((e) => e.split(":").slice(0, 2).join(":"))).toEqual([
    "templates/psyk.json: keyFigures[0].amount",
    "templates/psyk.json: keyFigures[1].as",
  ]);
});

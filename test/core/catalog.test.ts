import { loadCatalog, formatCatalogError, keyMeasuresOf } from "../../src/core/catalog";
import { loadTemplates, readTemplateSources } from "../../src/cli/templateFiles";

describe("the catalog in templates/", () => {
  const { catalog, errors } = loadTemplates();

  it("loads every definition without a schema error", () => {
    expect(errors.map(formatCatalogError)).toEqual([]);
  });

  it("holds one uppdrag for every uppdrag file in templates/ (adding an uppdrag is adding a file)", () => {
    const files = readTemplateSources().filter((s) => !("fragment" in JSON.parse(s.text)));
    expect(catalog.uppdrag.map((u) => u.file).sort()).toEqual(files.map((s) => s.path).sort());
    expect(catalog.uppdrag.map((u) => u.id).sort()).toEqual(
      files.map((s) => (JSON.parse(s.text) as { id: string }).id).sort(),
    );
  });

  it("holds every uppdrag the source documents describe", () => {
    expect(catalog.uppdrag.map((u) => u.id)).toEqual(expect.arrayContaining(Object.keys(NAMED_IN_SOURCES)));
  });

  /** What each source document names, by the id the catalog gives it: a trace from document to catalog. */
  const NAMED_IN_SOURCES: Record<string, string[]> = {
    // 001: antal patienter /PAS, nya, avslutade, antal SIP; nuläge 70 patienter, 7 årsarbetare
    "psykiatrisk-hemsjukvard": [
      "patienter_start",
      "patienter_slut",
      "patienter_nya",
      "patienter_avslutade",
      "pas_antal",
      "patienter_per_pas",
      "sip_patienter",
      "sip_moten",
      "arsarbetare",
    ],
    // 000: personal, brukare per del, privat/kommunal kompetensutveckling, demensutredningar och väntetid
    "oppna-verksamheter": [
      "personal_antal",
      "brukare_anhorigcenter",
      "brukare_demenscenter",
      "brukare_kultur_fritid",
      "brukare_hagdahls",
      "brukare_motverka_ensamhet",
      "brukare_syn_horsel",
      "brukare_fixartjanst",
      "komp_enheter_privata",
      "komp_enheter_kommunala",
      "demens_utredningar",
      "demens_vantetid",
    ],
    // 003: bilaga uppföljning av grunduppdraget
    "lilla-edet-grunduppdrag": [
      "bu_ansokningar",
      "bu_anmalningar",
      "bu_utredningar",
      "bu_insatser",
      "bu_placeringar",
      "vu_placeringar",
      "fh_bostad_sarskild_service",
      "fh_daglig_verksamhet",
      "fh_externa_platser",
      "fh_avvikelse_standardkostnad",
      "al_hemtjanst_brukare",
      "al_hemtjanst_timmar",
      "al_sabo_platser",
      "al_korttid_platser",
      "al_sjukfranvaro",
      "al_sabo_vantetid",
      "al_avvikelse_standardkostnad",
      "al_nojdhet_sabo",
      "al_trygghet_hemtjanst",
      "hs_hemsjukvard_inskrivna",
      "hs_sjukfranvaro",
      "hs_avvikelser",
    ],
    // 004: service- och värdighetsgarantier and kvalitetskrav
    "karlstad-vardighetsgarantier": [
      "beslut_hemtjanst_andel",
      "beslut_boende_andel",
      "beslut_funktionsstod_andel",
      "beslut_avgifter_andel",
      "fixarservice_andel",
      "lss_kontakt_andel",
      "valkomstsamtal_andel",
      "halsogenomgang_andel",
      "avtalad_tid_andel",
      "andel_kunder_med_genomforandeplan",
    ],
  };
  const LINKOPING = [
    "kval_samverkan_analys",
    "kval_delaktighet_metod",
    "kval_personcentrerat_analys",
    "kval_kompetens_analys",
    "kval_kunskapsbaserad_analys",
    "kval_ledning_metod",
    "gp_andel_enligt_plan",
    "register_senior_alert",
    "lex_sarah_rapporter",
    "lex_maria",
    "synpunkter_klagomal",
    "egenkontroll_basal_hygien",
  ];

  it.each(Object.entries(NAMED_IN_SOURCES))("%s has every measure its source document names", (id, ids) => {
    const u = catalog.uppdrag.find((x) => x.id === id)!;
    const have = new Set(u.measures.map((m) => m.id));
    const expected =
      id === "psykiatrisk-hemsjukvard" || id === "oppna-verksamheter" ? [...ids, ...LINKOPING] : ids;
    expect(expected.filter((m) => !have.has(m))).toEqual([]);
  });

  it("rolls every andel and per-figure up as a ratio of sums", () => {
    for (const u of catalog.uppdrag) {
      for (const m of u.measures.filter((x) => /^(andel|.*_andel$|.*_per_)/.test(x.id)))
        expect([m.id, m.aggregate]).toEqual([m.id, "ratio"]);
    }
  });

  it("declares 3–6 key measures for every uppdrag, each a level-2 number", () => {
    for (const u of catalog.uppdrag) {
      const keys = keyMeasuresOf(u);
      expect(keys.map((m) => m.id)).toEqual(u.keyMeasures);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      expect(keys.length).toBeLessThanOrEqual(6);
    }
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
    return loadCatalog([...good, { path: "templates/trasig.json", text: JSON.stringify(data) }]).errors.map(
      formatCatalogError,
    );
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
    expect(errors).toEqual([
      `templates/trasig.json: rules[0].end: måttet "patienter_sluut" finns inte i uppdraget`,
    ]);
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

  it("reports a key measure the uppdrag lacks, and one without a number on level 2, by file and field", () => {
    const errors = withEdit((u) => {
      u.keyMeasures = ["patienter_slut", "patienter_sluut", "patienter_slut"];
    });
    expect(errors).toEqual([
      `templates/trasig.json: keyMeasures[1]: måttet "patienter_sluut" finns inte i uppdraget`,
      `templates/trasig.json: keyMeasures[2]: måttet "patienter_slut" står redan bland nyckelmåtten`,
    ]);
    const text = withEdit((u) => (u.keyMeasures = ["kval_samverkan_metod"]));
    expect(text).toEqual([
      expect.stringMatching(/^templates\/trasig\.json: keyMeasures\[0\]: .*ingen sifferuppgift/),
    ]);
  });

  it("reports invalid JSON with the file name", () => {
    const { errors } = loadCatalog([{ path: "templates/x.json", text: "{ nej" }]);
    expect(formatCatalogError(errors[0]!)).toMatch(/^templates\/x\.json: ogiltig JSON/);
  });
});

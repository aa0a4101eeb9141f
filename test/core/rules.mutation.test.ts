/**
 * The cross-measure rules at their limits, on a small made-up uppdrag so every figure is
 * visible here: which measure a problem points at, its severity, the numbers it reports and
 * the Swedish sentence a unit reads.
 */
import { RuleContext, runRule } from "../../src/core/rules";
import { validateReport } from "../../src/core/validate";
import { describeLocation, formatProblem, problemText } from "../../src/core/messages/sv";
import { formatNumber, formatParam } from "../../src/core/messages/format";
import type { Measure, Problem, Rule, UnitReport, Uppdrag, Value } from "../../src/core/model";

function measure(id: string, label: string, extra: Partial<Measure> = {}): Measure {
  return {
    id,
    label,
    help: "",
    kind: "struktur",
    levels: [2, 3],
    type: "count",
    unit: "st",
    section: "s",
    aggregate: "sum",
    checks: { required: false },
    ...extra,
  };
}

const UPPDRAG: Uppdrag = {
  id: "regler",
  version: "1",
  name: "Regler",
  description: "",
  source: "",
  frequency: ["halvar"],
  parts: [
    { id: "p1", label: "Del 1" },
    { id: "p2", label: "Del 2" },
  ],
  sections: [{ id: "s", label: "S", sheet: "S" }],
  measures: [
    measure("start", "Början"),
    measure("nya", "Nya"),
    measure("nya2", "Återinskrivna"),
    measure("avsl", "Avslutade"),
    measure("avsl2", "Avlidna"),
    measure("slut", "Slut"),
    measure("pas", "PAS"),
    measure("kvot", "Patienter per PAS", {
      type: "ratio",
      aggregate: "ratio",
      formula: {
        numerator: [{ measure: "slut", sign: 1 }],
        denominator: [{ measure: "pas", sign: 1 }],
        factor: 1,
      },
    }),
    measure("lista", "Väntetider", { type: "daysList", aggregate: "pooled" }),
    measure("antal", "Utredningar"),
    measure("del1", "Personal del 1", { part: "p1" }),
    measure("del2", "Personal del 2", { part: "p2" }),
    measure("total", "Personal totalt"),
  ],
  rules: [],
  file: "regler.json",
};

const at = (cell: string) => ({ file: "u.xlsx", sheet: "S", cell });
const LOCATIONS = Object.fromEntries(UPPDRAG.measures.map((m, i) => [m.id, at(`C${i + 5}`)]));

function report(values: Record<string, number | number[]>, extra: Partial<UnitReport> = {}): UnitReport {
  const v: Record<string, Value> = {};
  for (const [k, x] of Object.entries(values))
    v[k] = Array.isArray(x) ? { kind: "list", values: x } : { kind: "number", value: x };
  return {
    uppdragId: "regler",
    templateVersion: "1",
    unit: "Enhet",
    period: "2025H1",
    file: "u.xlsx",
    values: v,
    locations: LOCATIONS,
    ...extra,
  };
}
const run = (rule: Rule, r: UnitReport, previous?: UnitReport): Problem[] =>
  runRule(rule, new RuleContext(UPPDRAG, r, previous));

describe("balance", () => {
  const rule: Rule = {
    type: "balance",
    id: "flode",
    start: "start",
    add: ["nya", "nya2"],
    subtract: ["avsl", "avsl2"],
    end: "slut",
    severity: "fel",
  };
  const flows = { start: 10, nya: 5, nya2: 2, avsl: 3, avsl2: 1 }; // 10 + 5 + 2 − 3 − 1 = 13

  it("accepts a flow that balances, decimals included", () => {
    expect(run(rule, report({ ...flows, slut: 13 }))).toEqual([]);
    expect(run({ ...rule, add: ["nya"], subtract: [] }, report({ start: 0.1, nya: 0.2, slut: 0.3 }))).toEqual(
      [],
    );
  });

  it("points at the end value and says what it should be", () => {
    const [p, ...rest] = run(rule, report({ ...flows, slut: 12 }));
    expect(rest).toEqual([]);
    expect(p).toEqual({
      code: "balanceMismatch",
      severity: "fel",
      measureId: "slut",
      location: LOCATIONS.slut,
      params: {
        rule: "flode",
        start: "Början",
        add: "Nya + Återinskrivna",
        subtract: "Avslutade + Avlidna",
        end: "Slut",
        expected: 13,
        actual: 12,
      },
    });
    expect(problemText(p!)).toBe(
      "Flödet går inte ihop: Början + Nya + Återinskrivna − Avslutade + Avlidna = 13, men Slut är 12.",
    );
  });

  it("judges nothing when a value is missing or not asked of the workbook", () => {
    expect(run(rule, report({ ...flows }))).toEqual([]);
    expect(
      run({ ...rule, start: "del2" }, report({ ...flows, del2: 1, slut: 99 }, { parts: ["p1"] })),
    ).toEqual([]);
  });
});

describe("atMost", () => {
  const rule: Rule = {
    type: "atMost",
    id: "hogst",
    measure: "avsl",
    limit: ["start", "nya"],
    severity: "fel",
  };

  it("allows the limit itself and names measure, value, limit and their sum above it", () => {
    expect(run(rule, report({ start: 10, nya: 5, avsl: 15 }))).toEqual([]);
    const [p] = run(rule, report({ start: 10, nya: 5, avsl: 16 }));
    expect(p).toEqual({
      code: "exceedsLimit",
      severity: "fel",
      measureId: "avsl",
      location: LOCATIONS.avsl,
      params: { rule: "hogst", measure: "Avslutade", value: 16, limitLabel: "Början + Nya", limit: 15 },
    });
    expect(problemText(p!)).toBe("Avslutade (16) är fler än Början + Nya (15).");
  });

  it("sums the parts that are filled in and asked for, and points at the last of them", () => {
    const parts: Rule = {
      type: "atMost",
      id: "delar",
      measure: ["del1", "del2"],
      limit: ["total"],
      severity: "varning",
    };
    expect(run(parts, report({ del1: 3, del2: 3, total: 6 }))).toEqual([]);
    expect(run(parts, report({ del1: 3, del2: 4, total: 6 }))).toEqual([
      expect.objectContaining({
        measureId: "del2",
        severity: "varning",
        params: expect.objectContaining({ measure: "Personal del 1 + Personal del 2", value: 7, limit: 6 }),
      }),
    ]);
    expect(run(parts, report({ del1: 7, total: 6 }))).toEqual([
      expect.objectContaining({
        measureId: "del1",
        params: expect.objectContaining({ measure: "Personal del 1", value: 7 }),
      }),
    ]);
    expect(run(parts, report({ del1: 3, del2: 4, total: 6 }, { parts: ["p1"] }))).toEqual([]); // del2 is not asked of a p1 workbook
  });

  it("judges nothing without a measure or a limit", () => {
    expect(run(rule, report({ start: 10, nya: 5 }))).toEqual([]);
    expect(run(rule, report({ start: 10, avsl: 16 }))).toEqual([]);
    expect(run({ ...rule, limit: ["del2"] }, report({ del2: 1, avsl: 16 }, { parts: ["p1"] }))).toEqual([]);
  });
});

describe("atLeast", () => {
  const rule: Rule = {
    type: "atLeast",
    id: "minst",
    measure: "pas",
    reference: ["start", "nya"],
    severity: "varning",
  };

  it("allows the reference itself and names both below it", () => {
    expect(run(rule, report({ start: 4, nya: 1, pas: 5 }))).toEqual([]);
    const [p] = run(rule, report({ start: 4, nya: 1, pas: 4 }));
    expect(p).toEqual({
      code: "belowReference",
      severity: "varning",
      measureId: "pas",
      location: LOCATIONS.pas,
      params: { rule: "minst", measure: "PAS", value: 4, referenceLabel: "Början + Nya", reference: 5 },
    });
    expect(problemText(p!)).toBe(
      "PAS (4) är färre än Början + Nya (5). Kontrollera att alla har det som krävs.",
    );
  });

  it("judges nothing when a value is missing or not asked", () => {
    expect(run(rule, report({ start: 4, nya: 1 }))).toEqual([]);
    expect(run(rule, report({ start: 4, pas: 1 }))).toEqual([]);
    expect(
      run({ ...rule, measure: "del2" }, report({ start: 4, nya: 1, del2: 0 }, { parts: ["p1"] })),
    ).toEqual([]);
  });
});

describe("requiresPositive", () => {
  const rule: Rule = {
    type: "requiresPositive",
    id: "pas_kravs",
    when: "slut",
    then: "pas",
    severity: "fel",
  };

  it("asks for the second when the first is above 0", () => {
    const [p] = run(rule, report({ slut: 3, pas: 0 }));
    expect(p).toEqual({
      code: "requiresPositive",
      severity: "fel",
      measureId: "pas",
      location: LOCATIONS.pas,
      params: { rule: "pas_kravs", when: "Slut", whenValue: 3, then: "PAS" },
    });
    expect(problemText(p!)).toBe("Slut är 3, då måste PAS vara större än 0.");
  });

  it("is content when the second is above 0, the first is 0, or either is missing", () => {
    expect(run(rule, report({ slut: 3, pas: 1 }))).toEqual([]);
    expect(run(rule, report({ slut: 0, pas: 0 }))).toEqual([]);
    expect(run(rule, report({ slut: 3 }))).toEqual([]);
    expect(run(rule, report({ pas: 0 }))).toEqual([]);
    expect(run({ ...rule, when: "del2" }, report({ del2: 3, pas: 0 }, { parts: ["p1"] }))).toEqual([]);
  });
});

describe("ratioRange", () => {
  const rule: Rule = {
    type: "ratioRange",
    id: "rimlig",
    measure: "kvot",
    min: 2,
    max: 30,
    severity: "varning",
  };

  it("accepts both ends of the range", () => {
    expect(run(rule, report({ slut: 4, pas: 2 }))).toEqual([]);
    expect(run(rule, report({ slut: 60, pas: 2 }))).toEqual([]);
  });

  it("warns outside it with the ratio rounded to two decimals", () => {
    const [low] = run(rule, report({ slut: 5, pas: 3 })); // 1,666…
    expect(low).toEqual({
      code: "ratioOutOfRange",
      severity: "varning",
      measureId: "kvot",
      location: LOCATIONS.kvot,
      params: { rule: "rimlig", measure: "Patienter per PAS", value: 1.67, min: 2, max: 30 },
    });
    expect(problemText(low!)).toBe(
      "Patienter per PAS blir 1,67, vilket ligger utanför det vanliga intervallet 2–30. Kontrollera underlaget.",
    );
    expect(run(rule, report({ slut: 61, pas: 2 }))).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ value: 30.5 }) }),
    ]);
  });

  it("shows an open end as a dash and judges nothing without a ratio", () => {
    expect(run({ ...rule, min: undefined }, report({ slut: 1, pas: 2 }))).toEqual([]);
    expect(run({ ...rule, max: undefined }, report({ slut: 100, pas: 1 }))).toEqual([]);
    expect(run({ ...rule, max: undefined }, report({ slut: 1, pas: 2 }))[0]!.params).toMatchObject({
      min: 2,
      max: "–",
    });
    expect(run({ ...rule, min: undefined }, report({ slut: 100, pas: 1 }))[0]!.params).toMatchObject({
      min: "–",
      max: 30,
    });
    expect(run(rule, report({ slut: 5, pas: 0 }))).toEqual([]);
    expect(run(rule, report({ slut: 5 }))).toEqual([]);
  });
});

describe("listCount", () => {
  const rule: Rule = { type: "listCount", id: "en_per", list: "lista", count: "antal", severity: "fel" };

  it("wants one case per counted investigation", () => {
    expect(run(rule, report({ lista: [10, 20], antal: 2 }))).toEqual([]);
    const [p] = run(rule, report({ lista: [10, 20], antal: 3 }));
    expect(p).toEqual({
      code: "listCountMismatch",
      severity: "fel",
      measureId: "lista",
      location: LOCATIONS.lista,
      params: { rule: "en_per", list: "Väntetider", entered: 2, count: "Utredningar", countValue: 3 },
    });
    expect(problemText(p!)).toBe(
      "Väntetider: 2 väntetider är ifyllda men Utredningar är 3. Fyll i en väntetid per ärende.",
    );
  });

  it("counts a blank list as no cases and judges nothing without a count", () => {
    expect(run(rule, report({ antal: 0 }))).toEqual([]);
    expect(run(rule, report({ antal: 2 }))[0]!.params).toMatchObject({ entered: 0, countValue: 2 });
    expect(run(rule, report({ lista: [1] }))).toEqual([]);
  });
});

describe("continuity", () => {
  const rule: Rule = {
    type: "continuity",
    id: "kedja",
    current: "start",
    previous: "slut",
    severity: "varning",
  };
  const previous = report({ slut: 12 }, { period: "2024H2", file: "forra.xlsx" });

  it("wants this period's start to be the previous period's end", () => {
    expect(run(rule, report({ start: 12 }), previous)).toEqual([]);
    const [p] = run(rule, report({ start: 11 }), previous);
    expect(p).toEqual({
      code: "continuityMismatch",
      severity: "varning",
      measureId: "start",
      location: LOCATIONS.start,
      params: {
        rule: "kedja",
        current: "Början",
        value: 11,
        previous: "Slut",
        previousValue: 12,
        previousPeriod: "2024H2",
        previousFile: "forra.xlsx",
      },
    });
    expect(problemText(p!)).toBe(
      "Början är 11, men Slut var 12 för 2024H2 (forra.xlsx). Värdena ska stämma överens.",
    );
  });

  it("judges nothing without a previous workbook or value", () => {
    expect(run(rule, report({ start: 11 }))).toEqual([]);
    expect(run(rule, report({ start: 11 }), report({}, { period: "2024H2" }))).toEqual([]);
    expect(run(rule, report({}), previous)).toEqual([]);
  });
});

describe("what a rule sees", () => {
  it("labels unknown ids by the id, asks nothing of unknown measures and derives ratios", () => {
    const ctx = new RuleContext(UPPDRAG, report({ slut: 9, pas: 3 }));
    expect(ctx.label("finns_inte")).toBe("finns_inte");
    expect(ctx.labels(["slut", "pas"])).toBe("Slut + PAS");
    expect(ctx.applies("slut", "finns_inte")).toBe(false);
    expect(ctx.applies("slut", "pas")).toBe(true);
    expect(ctx.number("kvot")).toBe(3);
    expect(ctx.numbers(["slut", "start"])).toBeUndefined();
    expect(ctx.measure("pas")?.label).toBe("PAS");
  });
});

describe("the previous period's workbook", () => {
  const withRule: Uppdrag = {
    ...UPPDRAG,
    rules: [{ type: "continuity", id: "kedja", current: "start", previous: "slut", severity: "varning" }],
  };
  const codes = (r: UnitReport, previous: UnitReport) =>
    validateReport(withRule, r, previous).map((p) => p.code);

  it("refuses another uppdrag's or unit's workbook and then judges no continuity", () => {
    const other = validateReport(
      withRule,
      report({ start: 1 }),
      report({ slut: 5 }, { uppdragId: "annat", period: "2024H2", file: "a.xlsx" }),
    );
    expect(other).toEqual([
      {
        code: "previousOtherUppdrag",
        severity: "fel",
        location: { file: "a.xlsx" },
        params: { file: "a.xlsx", uppdrag: "annat" },
      },
    ]);
    const unit = validateReport(
      withRule,
      report({ start: 1 }),
      report({ slut: 5 }, { unit: "Annan", period: "2024H2", file: "b.xlsx" }),
    );
    expect(unit).toEqual([
      {
        code: "previousOtherUnit",
        severity: "varning",
        location: { file: "b.xlsx" },
        params: { file: "b.xlsx", unit: "Annan", expected: "Enhet" },
      },
    ]);
    expect(problemText(unit[0]!)).toBe(
      "Föregående periods fil b.xlsx gäller enheten Annan, inte Enhet, och används inte.",
    );
  });

  it("still judges continuity against a workbook that is not the period just before, with a warning", () => {
    const problems = validateReport(
      withRule,
      report({ start: 1 }),
      report({ slut: 5 }, { period: "2024H1", file: "c.xlsx" }),
    );
    expect(problems.map((p) => p.code)).toEqual(["previousNotAdjacent", "continuityMismatch"]);
    expect(problems[0]).toEqual({
      code: "previousNotAdjacent",
      severity: "varning",
      location: { file: "c.xlsx" },
      params: { file: "c.xlsx", period: "2024H1", expected: "2024H2" },
    });
    expect(codes(report({ start: 5 }), report({ slut: 5 }, { period: "2024H2" }))).toEqual([]);
    expect(
      codes(report({ start: 5 }, { period: "2025T1" }), report({ slut: 5 }, { period: "2024T3" })),
    ).toEqual([]);
    expect(
      codes(report({ start: 5 }, { period: "okänd" }), report({ slut: 5 }, { period: "2024H1" })),
    ).toEqual([]);
  });
});

describe("where a problem is and how it reads", () => {
  it("names as much of the place as is known", () => {
    expect(describeLocation(undefined)).toBe("");
    expect(describeLocation({})).toBe("");
    expect(describeLocation({ file: "a.xlsx" })).toBe("a.xlsx");
    expect(describeLocation({ sheet: "Blad", cell: "C5" })).toBe("blad Blad, cell C5");
    expect(describeLocation({ file: "a.xlsx", cell: "C5" })).toBe("a.xlsx, cell C5");
  });

  it("starts with the severity, then place and measure when known", () => {
    const p: Problem = { code: "required", severity: "varning", params: { measure: "Nya" } };
    expect(formatProblem(p)).toBe(
      "Varning: Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).",
    );
    expect(formatProblem({ ...p, location: { cell: "C5" } }, "Nya")).toBe(
      "Varning: cell C5 (Nya): Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).",
    );
    expect(formatProblem({ ...p, severity: "fel", location: { file: "a.xlsx" } })).toBe(
      "Fel: a.xlsx: Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).",
    );
    expect(problemText({ code: "finnsInte", severity: "fel", params: {} } as unknown as Problem)).toBe(
      "Okänt fel (finnsInte).",
    );
  });

  it("writes numbers the Swedish way: space between thousands, decimal comma, hyphen minus", () => {
    expect(formatNumber(-1234567.5)).toBe("-1 234 567,5");
    expect(formatNumber(0.1234567)).toBe("0,123457");
    expect(formatParam(undefined)).toBe("");
    expect(formatParam("text")).toBe("text");
    expect(formatParam(2.5)).toBe("2,5");
  });
});

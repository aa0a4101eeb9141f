import type { MessageCode, MessageParams, RuleProblemCode } from "../../src/core/messages/codes";
import { formatParam } from "../../src/core/messages/format";
import { MESSAGES, formatProblem, isKnownCode, messageText, problemText } from "../../src/core/messages/sv";
import { EXAMPLES } from "./messageExamples";

/**
 * Parameters a text does not show, because the user reads them elsewhere: a measure's label and
 * a file beside the message (formatProblem), a rule's id and a level-2 check's code are for the
 * program. Every other parameter must appear in the text.
 */
const NOT_IN_TEXT: { [C in MessageCode]?: readonly (keyof MessageParams[C])[] } = {
  required: ["measure"],
  requiredAnswer: ["measure"],
  notWholeNumber: ["measure"],
  negative: ["measure", "min", "unit"],
  belowMin: ["measure"],
  aboveMax: ["measure"],
  unusuallyHigh: ["measure"],
  unusuallyLow: ["measure"],
  balanceMismatch: ["rule"],
  exceedsLimit: ["rule"],
  belowReference: ["rule"],
  requiresPositive: ["rule"],
  ratioOutOfRange: ["rule"],
  listCountMismatch: ["rule"],
  continuityMismatch: ["rule"],
  otherUppdrag: ["file", "unit"],
  otherVersion: ["file", "unit"],
  otherPeriod: ["file", "unit"],
  previousMissing: ["file"],
  namesMissingUsedLabels: ["file"],
  levelTwoRule: ["rule", "check"],
};

/** Words of an English or half-made text: a message left untranslated, or a value that was never filled in. */
const NOT_SWEDISH =
  /\b(the|and|is|are|not|of|to|file|error|invalid|missing|value|cannot|must|found|unknown|expected|undefined|null|NaN|object|Infinity)\b/i;
/** A placeholder left in the text: "{file}", "${file}", "%s". */
const PLACEHOLDER = /\$?\{\w*\}|%[sd]/;

const codes = Object.keys(EXAMPLES) as MessageCode[];
const render = (code: MessageCode) => messageText(code, EXAMPLES[code] as MessageParams[MessageCode]);

describe("Swedish messages", () => {
  it("has a text for every code and an example for every text", () => {
    expect(codes.filter((c) => !isKnownCode(c))).toEqual([]);
    expect(Object.keys(MESSAGES).sort()).toEqual([...codes].sort());
  });

  it.each(codes)("%s reads as a finished Swedish sentence", (code) => {
    const text = render(code);
    expect(text).not.toMatch(PLACEHOLDER);
    expect(text).not.toMatch(NOT_SWEDISH);
    expect(text.trim().length).toBeGreaterThan(10);
  });

  it.each(codes)("%s shows every parameter it is given", (code) => {
    const text = render(code);
    const hidden: readonly string[] = (NOT_IN_TEXT[code] as readonly string[] | undefined) ?? [];
    const params = EXAMPLES[code] as Record<string, string | number>;
    const missing = Object.keys(params).filter(
      (k) => !hidden.includes(k) && !text.includes(formatParam(params[k])),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    "balanceMismatch",
    "exceedsLimit",
    "belowReference",
    "requiresPositive",
    "ratioOutOfRange",
  ] satisfies RuleProblemCode[])("a rule broken on level 2 says what %s says about a unit", (check) => {
    const params = { ...EXAMPLES[check], check, uneven: "", flagged: "" } as MessageParams["levelTwoRule"];
    expect(messageText("levelTwoRule", params)).toContain(
      messageText(check, EXAMPLES[check] as MessageParams[typeof check]),
    );
  });

  it("writes numbers the Swedish way", () => {
    expect(
      problemText({
        code: "unusuallyHigh",
        severity: "varning",
        params: { measure: "Väntetid", value: 1234.5, unit: "dagar", limit: 30 },
      }),
    ).toBe("1 234,5 dagar är ovanligt högt (över 30). Kontrollera att värdet stämmer.");
  });

  it("says where: file, sheet, cell and measure", () => {
    const line = formatProblem(
      {
        code: "negative",
        severity: "fel",
        location: { file: "a.xlsx", sheet: "Blad", cell: "C5" },
        params: { measure: "Nya patienter", value: -2, min: 0, unit: "st" },
      },
      "Nya patienter",
    );
    expect(line).toBe(
      "Fel: a.xlsx, blad Blad, cell C5 (Nya patienter): -2 är negativt. Värdet kan inte vara mindre än 0.",
    );
  });

  it("names the measure without a stray space when the place is unknown", () => {
    const line = formatProblem(
      {
        code: "negative",
        severity: "fel",
        params: { measure: "Nya patienter", value: -2, min: 0, unit: "st" },
      },
      "Nya patienter",
    );
    expect(line).toBe("Fel: (Nya patienter): -2 är negativt. Värdet kan inte vara mindre än 0.");
  });
});

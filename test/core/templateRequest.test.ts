/** What a template is asked for, as the command line, the task pane, the list of units and the writer check it. */
import {
  checkPeriod,
  checkPeriodFor,
  examplePeriod,
  frequencyText,
  unknownPartErrors,
} from "../../src/core/templateRequest";
import { oppna, psyk } from "./builders";

describe("period", () => {
  test("en period med uppdragets frekvens godtas", () => {
    const check = checkPeriodFor(psyk(), " 2025h1 ");
    expect(check.ok && check.period.code).toBe("2025H1");
  });

  test("tom, okänd eller fel frekvens ger ett svenskt fel", () => {
    expect(checkPeriodFor(psyk(), "")).toEqual({ ok: false, error: "Ange perioden, t.ex. 2025H1." });
    expect(checkPeriodFor(psyk(), "2025X1")).toEqual({
      ok: false,
      error:
        'Perioden "2025X1" känns inte igen. Skriv t.ex. 2025H1 (halvår), 2025T2 (tertial), 2025M03 (månad) eller 2025 (helår).',
    });
    expect(checkPeriodFor(psyk(), "2025T1")).toEqual({
      ok: false,
      error: `${psyk().name} följs upp per halvår, inte per tertial.`,
    });
  });

  test("utan uppdrag prövas bara att perioden finns", () => {
    expect(checkPeriod("2025T1")).toMatchObject({
      ok: true,
      period: { code: "2025T1", frequency: "tertial" },
    });
    expect(checkPeriod("2025Q1")).toMatchObject({
      ok: false,
      error: expect.stringContaining('Perioden "2025Q1" känns inte igen'),
    });
  });

  test("ledtexter: frekvenser med eller, ett exempel av första frekvensen", () => {
    expect(frequencyText({ ...psyk(), frequency: ["manad", "tertial", "ar"] })).toBe(
      "månad, tertial eller helår",
    );
    expect(checkPeriodFor({ ...psyk(), frequency: ["manad", "tertial", "ar"] }, "2025H1")).toMatchObject({
      error: expect.stringContaining("per månad, tertial eller helår, inte per halvår"),
    });
    expect(examplePeriod(psyk(), 2026)).toBe("2026H1");
  });
});

describe("delar", () => {
  test("ett fel per okänd del, med uppdragets delar uppräknade", () => {
    const part = oppna().parts[0]!.id;
    expect(unknownPartErrors(oppna(), [part, "bageriet"])).toEqual([
      `delen "bageriet" finns inte i ${oppna().name}. Delar: ${oppna()
        .parts.map((p) => p.id)
        .join(", ")}.`,
    ]);
    expect(unknownPartErrors(psyk(), ["x"])).toEqual([
      `delen "x" finns inte i ${psyk().name}. Delar: (uppdraget har inga delar).`,
    ]);
    expect(unknownPartErrors(oppna(), undefined)).toEqual([]);
  });
});

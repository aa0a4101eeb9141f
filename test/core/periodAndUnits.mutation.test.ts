/** Follow-up periods and the list of expected units, as the controller types them. */
import { parsePeriod, previousPeriod } from "../../src/core/period";
import { formatUnitList, parseUnitList } from "../../src/core/unitList";
import { oppna, psyk } from "./builders";

describe("periods", () => {
  it.each([
    [
      "2025H1",
      {
        code: "2025H1",
        year: 2025,
        frequency: "halvar",
        index: 1,
        start: "2025-01-01",
        end: "2025-06-30",
        label: "Halvår 1 2025",
      },
    ],
    [
      "2025h2",
      {
        code: "2025H2",
        frequency: "halvar",
        index: 2,
        start: "2025-07-01",
        end: "2025-12-31",
        label: "Halvår 2 2025",
      },
    ],
    [
      "2025T2",
      {
        code: "2025T2",
        frequency: "tertial",
        index: 2,
        start: "2025-05-01",
        end: "2025-08-31",
        label: "Tertial 2 2025",
      },
    ],
    ["2025T3", { code: "2025T3", start: "2025-09-01", end: "2025-12-31" }],
    [
      "2024M02",
      {
        code: "2024M02",
        frequency: "manad",
        index: 2,
        start: "2024-02-01",
        end: "2024-02-29",
        label: "februari 2024",
      },
    ],
    ["2025m2", { code: "2025M02", end: "2025-02-28" }],
    ["2025M12", { code: "2025M12", start: "2025-12-01", end: "2025-12-31", label: "december 2025" }],
    [
      " 2025 ",
      {
        code: "2025",
        year: 2025,
        frequency: "ar",
        index: 1,
        start: "2025-01-01",
        end: "2025-12-31",
        label: "Helår 2025",
      },
    ],
  ])("reads %j", (code, expected) => {
    expect(parsePeriod(code)).toMatchObject(expected);
  });

  it.each([
    "2025H3",
    "2025H0",
    "2025T4",
    "2025M13",
    "2025M0",
    "2025H01",
    "2025T01",
    "1999",
    "2101",
    "2025Q1",
    "25H1",
    "2025H",
    "",
  ])("refuses %j", (code) => {
    expect(parsePeriod(code)).toBeUndefined();
  });

  it("accepts the first and last years it knows", () => {
    expect(parsePeriod("2000")?.code).toBe("2000");
    expect(parsePeriod("2100")?.code).toBe("2100");
  });

  it.each([
    ["2025H2", "2025H1"],
    ["2025H1", "2024H2"],
    ["2025T1", "2024T3"],
    ["2025T3", "2025T2"],
    ["2025M01", "2024M12"],
    ["2025M07", "2025M06"],
    ["2025", "2024"],
  ])("the period before %s is %s", (code, before) => {
    expect(previousPeriod(parsePeriod(code)!).code).toBe(before);
  });
});

describe("the list of expected units", () => {
  it("reads one unit a line, parts after a semicolon, skipping blanks and comments", () => {
    const text =
      "# utskick\r\nDemenscenter; demenscenter, anhorigcenter,\n\n  Leanlink  \n#Team X\nKultur ;  \n";
    expect(parseUnitList(text, oppna())).toEqual({
      units: [
        { unit: "Demenscenter", parts: ["demenscenter", "anhorigcenter"] },
        { unit: "Leanlink" },
        { unit: "Kultur" },
      ],
      errors: [],
    });
  });

  it("names the line of a missing name, a repeated unit and an unknown part", () => {
    const { units, errors } = parseUnitList(
      "Team Norr\n; demenscenter\nTeam  norr\nTeam Syd; okand, demenscenter",
      oppna(),
    );
    expect(errors).toEqual([
      "Rad 2: enhetens namn saknas före semikolonet.",
      "Rad 3: Team  norr står redan på rad 1.",
      `Rad 4: delen "okand" finns inte i ${oppna().name}. Delar: anhorigcenter, demenscenter, kultur_fritid, hagdahls, motverka_ensamhet, syn_horsel, fixartjanst.`,
    ]);
    expect(units.map((u) => u.unit)).toEqual(["Team Norr", "Team  norr", "Team Syd"]);
  });

  it("says when an uppdrag has no parts at all, and checks no parts without an uppdrag", () => {
    expect(parseUnitList("Team Norr; del", psyk()).errors).toEqual([
      `Rad 1: delen "del" finns inte i ${psyk().name}. Delar: (uppdraget har inga delar).`,
    ]);
    expect(parseUnitList("Team Norr; del")).toEqual({
      units: [{ unit: "Team Norr", parts: ["del"] }],
      errors: [],
    });
  });

  it("writes a list that reads back the same", () => {
    const units = [{ unit: "Demenscenter", parts: ["demenscenter", "anhorigcenter"] }, { unit: "Leanlink" }];
    const text = formatUnitList(units);
    expect(text).toBe(
      '# Förväntade enheter, en per rad ("Enhet; del1, del2" för en blankett som gäller vissa delar)\nDemenscenter; demenscenter, anhorigcenter\nLeanlink\n',
    );
    expect(parseUnitList(text, oppna())).toEqual({ units, errors: [] });
  });
});

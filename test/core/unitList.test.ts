/** A units list for making templates must give each unit its own file name (command line and task pane alike). */
import { parseUnitList } from "../../src/core/unitList";
import { templateFileName } from "../../src/workbook/fileNames";
import { loadTemplates } from "../../src/cli/templateFiles";
import { findUppdrag } from "../../src/core/catalog";

const psyk = findUppdrag(loadTemplates().catalog, "psykiatrisk-hemsjukvard")!;

describe("parseUnitList with the uppdrag: one file per unit", () => {
  it.each([
    [
      "Team Söder\nTeam Soder",
      "Rad 2: Team Soder och Team Söder på rad 1 får samma filnamn (…_Team-Soder.xlsx).",
    ],
    [
      "Team Norr/Öst\nTeam Norr Öst",
      "Rad 2: Team Norr Öst och Team Norr/Öst på rad 1 får samma filnamn (…_Team-Norr-Ost.xlsx).",
    ],
    // Windows and macOS do not tell Team-Norr from team-norr.
    [
      "Team Nörr\n# kommentar\nteam norr",
      "Rad 3: team norr och Team Nörr på rad 1 får samma filnamn (…_Team-Norr.xlsx).",
    ],
    ["???\n!!!", "Rad 2: !!! och ??? på rad 1 får samma filnamn (…_enhet.xlsx)."],
  ])("refuses %j", (text, error) => {
    const { errors } = parseUnitList(text, psyk);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(`${error} Ändra ett av namnen så att varje enhet får en egen fil.`);
  });

  it("accepts names whose files differ, and every accepted list gives distinct file names", () => {
    const { units, errors } = parseUnitList("Team Söder\nTeam Söder 2\nTeam Norr\nTeam Öst", psyk);
    expect(errors).toEqual([]);
    const names = units.map((u) => templateFileName(psyk, "2025H1", u.unit).toLowerCase());
    expect(new Set(names).size).toBe(4);
  });

  it("reports a repeated unit once, as a repeat", () => {
    expect(parseUnitList("Team Söder\nteam söder", psyk).errors).toEqual([
      "Rad 2: team söder står redan på rad 1.",
    ]);
  });

  it("does not look at file names in a list of expected units (no uppdrag): they are different units", () => {
    expect(parseUnitList("Team Söder\nTeam Soder").errors).toEqual([]);
  });
});

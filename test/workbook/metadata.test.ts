/** A workbook's Metadata is checked when the file is identified: a bad field refuses the file with a Swedish message naming it. */
import { identify } from "../../src/workbook/identify";
import { writeTemplate } from "../../src/workbook/template";
import { checkFiles } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { loadTemplates } from "../../src/cli/templateFiles";
import { problemText } from "../../src/core/messages/sv";
import { oppna, psyk } from "../core/builders";
import { setMeta } from "./sheetjsFill";

const { catalog } = loadTemplates();
const good = () => ({
  uppdrag: psyk().id,
  mallversion: psyk().version,
  enhet: "Team Norr",
  period: "2025H1",
});

describe("identify refuses", () => {
  it.each([
    [
      "a period with SQL in it",
      { period: "2025H1' OR 1=1" },
      "metaBadPeriod",
      /perioden "2025H1' OR 1=1" i bladet Metadata, vilket inte är en period/,
    ],
    [
      "a formula as period",
      { period: '=HYPERLINK("http://x.example","klicka")' },
      "metaFormula",
      /fältet period i bladet Metadata innehåller en formel/,
    ],
    [
      "a formula as unit",
      { enhet: '=HYPERLINK("http://x.example","Team Norr")' },
      "metaFormula",
      /fältet enhet/,
    ],
    ["an empty period", { period: "" }, "metaNoPeriod", /saknar period/],
    ["a period of blanks", { period: "   " }, "metaNoPeriod", /saknar period/],
    ["no period at all", { period: undefined }, "metaNoPeriod", /saknar period/],
    ["a month that does not exist", { period: "2025M13" }, "metaBadPeriod", /"2025M13"/],
    [
      "a unit name of 10 000 characters",
      { enhet: "x".repeat(10_000) },
      "metaTooLong",
      /fältet enhet i bladet Metadata är 10 000 tecken långt \(högst 200\)/,
    ],
    [
      "a unit name with an escape sequence",
      { enhet: "Team \u001b[2JNorr" },
      "metaControl",
      /osynliga styrtecken/,
    ],
    // Found by the fuzzer (test/fuzz): a right-to-left override is no \p{Cc} control, but reorders the text it is shown in.
    [
      "a part with a right-to-left override",
      { delar: "\u202eA tehnE" },
      "metaControl",
      /fältet delar i bladet Metadata innehåller osynliga styrtecken/,
    ],
    [
      "a unit name with a right-to-left override",
      { enhet: "Team \u202eNorr" },
      "metaControl",
      /fältet enhet/,
    ],
    ["a unit name of invisible characters only", { enhet: "\u200b\u200b" }, "noUnit", /saknar enhetens namn/],
  ])("%s", (_what, change, code, text) => {
    const id = identify({ ...good(), ...change }, "norr.xlsx", catalog);
    expect(id.ok).toBe(false);
    const problem = (id as { problem: Parameters<typeof problemText>[0] }).problem;
    expect(problem.code).toBe(code);
    expect(problemText(problem)).toMatch(/^norr\.xlsx/);
    expect(problemText(problem)).toMatch(text);
  });

  it("a part id the uppdrag does not have", () => {
    const id = identify(
      {
        uppdrag: oppna().id,
        mallversion: oppna().version,
        enhet: "Demenscenter",
        period: "2025H2",
        delar: "demenscenter, finns-inte",
      },
      "d.xlsx",
      catalog,
    );
    expect(id).toMatchObject({
      ok: false,
      problem: { code: "metaUnknownPart", params: { part: "finns-inte" } },
    });
    expect(problemText((id as { problem: Parameters<typeof problemText>[0] }).problem)).toMatch(
      /delen "finns-inte"/,
    );
  });
});

describe("identify accepts", () => {
  it("a lower-case period, written as the catalog writes it", () => {
    expect(identify({ ...good(), period: "2025h1" }, "norr.xlsx", catalog)).toMatchObject({
      ok: true,
      period: "2025H1",
      unit: "Team Norr",
    });
  });

  it("known parts, each once", () => {
    const part = oppna().parts[0]!.id;
    expect(
      identify(
        {
          uppdrag: oppna().id,
          mallversion: oppna().version,
          enhet: "D",
          period: "2025H2",
          delar: `${part}, ${part}`,
        },
        "d.xlsx",
        catalog,
      ),
    ).toMatchObject({ ok: true, parts: [part] });
  });
});

it("a returned file whose period was edited to a formula is rejected, not written to level 2", async () => {
  const template = await writeTemplate(psyk(), { unit: "Team Norr", period: "2025H1" } as Parameters<
    typeof writeTemplate
  >[1]);
  const [outcome] = await checkFiles(
    [inMemoryFile("norr.xlsx", setMeta(template, "period", '=HYPERLINK("http://x.example","2025H1")'))],
    catalog,
  );
  expect(outcome!.status).toBe("rejected");
  expect(outcome!.reason!.code).toBe("metaFormula");
  expect(outcome!.report).toBeUndefined();
});

it("a unit name with a Cyrillic letter that looks Latin is read, with a warning saying so", async () => {
  const template = await writeTemplate(psyk(), { unit: "Team Norr", period: "2025H1" } as Parameters<
    typeof writeTemplate
  >[1]);
  const [outcome] = await checkFiles(
    [inMemoryFile("norr.xlsx", setMeta(template, "enhet", "Team N\u043err"))],
    catalog,
  );
  expect(outcome!.status).toBe("read");
  const warning = outcome!.problems.find((p) => p.code === "unitNameLookalike");
  expect(warning).toMatchObject({ severity: "varning", location: { file: "norr.xlsx" } });
  expect(problemText(warning!)).toMatch(/kyrilliska eller grekiska/);
  const [plain] = await checkFiles([inMemoryFile("norr.xlsx", template)], catalog);
  expect(plain!.problems.map((p) => p.code)).not.toContain("unitNameLookalike");
});

/**
 * checkRead: the one pipeline from a read workbook to its checked outcome, used for files
 * (collect.checkFile) and for the active workbook in Excel (taskpane/checkActive.ts).
 */
import type { Problem, RawCell, UnitReport } from "../../src/core/model";
import type { ReadOutcome } from "../../src/workbook/identify";
import { NO_PREVIOUS, checkRead, previousKey, type PreviousReports } from "../../src/workbook/checkRead";
import { psyk, psykValues, unitWith } from "../core/builders";

const uppdrag = psyk();

function read(unit: string, cells: Record<string, RawCell>, notes: Problem[] = []): ReadOutcome {
  const raw = {
    uppdragId: uppdrag.id,
    templateVersion: uppdrag.version,
    unit,
    period: "2025H1",
    file: `${unit}.xlsx`,
    cells,
    locations: {},
  };
  return { ok: true, raw, uppdrag, notes };
}

const previousWith = (...reports: UnitReport[]): PreviousReports => ({
  given: true,
  byUnit: new Map(reports.map((r) => [previousKey(r), r])),
  problems: [],
});
const codes = (o: { problems: { code: string }[] }) => o.problems.map((p) => p.code);

describe("checkRead", () => {
  const values = psykValues(20, 5, 3, 2, 12);

  it("interprets and validates: reading notes first, then parsing, then the rules", () => {
    const note: Problem = {
      code: "nameMissingUsedLabel",
      severity: "varning",
      measureId: "arsarbetare",
      location: { file: "Norr.xlsx" },
      params: { name: "U_arsarbetare", measure: "Årsarbetare" },
    };
    const out = checkRead(
      "Norr.xlsx",
      "abc",
      read("Norr", { ...values, patienter_slut: 99, pas_antal: "två" }, [note]),
      NO_PREVIOUS,
    );
    expect(out).toMatchObject({
      file: "Norr.xlsx",
      sha256: "abc",
      status: "read",
      uppdrag: { id: uppdrag.id },
    });
    expect(out.report?.values.patienter_start).toEqual({ kind: "number", value: 20 });
    const c = codes(out);
    expect(c[0]).toBe("nameMissingUsedLabel");
    expect(c.indexOf("notANumber")).toBeGreaterThan(0);
    expect(c).toContain("balanceMismatch");
  });

  it("pairs the unit with last period's report (as the roll-up compares names), or says it has no pair", () => {
    const last = unitWith(uppdrag, "team norr", { ...values, patienter_slut: 19 }, { period: "2024H2" });
    const paired = checkRead("Norr.xlsx", "", read("Team Norr", values), previousWith(last));
    expect(codes(paired)).toContain("continuityMismatch");
    const alone = checkRead("Syd.xlsx", "", read("Team Syd", values), previousWith(last));
    expect(codes(alone)).toContain("previousMissing");
    expect(codes(checkRead("Syd.xlsx", "", read("Team Syd", values), NO_PREVIOUS))).not.toContain(
      "previousMissing",
    );
  });

  it("rejects a workbook of another uppdrag than asked, and one that could not be read, without validating it", () => {
    const other = checkRead(
      "Norr.xlsx",
      "",
      read("Norr", { ...values, patienter_slut: 99 }),
      NO_PREVIOUS,
      "oppna-verksamheter",
    );
    expect(other.status).toBe("rejected");
    expect(other.reason).toMatchObject({
      code: "otherUppdragThanAsked",
      params: { file: "Norr.xlsx", found: uppdrag.id, expected: "oppna-verksamheter" },
    });
    expect(codes(other)).not.toContain("balanceMismatch");
    const problem: Problem = {
      code: "notATemplate",
      severity: "fel",
      location: { file: "x.xlsx" },
      params: { file: "x.xlsx" },
    };
    expect(checkRead("x.xlsx", "", { ok: false, problem }, NO_PREVIOUS)).toEqual({
      file: "x.xlsx",
      sha256: "",
      status: "rejected",
      reason: problem,
      problems: [],
    });
  });
});

/** The share of the annual budget a follow-up period compares with. */
import { periodise } from "../../../src/core/finance/periodise";
import { parsePeriod } from "../../../src/core/period";

const share = (code: string, weights?: number[]) => {
  const p = periodise(parsePeriod(code)!, weights);
  return "error" in p ? p.error : p.fraction;
};

it("is even by default: H1 a half, T1 a third, M03 a twelfth, the year all of it", () => {
  expect([share("2025H1"), share("2025T1"), share("2025M03"), share("2025")]).toEqual([
    6 / 12,
    4 / 12,
    1 / 12,
    1,
  ]);
});

it("follows finance's monthly weights when given (T2 = May–August)", () => {
  const weights = [1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 1];
  expect(share("2025T2", weights)).toBeCloseTo(3.5 / 11.5, 12);
  expect(share("2025M07", weights)).toBeCloseTo(0.5 / 11.5, 12);
  expect(share("2025H1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(
    "periodiseringens vikter summerar till 0",
  );
  expect(share("2025H1", [1, 1, 1, 1, 1, 1, -1, 1, 1, 1, 1, 1])).toBe(
    "periodiseringen ska ha tolv vikter, en per månad, inga negativa",
  );
});

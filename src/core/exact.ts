/**
 * Exact sums. Values carry at most 6 decimals (parse.ts rounds them), so they are summed
 * as whole micro-units in bigint: the total is the same in any order or grouping, which
 * floating-point addition does not promise (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1).
 */
const SCALE = 1_000_000n;

export function toMicro(n: number): bigint {
  const [whole = "0", frac = ""] = Math.abs(n).toFixed(6).split(".");
  const micro = BigInt(whole) * SCALE + BigInt(frac.padEnd(6, "0"));
  return n < 0 ? -micro : micro;
}

export function fromMicro(m: bigint): number {
  const negative = m < 0n;
  const abs = negative ? -m : m;
  // Via the decimal string, so 1590000n becomes exactly the double nearest 1.59.
  const n = Number(`${abs / SCALE}.${String(abs % SCALE).padStart(6, "0")}`);
  return negative ? -n : n;
}

export function exactSum(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += toMicro(v);
  return fromMicro(total);
}

/** numerator / denominator × factor from exact micro sums; null when the denominator is 0. */
export function exactRatio(numerator: bigint, denominator: bigint, factor: number): number | null {
  if (denominator === 0n) return null;
  return (Number(numerator) / Number(denominator)) * factor;
}

/** Random numbers in [0, 1) that the same seed repeats: the demo's and the benchmark's sample data. */

/** mulberry32: a tiny seeded generator, enough for sample data (and the fuzzer's cases). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

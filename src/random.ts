/**
 * A small, fast, seeded pseudo-random generator (mulberry32): the same seed gives the same sequence,
 * on every machine. For what must be reproducible: the network picture's layout, generated data,
 * the moments at which tests kill a process.
 *
 * @example
 * const next = seededRandom(42);
 * next(); // a number in [0, 1), the same one for seed 42 every time
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

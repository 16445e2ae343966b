/**
 * Deterministic randomness for the demo data: a seeded PRNG (sfc32, seeded by cyrb128) and
 * uuid-format ids derived from the seed and a stable key, so the same seed always gives the
 * same records and the same ids.
 */

/** cyrb128: a fast 128-bit string hash (four 32-bit words), good enough to seed a PRNG. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A seeded pseudo-random generator (sfc32) with the helpers the demo builder needs. */
export class Rng {
  private a: number; private b: number; private c: number; private d: number;
  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** `n` distinct elements in random order (all of them when n ≥ length). */
  sample<T>(xs: readonly T[], n: number): T[] { return this.shuffle(xs).slice(0, Math.max(0, n)); }
}

/** A version-4-format uuid derived from `seed` and a stable `key` (same inputs, same id). */
export function seededUuid(seed: string, key: string): string {
  const hex = cyrb128(`${seed}\u0000${key}`).map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Splits `total` into `caps.length` integers, each in [min, caps[i]], at random. Throws Error
 * when the total cannot be reached (the demo builder's invariant, caught by its tests).
 */
export function distribute(rng: Rng, total: number, caps: readonly number[], min: number): number[] {
  const out = caps.map(() => min);
  let left = total - min * caps.length;
  const maxLeft = caps.reduce((s, c) => s + (c - min), 0);
  if (left < 0 || left > maxLeft) throw new Error(`cannot distribute ${total} over ${caps.length} slots in [${min}, caps]`);
  while (left > 0) {
    const i = rng.int(0, caps.length - 1);
    if (out[i]! < caps[i]!) { out[i]!++; left--; }
  }
  return out;
}

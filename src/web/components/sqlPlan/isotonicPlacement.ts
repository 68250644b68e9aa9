/**
 * Places items on a line in a fixed order, each as close as possible to where it wants to be (least squares),
 * with at least `gaps[i]` between the centres of item i and i+1. Shifting each item by the gaps before it turns
 * this into isotonic regression, solved by pool-adjacent-violators in linear time.
 */
export function isotonicPlacement(desired: readonly number[], gaps: readonly number[]): number[] {
  const n = desired.length;
  const offsets = new Array<number>(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = acc;
    acc += gaps[i] ?? 0;
  }
  // Blocks of pooled items: mean target and size.
  const means: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    let mean = desired[i]! - offsets[i]!;
    let size = 1;
    while (means.length > 0 && means[means.length - 1]! > mean) {
      const m = means.pop()!;
      const s = sizes.pop()!;
      mean = (m * s + mean * size) / (s + size);
      size += s;
    }
    means.push(mean);
    sizes.push(size);
  }
  const result = new Array<number>(n);
  let i = 0;
  for (let b = 0; b < means.length; b++) {
    for (let k = 0; k < sizes[b]!; k++, i++) result[i] = means[b]! + offsets[i]!;
  }
  return result;
}

/**
 * Iteration order of Scala 2.12 immutable Set[Int] / Map[Int, _] (the Scala build of the stock Spark 3.5
 * distribution). SQLAppStatusListener keeps an execution's jobs in a Map and its stages in a Set, and the REST
 * job-id lists come out in that map's iteration order:
 * - up to 4 entries (Set1..Set4 / Map1..Map4): insertion order; updating an existing key keeps its place;
 * - 5 or more: a hash trie keyed by `improve(hashCode)`, walked 5 bits at a time from the lowest bits.
 */

/** scala.collection.immutable.HashMap.improve (2.12); an Int's hashCode is the Int itself. */
function improve(hcode: number): number {
  let h = (hcode + ~(hcode << 9)) | 0;
  h ^= h >>> 14;
  h = (h + (h << 4)) | 0;
  return h ^ (h >>> 10);
}

function compareTrie(a: number, b: number): number {
  const ha = improve(a | 0);
  const hb = improve(b | 0);
  for (let shift = 0; shift < 32; shift += 5) {
    const x = (ha >>> shift) & 31;
    const y = (hb >>> shift) & 31;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Keys given in insertion order (distinct) → the order a Scala 2.12 immutable Set/Map would iterate them. */
export function scalaIterationOrder(keysInInsertionOrder: Iterable<number>): number[] {
  const keys = Array.from(keysInInsertionOrder);
  if (keys.length <= 4) return keys;
  return keys.sort(compareTrie);
}

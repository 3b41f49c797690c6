/**
 * `next`, a larger array, holding `old`'s values at its start: how the index builders grow their
 * typed arrays by doubling.
 */
export function grownInto<T extends Int32Array | Float32Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

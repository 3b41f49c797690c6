/** Rounds to a number of decimal places, for figures people read. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** At most `count` items spread evenly over the list, in order. */
export function evenSample<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.ceil(items.length / count));
  return items.filter((_, position) => position % step === 0).slice(0, count);
}

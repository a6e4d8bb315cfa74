// Medians as Four Keys takes them (BigQuery PERCENTILE_CONT(0.5)): the middle value, or the mean
// of the two middle values of an even count.

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Kafka offsets are int64. JavaScript numbers lose precision past 2^53 and JSON has no int64, so
 * DTOs carry offsets as decimal strings and arithmetic happens in bigint. These helpers are the one
 * place that parses and formats them, so every module rejects the same garbage with the same words.
 */
export const INT64_MAX = 2n ** 63n - 1n;

const DIGITS = /^\d{1,19}$/;

/** The offset as a bigint, or null when `text` is not a whole number in [0, 2^63 − 1]. */
export function tryParseOffset(text: string): bigint | null {
  if (!DIGITS.test(text)) return null;
  const n = BigInt(text);
  return n <= INT64_MAX ? n : null;
}

/** Like tryParseOffset, but throws a message that names what was wrong (`what` says which offset). */
export function parseOffset(text: string, what = 'offset'): bigint {
  const n = tryParseOffset(text);
  if (n === null) throw new RangeError(`${what} must be a whole number from 0 to ${INT64_MAX}; "${text}" is not.`);
  return n;
}

/** Messages between a consumer position and the log end; never negative (a stale end offset can trail a fresh commit). */
export function lagBetween(committed: bigint, endOffset: bigint): bigint {
  return endOffset > committed ? endOffset - committed : 0n;
}

/** 1204 → "1,204": counts in explanations are read by people, and these can pass 2^53. */
export function formatCount(n: bigint | number): string {
  const text = (typeof n === 'bigint' ? n : BigInt(Math.trunc(n))).toString();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** 370_000 → "6 min 10 s"; two units at most, because that is as precise as a lag explanation needs. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const units: [number, string][] = [[86_400, 'd'], [3_600, 'h'], [60, 'min'], [1, 's']];
  const first = units.findIndex(([size]) => seconds >= size);
  const [size, label] = units[first]!;
  const parts = [`${Math.floor(seconds / size)} ${label}`];
  const next = units[first + 1];
  if (next) {
    const count = Math.floor((seconds % size) / next[0]);
    if (count > 0) parts.push(`${count} ${next[1]}`);
  }
  return parts.join(' ');
}

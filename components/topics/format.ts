/** Offsets and record counts arrive as decimal strings (they can exceed 2^53); group digits for reading. */
export function formatCount(value: string | number | bigint): string {
  try {
    return BigInt(value).toLocaleString('en-US');
  } catch {
    return String(value);
  }
}

export function plural(n: number | bigint, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 || n === 1n ? one : many}`;
}

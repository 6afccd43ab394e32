/**
 * Quoting for bash scripts we generate. Every word that comes from a design (topic names, config
 * values, the default bootstrap address) goes through shellQuote, so no value can end a word,
 * start a command or expand a variable, whatever it contains.
 */

/** Words made only of these need no quotes in bash: none of them is special in any position. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One bash word with the value `value`. Single quotes make everything literal except the single
 * quote itself, which is written as `'\''` (close, escaped quote, reopen). The empty string is `''`.
 */
export function shellQuote(value: string): string {
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command line split over several lines with `\` continuations, one flag (and its value) per line after the first. */
export function continuedCommand(head: readonly string[], flagLines: readonly (readonly string[])[], indent = '  '): string {
  const lines = [head.join(' '), ...flagLines.map((words) => `${indent}${words.join(' ')}`)];
  return lines.join(' \\\n');
}

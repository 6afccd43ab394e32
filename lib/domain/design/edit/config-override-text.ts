/**
 * Config overrides of an environment as the settings panel edits them, one per line:
 * `key=value` sets a key, `!key` removes a key the base design sets (stored as `null`, see
 * environment.ts). Lines are kept in the order typed; a later line for the same key wins.
 */
export type ConfigOverrides = Record<string, string | null>;

export function overridesToText(overrides: ConfigOverrides | undefined): string {
  return Object.entries(overrides ?? {})
    .map(([key, value]) => (value === null ? `!${key}` : `${key}=${value}`))
    .join('\n');
}

/** `undefined` for no lines, so an environment without overrides stores no empty object. */
export function textToOverrides(text: string): ConfigOverrides | undefined {
  const out: ConfigOverrides = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith('!')) {
      out[trimmed.slice(1).trim()] = null;
      continue;
    }
    const at = trimmed.indexOf('=');
    if (at <= 0) out[trimmed] = '';
    else out[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every page, route handler and server action must pass the one guard in lib/auth. This test reads
 * the sources so that a new page without it fails CI rather than waiting for a review to notice.
 */
const root = path.resolve(__dirname, '..');

function filesUnder(dir: string, match: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && match(e.name)).map((e) => path.join(e.parentPath, e.name));
}

const rel = (f: string) => path.relative(root, f);

describe('authorization guard coverage', () => {
  const entries = filesUnder(path.join(root, 'app'), (f) => /^(page|route)\.tsx?$/.test(f));

  it('finds the pages and routes', () => {
    expect(entries.length).toBeGreaterThan(5);
  });

  it.each(entries.map(rel))('%s calls the guard (directly or through a guarded loader)', (file) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    expect(source).toMatch(/\bauthorize\(|from '@\/lib\/queries\//);
  });

  const loaders = filesUnder(path.join(root, 'lib/queries'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'guarded-load.ts');
  it.each(loaders.map(rel))('%s: every exported loader goes through guardedLoad or authorize', (file) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    const exported = source.match(/export (async )?function \w+/g) ?? [];
    const guarded = source.match(/guardedLoad\(|authorize\(/g) ?? [];
    expect(guarded.length).toBeGreaterThanOrEqual(exported.length);
  });

  const actions = filesUnder(path.join(root, 'lib/actions'), (f) => f.endsWith('.ts') && f !== 'safe-action.ts' && !f.endsWith('.test.ts'));
  it.each(actions.map(rel))('%s is one server action built with defineAction', (file) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    expect(source.startsWith("'use server';")).toBe(true);
    expect(source.match(/export const \w+ = defineAction\(/g)).toHaveLength(1);
  });
});

import { designSettingsSchema, environmentSchema, type DesignDocument, type DesignSettings, type Environment } from '../model';

/**
 * Edits of a design's environments and settings, as pure functions like edit-design.ts. An
 * environment is known by its name (exports, plans and `settings.defaultEnvironment` refer to it),
 * so renaming carries the default along and removing one clears it rather than leaving it dangling.
 */
export type EnvironmentEdit = { ok: true; design: DesignDocument } | { ok: false; field: 'name'; message: string };

/** Why `name` cannot name an environment of `design` (the one at `exceptIndex` being renamed), or null. */
export function environmentNameProblem(design: DesignDocument, name: string, exceptIndex?: number): string | null {
  const parsed = environmentSchema.shape.name.safeParse(name);
  if (!parsed.success) return name === '' ? 'Give the environment a name, e.g. "prod".' : (parsed.error.issues[0]?.message ?? 'Not an environment name.');
  if (design.environments.some((e, i) => e.name === name && i !== exceptIndex)) return `This design already has an environment "${name}"; pick another name.`;
  return null;
}

export function addEnvironment(design: DesignDocument, name: string, production: boolean): EnvironmentEdit {
  const problem = environmentNameProblem(design, name);
  if (problem) return { ok: false, field: 'name', message: problem };
  const environment: Environment = environmentSchema.parse({ name, production });
  return { ok: true, design: { ...design, environments: [...design.environments, environment] } };
}

/** Replaces the environment at `index` with `next` (already checked against environmentSchema); a new name is carried into the settings. */
export function replaceEnvironment(design: DesignDocument, index: number, next: Environment): EnvironmentEdit {
  const current = design.environments[index];
  if (!current) return { ok: false, field: 'name', message: 'That environment is no longer in the design.' };
  const problem = environmentNameProblem(design, next.name, index);
  if (problem) return { ok: false, field: 'name', message: problem };
  const environments = design.environments.map((e, i) => (i === index ? next : e));
  const renamed = current.name !== next.name && design.settings?.defaultEnvironment === current.name;
  return { ok: true, design: { ...design, environments, ...(renamed ? { settings: { ...design.settings, defaultEnvironment: next.name } } : {}) } };
}

export function removeEnvironment(design: DesignDocument, name: string): DesignDocument {
  const environments = design.environments.filter((e) => e.name !== name);
  if (environments.length === design.environments.length) return design;
  const next = { ...design, environments };
  return design.settings?.defaultEnvironment === name ? setDesignSettings(next, { ...design.settings, defaultEnvironment: undefined }) : next;
}

/** Stores settings without empty parts, so a design that uses the defaults has no `settings` at all. */
export function setDesignSettings(design: DesignDocument, settings: DesignSettings): DesignDocument {
  const parsed = designSettingsSchema.parse(settings);
  const lint = parsed.lint && {
    ...(parsed.lint.topicNamePattern !== undefined ? { topicNamePattern: parsed.lint.topicNamePattern } : {}),
    ...(parsed.lint.disabledRules?.length ? { disabledRules: parsed.lint.disabledRules } : {}),
  };
  const compact: DesignSettings = {
    ...(parsed.defaultEnvironment !== undefined ? { defaultEnvironment: parsed.defaultEnvironment } : {}),
    ...(lint && Object.keys(lint).length > 0 ? { lint } : {}),
  };
  const { settings: _dropped, ...rest } = design;
  return Object.keys(compact).length > 0 ? { ...rest, settings: compact } : rest;
}

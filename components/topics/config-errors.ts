import type { ActionOutcome } from './use-topic-action';

/** The alter action names fields "set.<config>" / "reset" / "form"; pick what belongs to `configName`. */
export function configErrorFrom(outcome: ActionOutcome<unknown>, configName: string): string | undefined {
  const e = outcome.fieldErrors;
  return e[`set.${configName}`] ?? e.reset ?? e.form ?? e.topic ?? e.cluster ?? (Object.keys(e).length ? Object.values(e).join(' ') : undefined);
}

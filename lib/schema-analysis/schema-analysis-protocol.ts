import type { SchemaFormat } from '@/lib/domain/design/model';
import type { SchemaAnalysis } from '@/lib/domain/schemas/analyze-schema-text';
import type { CompatibilityCheck, CompatibilityInput } from '@/lib/domain/schemas/compatibility';

/** What the server asks the schema worker; every task is a pure function of its input. */
export type SchemaTask = { kind: 'analyze'; format: SchemaFormat; definition: string } | { kind: 'compatibility'; input: CompatibilityInput };

export interface SchemaTaskResults {
  analyze: SchemaAnalysis;
  compatibility: CompatibilityCheck;
}

export type ToWorker = { id: number; task: SchemaTask };

/** `ready` once the worker has loaded its modules, so start-up time never counts against a task's budget. */
export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; result: SchemaTaskResults[SchemaTask['kind']] } | { type: 'failed'; id: number; message: string; stackOverflow: boolean };

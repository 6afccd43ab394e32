/**
 * The one error type pages and actions see. Adapters translate library errors (kafkajs, fetch)
 * into it, so UI code never branches on a vendor's error class.
 */
export type ConsoleErrorCategory =
  | 'unavailable' // the cluster, registry or Connect cannot be reached
  | 'timeout'
  | 'not-found'
  | 'already-exists'
  | 'invalid-input'
  | 'forbidden'
  | 'conflict'
  | 'unsupported'
  | 'internal';

export interface ConsoleErrorShape {
  category: ConsoleErrorCategory;
  message: string;
  /** True when trying again later may succeed without changing the request. */
  retryable: boolean;
  /** The field the error is about, when it is about one (form inputs name their field). */
  field?: string;
  /** A heading for the error when the category's own would mislead (an offline partition is "unavailable", not an unreachable cluster). */
  title?: string;
}

export class ConsoleError extends Error implements ConsoleErrorShape {
  readonly category: ConsoleErrorCategory;
  readonly retryable: boolean;
  readonly field?: string;
  readonly title?: string;

  constructor(shape: ConsoleErrorShape, options?: { cause?: unknown }) {
    super(shape.message, options);
    this.name = 'ConsoleError';
    this.category = shape.category;
    this.retryable = shape.retryable;
    this.field = shape.field;
    this.title = shape.title;
  }

  toJSON(): ConsoleErrorShape {
    return { category: this.category, message: this.message, retryable: this.retryable, ...(this.field ? { field: this.field } : {}), ...(this.title ? { title: this.title } : {}) };
  }
}

export function isConsoleError(value: unknown): value is ConsoleError {
  return value instanceof ConsoleError;
}

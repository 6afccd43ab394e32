import type { ConsoleErrorShape } from '@/lib/domain/console-error';

/** The HTTP status for a ConsoleError in the messages routes. */
export function statusOf(error: ConsoleErrorShape): number {
  switch (error.category) {
    case 'not-found':
      return 404;
    case 'invalid-input':
      return 400;
    case 'forbidden':
      return 403;
    case 'unavailable':
    case 'timeout':
      return 503;
    default:
      return 500;
  }
}

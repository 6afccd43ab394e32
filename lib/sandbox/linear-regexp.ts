import 'server-only';
import v8 from 'node:v8';

/**
 * Regular expressions from users run on the server: a design's topic naming pattern is linted
 * there (page render, plan). V8 backtracks, so `^(a+)+$` against a 30-letter name would stop the
 * server for minutes. With this flag V8 gives up backtracking after a bounded number of steps and
 * finishes the match in its linear-time engine: same result, bounded time. That engine has no
 * lookarounds or backreferences, which is why the naming rule refuses those.
 *
 * Measured with node 20: `^(a+)+$` on 40 × "a" + "!" takes 2 ms with the flag, and without it
 * about 4 s already at 28 letters, doubling per letter.
 */
export function enableLinearRegExpFallback(): void {
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}

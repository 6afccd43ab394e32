/**
 * Runs once when the server starts: validates the configuration so a mistake stops the server with
 * a clear message instead of surfacing on the first page view, and warns when the console (which has
 * no sign-in yet) listens beyond loopback; bounds the time a user's regular expression can take.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkStartup } = await import('./lib/config/startup-check');
  checkStartup(process.argv);
  const { enableLinearRegExpFallback } = await import('./lib/sandbox/linear-regexp');
  enableLinearRegExpFallback();
}

/**
 * Runs once when the server starts: validates the configuration so a mistake stops the server with
 * a clear message instead of surfacing on the first page view, and warns when the console (which has
 * no sign-in yet) listens beyond loopback.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkStartup } = await import('./lib/config/startup-check');
  checkStartup(process.argv);
}

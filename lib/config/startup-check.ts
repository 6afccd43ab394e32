import 'server-only';
import { logger } from '@/lib/log/logger';
import { consoleConfig } from './load-config';

function listenHost(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--hostname' || a === '-H');
  return (i >= 0 ? argv[i + 1] : undefined) ?? process.env.HOSTNAME ?? '0.0.0.0';
}

export function checkStartup(argv: readonly string[]): void {
  try {
    const config = consoleConfig();
    logger.info({ clusters: config.clusters.map((c) => c.name) }, 'configuration loaded');
  } catch (e) {
    // Printed plainly (not as JSON) because a person starting the server has to read and fix it.
    console.error(`\n${(e as Error).message}\n`);
    process.exit(1);
  }
  const host = listenHost(argv);
  if (!/^(127\.|localhost$|::1$)/.test(host)) {
    logger.warn({ host }, `The console is listening on ${host}. It has no sign-in yet: anyone who can reach this address can administer your clusters. Use --hostname 127.0.0.1 unless that is what you want.`);
  }
}

import 'server-only';
import fs from 'node:fs';
import type { ClusterConfig } from '@/lib/domain/config/console-config';

export interface ClusterTls {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
}

/** The cluster's TLS settings with the PEM files read, for every Kafka client the console makes; null for plaintext. */
export function clusterTlsOf(c: ClusterConfig): ClusterTls | null {
  if (c.tls === undefined || c.tls === false) return null;
  if (c.tls === true) return {};
  const read = (f?: string) => (f ? fs.readFileSync(f, 'utf8') : undefined);
  return { ca: read(c.tls.caFile), cert: read(c.tls.certFile), key: read(c.tls.keyFile), rejectUnauthorized: c.tls.rejectUnauthorized };
}

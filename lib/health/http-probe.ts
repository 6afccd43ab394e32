import 'server-only';
import type { ServiceHealth } from '@/lib/domain/health';

export interface HttpEndpoint {
  url: string;
  auth?: { username: string; password: string };
}

export function basicAuthHeader(auth?: HttpEndpoint['auth']): Record<string, string> {
  return auth ? { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` } : {};
}

/** GETs `path` under the endpoint with a short timeout; any 2xx is reachable. */
export async function probeHttp(endpoint: HttpEndpoint | undefined, path: string, timeoutMs = 3000): Promise<ServiceHealth> {
  if (!endpoint) return { ok: false, configured: false, latencyMs: 0, error: 'not configured' };
  const started = performance.now();
  try {
    const res = await fetch(`${endpoint.url.replace(/\/$/, '')}${path}`, { headers: basicAuthHeader(endpoint.auth), signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    const latencyMs = Math.round(performance.now() - started);
    return res.ok ? { ok: true, configured: true, latencyMs } : { ok: false, configured: true, latencyMs, error: `HTTP ${res.status} from ${endpoint.url}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { ok: false, configured: true, latencyMs: Math.round(performance.now() - started), error: `${endpoint.url} unreachable${cause ? ` (${cause})` : `: ${(e as Error).message}`}` };
  }
}

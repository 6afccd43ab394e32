export type MessagesMode = 'browse' | 'tail' | 'search' | 'produce';
export const MESSAGES_MODES: readonly MessagesMode[] = ['browse', 'tail', 'search', 'produce'];

export function messagesHref(cluster: string, topic: string, params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const query = search.toString();
  return `/clusters/${cluster}/topics/${encodeURIComponent(topic)}/messages${query ? `?${query}` : ''}`;
}

export function messagesApiHref(cluster: string, topic: string, what: 'messages' | 'export' | 'tail' | 'search', params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const query = search.toString();
  return `/api/clusters/${cluster}/topics/${encodeURIComponent(topic)}/${what}${query ? `?${query}` : ''}`;
}

/** "… at line 1, column 17." → where to put the caret in the expression input. */
export function positionOfError(message: string): { line: number; column: number } | null {
  const m = /line (\d+), column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

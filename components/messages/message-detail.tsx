'use client';
import { useState } from 'react';
import type { DecodedPart, MessageView } from '@/lib/domain/messages/message-model';
import type { ConsoleErrorShape } from '@/lib/domain/console-error';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FORMAT_LABELS, formatBytes, formatTimestamp, fullTextOf } from './part-preview';
import { messagesApiHref } from './messages-href';

/** Everything about one record; a cut value can be loaded whole from the server. */
export function MessageDetail({ cluster, message: initial }: { cluster: string; message: MessageView }) {
  const [message, setMessage] = useState(initial);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const truncated = message.key.truncated || message.value.truncated;

  const loadWhole = async () => {
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(messagesApiHref(cluster, message.topic, 'messages', { partition: message.partition, offset: message.offset }));
      const body = (await response.json()) as { message?: MessageView; error?: ConsoleErrorShape };
      if (body.message) setMessage(body.message);
      else setError(body.error?.message ?? `The server answered ${response.status}.`);
    } catch (e) {
      setError(`The console server did not answer (${(e as Error).message}).`);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div className="space-y-3 p-3 text-sm" data-testid="message-detail">
      <p className="text-xs text-slate-500">
        partition {message.partition} · offset {message.offset} · {formatTimestamp(message.timestamp)} UTC · {formatBytes(message.size)}
      </p>
      <PartBlock title="Key" part={message.key} />
      <PartBlock title="Value" part={message.value} />
      {truncated && (
        <div className="flex items-center gap-3">
          <Button onClick={loadWhole} disabled={loading}>
            {loading ? 'Loading…' : 'Load the whole value'}
          </Button>
          <span className="text-xs text-slate-500">Only a preview of {formatBytes(message.value.size)} is shown.</span>
          {error && (
            <span role="alert" className="text-xs text-red-600">
              {error}
            </span>
          )}
        </div>
      )}
      <div>
        <h4 className="label">Headers</h4>
        {message.headers.length === 0 ? (
          <p className="text-xs text-slate-500">No headers.</p>
        ) : (
          <table className="data-table max-w-2xl" aria-label="Headers">
            <tbody>
              {message.headers.map((h, i) => (
                <tr key={`${h.key}-${i}`}>
                  <td className="font-mono text-xs">{h.key}</td>
                  <td className="font-mono text-xs break-all">
                    {h.value ?? <span className="text-slate-400">null</span>}
                    {h.binary && <Badge>base64</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

function PartBlock({ title, part }: { title: string; part: DecodedPart }) {
  return (
    <div>
      <h4 className="label flex items-center gap-2">
        {title}
        <Badge tone={part.error ? 'bad' : part.schemaId !== undefined ? 'info' : 'neutral'}>{FORMAT_LABELS[part.format]}</Badge>
        {part.schemaId !== undefined && <span className="text-xs font-normal text-slate-500">schema {part.schemaId}</span>}
        <span className="text-xs font-normal text-slate-500">{formatBytes(part.size)}</span>
        {part.truncated && <Badge tone="warn">preview</Badge>}
      </h4>
      {part.error && (
        <p role="note" className="mb-1 text-xs text-red-700 dark:text-red-300">
          Could not decode: {part.error}
        </p>
      )}
      {part.format === 'null' ? (
        <p className="text-xs text-slate-500">{title === 'Value' ? 'No value (a tombstone).' : 'No key.'}</p>
      ) : (
        <pre className="max-h-96 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-900">
          {fullTextOf(part)}
          {part.truncated && '…'}
        </pre>
      )}
      {part.format === 'binary' && part.base64 && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-slate-500">base64</summary>
          <pre className="font-mono break-all whitespace-pre-wrap">{part.base64}</pre>
        </details>
      )}
    </div>
  );
}

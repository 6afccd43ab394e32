'use client';
import { useShallow } from 'zustand/react/shallow';
import { findElement } from '@/lib/domain/design/edit/edit-design';
import { Button } from '@/components/ui/button';
import { useCanvas } from '../canvas/canvas-context';
import { ConnectorForm, ConsumesForm, NoteForm, ProducesForm, SchemaForm, ServiceForm, TopicForm } from './element-forms';

const KIND_TITLE = { service: 'Service', topic: 'Topic', schema: 'Schema', edge: 'Edge', connector: 'Connector', note: 'Note' } as const;

/** Edits the one selected element; with several selected, offers what applies to all of them. */
export function InspectorPanel() {
  const selected = useCanvas(useShallow((s) => [...s.nodes.filter((n) => n.selected).map((n) => n.id), ...s.edges.filter((e) => e.selected).map((e) => e.id)]));
  const document = useCanvas((s) => s.document);
  const remove = useCanvas((s) => s.remove);
  const copy = useCanvas((s) => s.copySelected);
  const findings = useCanvas(useShallow((s) => s.findings.filter((f) => selected.length === 1 && f.elementId === selected[0])));

  if (selected.length === 0) {
    return (
      <div className="space-y-2 text-sm text-slate-600 dark:text-slate-400">
        <p className="font-medium text-slate-800 dark:text-slate-200">Nothing selected</p>
        <p>Drag elements from the palette onto the canvas, then draw lines between their handles:</p>
        <ul className="list-disc space-y-0.5 pl-5 text-xs">
          <li>service → topic: produces</li>
          <li>topic → service: consumes (a consumer group)</li>
          <li>topic → schema: the topic’s value schema</li>
          <li>topic → retry / DLQ topic: its source</li>
          <li>connector ↔ topic, note → anything</li>
        </ul>
        <p className="text-xs">Shift-drag selects several; Ctrl+C / Ctrl+V copy; Delete removes; Ctrl+Z / Ctrl+Shift+Z undo and redo; Ctrl+S saves.</p>
      </div>
    );
  }
  if (selected.length > 1) {
    return (
      <div className="space-y-3 text-sm">
        <p className="font-medium">{selected.length} selected</p>
        <div className="flex gap-2">
          <Button onClick={copy}>Copy</Button>
          <Button variant="danger" onClick={() => remove(selected)}>
            Delete
          </Button>
        </div>
      </div>
    );
  }
  const id = selected[0]!;
  const element = findElement(document, id);
  if (!element) {
    return (
      <div className="space-y-3 text-sm">
        <p className="font-medium">Link</p>
        <p className="text-slate-600 dark:text-slate-400">This line is drawn from a setting: a topic’s schema, a connector’s topics, a consumer’s retry hop, the source topic of a retry or dead-letter topic, or a note’s attachment. Removing it clears that setting.</p>
        <Button variant="danger" onClick={() => remove([id])}>
          Remove link
        </Button>
      </div>
    );
  }
  return (
    <div aria-label="Inspector" className="text-sm">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="font-semibold">
          {element.kind === 'edge' ? (element.value.kind === 'produces' ? 'Produces' : 'Consumes') : KIND_TITLE[element.kind]} <span className="font-mono text-xs text-slate-500">{id}</span>
        </h2>
        <Button variant="secondary" onClick={() => remove([id])} aria-label="Delete element">
          Delete
        </Button>
      </div>
      {findings.length > 0 && (
        <ul className="mb-3 space-y-1">
          {findings.map((f) => (
            <li key={f.key} className={`rounded px-2 py-1 text-xs ${f.severity === 'error' ? 'bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200' : 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200'}`}>
              {f.message}
              {f.fix && <span className="block opacity-80">Fix: {f.fix}</span>}
            </li>
          ))}
        </ul>
      )}
      {element.kind === 'service' && <ServiceForm service={element.value} />}
      {element.kind === 'topic' && <TopicForm topic={element.value} design={document} />}
      {element.kind === 'schema' && <SchemaForm schema={element.value} />}
      {element.kind === 'connector' && <ConnectorForm connector={element.value} />}
      {element.kind === 'note' && <NoteForm note={element.value} design={document} />}
      {element.kind === 'edge' && element.value.kind === 'produces' && <ProducesForm edge={element.value} />}
      {element.kind === 'edge' && element.value.kind === 'consumes' && <ConsumesForm edge={element.value} design={document} />}
    </div>
  );
}

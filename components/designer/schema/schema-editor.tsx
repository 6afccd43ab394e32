'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import Editor, { DiffEditor, type OnMount } from '@monaco-editor/react';
import { useQuery } from '@tanstack/react-query';
import { analyzeSchema } from '@/lib/actions/designs/analyze-schema';
import { checkSchemaCompatibility, type CompatibilityReport } from '@/lib/actions/designs/check-schema-compatibility';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel, type EventSchema } from '@/lib/domain/design/model';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import type { SchemaProblem } from '@/lib/domain/schemas/json-text';
import { Button } from '@/components/ui/button';
import { useCanvas } from '../canvas/canvas-context';
import { designVersionQuery, designVersionsQuery } from '../design-queries';
import { failureMessage, runAction } from '../run-action';
import { setUpMonaco, type Monaco } from './monaco-setup';

const monacoInstance = setUpMonaco();

type CodeEditor = Parameters<OnMount>[0];

// Monaco's Protobuf highlighter is registered as "proto" ("protobuf" is only an alias, which models do not resolve).
const LANGUAGE = { AVRO: 'json', JSON: 'json', PROTOBUF: 'proto' } as const;

interface Analysis {
  problems: SchemaProblem[];
  valid: boolean;
  sample: string | null;
  formatted: string | null;
}

function toMarkers(m: Monaco, model: ReturnType<CodeEditor['getModel']>, problems: readonly { message: string; severity?: string; line?: number; column?: number }[]) {
  if (!model) return [];
  return problems.map((p) => {
    const line = Math.min(Math.max(p.line ?? 1, 1), model.getLineCount());
    const column = p.column ?? 1;
    return {
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
      message: p.message,
      severity: p.severity === 'warning' ? m.MarkerSeverity.Warning : m.MarkerSeverity.Error,
    };
  });
}

/**
 * The schema of one design element in Monaco: validation as you type (markers), format, a sample
 * message, a diff against a saved version of the design, and a compatibility check locally and
 * against the registry.
 */
export function SchemaEditor({ schemaId, clusters }: { schemaId: string; clusters: PublicCluster[] }) {
  const schema = useCanvas((s) => s.document.schemas.find((x) => x.id === schemaId));
  const close = useCanvas((s) => s.openSchemaEditor);
  if (!schema) return null;
  return <SchemaEditorFor key={schema.id} schema={schema} clusters={clusters} onClose={() => close(null)} />;
}

function SchemaEditorFor({ schema, clusters, onClose }: { schema: EventSchema; clusters: PublicCluster[]; onClose: () => void }) {
  const update = useCanvas((s) => s.update);
  const designId = useCanvas((s) => s.designId);
  const revision = useCanvas((s) => s.revision);
  const [text, setText] = useState(schema.definition);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [tab, setTab] = useState<'problems' | 'sample' | 'compatibility'>('problems');
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const schemaRef = useRef(schema);
  useEffect(() => {
    schemaRef.current = schema;
  }, [schema]);

  // Validate (and commit to the design) a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(async () => {
      const r = await runAction(analyzeSchema, { format: schema.format, definition: text });
      if (!r.ok) return;
      setAnalysis(r.data);
      const editor = editorRef.current;
      const model = editor?.getModel() ?? null;
      if (model) monacoInstance.editor.setModelMarkers(model, 'kea-schema', toMarkers(monacoInstance, model, r.data.problems));
      if (text.trim() && text !== schemaRef.current.definition) update({ kind: 'schema', value: { ...schemaRef.current, definition: text } });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, schema.format, update]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
  };

  const format = () => {
    if (analysis?.formatted && analysis.formatted !== text) {
      editorRef.current?.setValue(analysis.formatted);
      setText(analysis.formatted);
    }
  };

  const errors = analysis?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = analysis?.problems.filter((p) => p.severity === 'warning').length ?? 0;

  return (
    <section aria-label={`Schema ${schema.subject}`} className="absolute inset-0 z-20 flex flex-col bg-white dark:bg-slate-950">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <h2 className="font-semibold">
          Schema <span className="font-mono">{schema.subject}</span>
        </h2>
        <span className="text-xs text-slate-500">
          {schema.format === 'AVRO' ? 'Avro' : schema.format === 'JSON' ? 'JSON Schema' : 'Protobuf'}
          {schema.compatibility ? ` · ${schema.compatibility}` : ''}
        </span>
        <span data-testid="schema-status" className={`rounded px-1.5 py-0.5 text-xs font-medium ${!analysis ? 'bg-slate-100 text-slate-600' : errors ? 'bg-red-100 text-red-800' : 'bg-emerald-100 text-emerald-800'}`}>
          {!analysis ? 'Checking…' : errors ? `${errors} error${errors === 1 ? '' : 's'}` : warnings ? `valid, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'valid'}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <CompareSelect designId={designId} revision={revision} value={compareWith} onChange={setCompareWith} />
          <Button onClick={format} disabled={!analysis?.formatted || analysis.formatted === text}>
            Format
          </Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <div className="min-w-0 flex-1" data-testid="schema-editor">
          {compareWith === null ? (
            <Editor
              height="100%"
              language={LANGUAGE[schema.format]}
              defaultValue={schema.definition}
              onChange={(v) => setText(v ?? '')}
              onMount={onMount}
              options={{ minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, tabSize: 2, automaticLayout: true }}
            />
          ) : (
            <DiffPane designId={designId} revision={compareWith} schemaId={schema.id} language={LANGUAGE[schema.format]} text={text} />
          )}
        </div>
        <aside className="flex w-80 shrink-0 flex-col border-l border-slate-200 dark:border-slate-800">
          <div role="tablist" className="flex border-b border-slate-200 text-xs dark:border-slate-800">
            {(['problems', 'sample', 'compatibility'] as const).map((t) => (
              <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)} className="px-3 py-2 font-medium capitalize text-slate-600 aria-selected:border-b-2 aria-selected:border-sky-600 aria-selected:text-sky-700">
                {t}
              </button>
            ))}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-3 text-sm">
            {tab === 'problems' && <ProblemList problems={analysis?.problems ?? []} onReveal={(line) => editorRef.current?.revealLineInCenter(line)} />}
            {tab === 'sample' && (analysis?.sample ? <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900" data-testid="sample-message">{analysis.sample}</pre> : <p className="text-slate-500">Fix the errors to see a sample message.</p>)}
            {tab === 'compatibility' && <CompatibilityPane schema={schema} text={text} clusters={clusters} designId={designId} editor={editorRef} />}
          </div>
        </aside>
      </div>
    </section>
  );
}

function ProblemList({ problems, onReveal }: { problems: SchemaProblem[]; onReveal: (line: number) => void }) {
  if (problems.length === 0) return <p className="text-emerald-700">No problems.</p>;
  return (
    <ul aria-label="Schema problems" className="space-y-1.5">
      {problems.map((p, i) => (
        <li key={i}>
          <button type="button" onClick={() => p.line && onReveal(p.line)} className={`w-full rounded border px-2 py-1 text-left text-xs ${p.severity === 'error' ? 'border-red-200 text-red-900' : 'border-amber-200 text-amber-900'}`}>
            {p.line ? <span className="font-mono">{`${p.line}:${p.column ?? 1} `}</span> : null}
            {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

function CompareSelect({ designId, revision, value, onChange }: { designId: string; revision: number; value: number | null; onChange: (r: number | null) => void }) {
  const versions = useQuery(designVersionsQuery(designId, revision));
  return (
    <select className="input w-48" aria-label="Compare with" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">Edit</option>
      {(versions.data ?? []).map((v) => (
        <option key={v.revision} value={v.revision}>
          Diff with saved r{v.revision}
        </option>
      ))}
    </select>
  );
}

function DiffPane({ designId, revision, schemaId, language, text }: { designId: string; revision: number; schemaId: string; language: string; text: string }) {
  const version = useQuery(designVersionQuery(designId, revision));
  const original = useMemo(() => version.data?.document.schemas.find((s) => s.id === schemaId)?.definition ?? '', [version.data, schemaId]);
  if (version.isPending) return <p className="p-3 text-sm text-slate-500">Loading r{revision}…</p>;
  if (version.isError) return <p className="p-3 text-sm text-red-700">{version.error.message}</p>;
  return <DiffEditor height="100%" language={language} original={original} modified={text} options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, automaticLayout: true }} />;
}

function CompatibilityPane({ schema, text, clusters, designId, editor }: { schema: EventSchema; text: string; clusters: PublicCluster[]; designId: string; editor: React.RefObject<CodeEditor | null> }) {
  const withRegistry = clusters.filter((c) => c.hasSchemaRegistry);
  const [cluster, setCluster] = useState(withRegistry[0]?.name ?? '');
  const [level, setLevel] = useState<CompatibilityLevel>(schema.compatibility ?? 'BACKWARD');
  const [report, setReport] = useState<CompatibilityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const check = async () => {
    setPending(true);
    const r = await runAction(checkSchemaCompatibility, { id: designId, schemaId: schema.id, cluster: cluster || null, subject: schema.subject, format: schema.format, level, definition: text });
    setPending(false);
    if (!r.ok) return setError(failureMessage(r));
    setError(null);
    setReport(r.data);
    const model = editor.current?.getModel() ?? null;
    if (model) {
      const violations = r.data.local?.ok ? r.data.local.violations : [];
      monacoInstance.editor.setModelMarkers(model, 'kea-compat', toMarkers(monacoInstance, model, violations.map((v) => ({ ...v, message: `${v.rule} vs v${v.version}: ${v.message}`, severity: 'error' }))));
    }
  };

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-2">
        <label>
          <span className="label">Level</span>
          <select className="input" value={level} onChange={(e) => setLevel(e.target.value as CompatibilityLevel)} aria-label="Compatibility level">
            {COMPATIBILITY_LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Registry of</span>
          <select className="input" value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Registry cluster">
            <option value="">— local only —</option>
            {withRegistry.map((c) => (
              <option key={c.name} value={c.name}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Button variant="primary" onClick={() => void check()} disabled={pending}>
        {pending ? 'Checking…' : 'Check compatibility'}
      </Button>
      {error && <p className="text-xs text-red-700">{error}</p>}
      {report && <CompatibilityResult report={report} subject={schema.subject} onReveal={(line) => editor.current?.revealLineInCenter(line)} />}
    </div>
  );
}

function CompatibilityResult({ report, subject, onReveal }: { report: CompatibilityReport; subject: string; onReveal: (line: number) => void }) {
  const local = report.local;
  return (
    <div data-testid="compatibility-result" className="space-y-2 text-xs">
      <p>
        {report.against === 'registry' && <>Compared with the versions of <span className="font-mono">{subject}</span> in the registry.</>}
        {report.against === 'saved-design' && <>The subject is not registered yet: compared with the saved design’s definition.</>}
        {report.against === 'nothing' && <>Nothing to compare with: the subject is not registered and the definition is unchanged since the last save.</>}
      </p>
      {local && !local.ok && (
        <ul className="space-y-1">
          {local.problems.map((p, i) => (
            <li key={i} className="text-amber-800">
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {local?.ok && (
        <>
          <p className={`font-semibold ${local.compatible ? 'text-emerald-700' : 'text-red-700'}`}>
            Local check: {local.compatible ? `compatible (${report.level})` : `${local.violations.length} incompatible change${local.violations.length === 1 ? '' : 's'} under ${report.level}`}
          </p>
          <ul className="space-y-1">
            {local.violations.map((v, i) => (
              <li key={i}>
                <button type="button" onClick={() => v.line && onReveal(v.line)} className="w-full rounded border border-red-200 px-2 py-1 text-left text-red-900 dark:border-red-900 dark:text-red-200">
                  <span className="font-semibold">
                    {v.rule} vs v{v.version} · {v.kind}
                  </span>
                  <span className="block font-mono">{v.path}</span>
                  {v.message}
                  {v.line ? <span className="block opacity-70">line {v.line}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.registry && (
        <p className={`font-semibold ${report.registry.compatible ? 'text-emerald-700' : 'text-red-700'}`}>
          Registry (against v{report.registry.latestVersion}): {report.registry.compatible ? 'compatible' : 'incompatible'}
          {report.registry.messages.map((m) => (
            <span key={m} className="block font-normal">
              {m}
            </span>
          ))}
        </p>
      )}
      {report.registryError && <p className="text-amber-800">Registry not asked: {report.registryError}</p>}
    </div>
  );
}

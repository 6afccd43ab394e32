import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

/**
 * Monaco from the installed `monaco-editor` package, bundled with the app: @monaco-editor/react
 * would otherwise fetch it from a CDN at run time, which an offline or locked-down console cannot
 * reach (and should not trust). Imported only by the schema editor, which is itself loaded lazily.
 *
 * Workers are bundled too. Validation is ours (server-side validateSchema, shown as markers), so
 * Monaco's own JSON diagnostics are off: two sets of squiggles for one mistake only confuse.
 */
declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

let configured = false;

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  window.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === 'json') return new Worker(new URL('monaco-editor/language/json/json.worker.js', import.meta.url), { type: 'module' });
      return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' });
    },
  };
  monaco.json.jsonDefaults.setDiagnosticsOptions({ validate: false });
  loader.config({ monaco });
  return monaco;
}

export type Monaco = typeof monaco;

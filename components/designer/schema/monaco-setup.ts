import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
// Only what the schema editor uses; `import 'monaco-editor'` brings every language and feature.
// Hover shows a problem's message at the squiggle (+344 KiB, worth it: that is where eyes are).
// Left out on purpose, by weight: clipboard and context-menu actions (+110 KiB: keyboard copy and
// paste are the browser's).
import 'monaco-editor/languages/definitions/protobuf/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordOperations/register';
import { registerJsonLanguage } from './monaco-json';

/**
 * Monaco from the installed `monaco-editor` package, bundled with the app: @monaco-editor/react
 * would otherwise fetch it from a CDN at run time, which an offline or locked-down console cannot
 * reach (and should not trust). Imported only by the schema editor, which is itself loaded lazily.
 *
 * The editor core, the JSON language (Avro and JSON Schema definitions are JSON), Monaco's basic
 * Protobuf highlighter (language id "proto"), the diff editor, and the editing features people
 * expect (find/replace, F8 to the next problem, folding, line and word moves).
 *
 * One worker, Monaco's editor worker (the diff editor computes diffs in it), bundled too. The JSON
 * language is its tokenizer and bracket rules only (monaco-json.ts): validation is ours
 * (server-side validateSchema, shown as markers; two sets of squiggles for one mistake only
 * confuse) and so is formatting (the Format button).
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
    getWorker() {
      return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' });
    },
  };
  registerJsonLanguage(monaco);
  loader.config({ monaco });
  return monaco;
}

export type Monaco = typeof monaco;

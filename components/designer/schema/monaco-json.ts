import * as monaco from 'monaco-editor/editor/editor.api';
import { createTokenizationSupport } from 'monaco-editor/languages/features/json/tokenization';

/**
 * The JSON language for Avro and JSON Schema definitions: Monaco's own JSON tokenizer (jsonc-parser's
 * scanner) and bracket rules, registered directly. Monaco's JSON language feature would add its
 * worker-backed services, and its worker client imports every editor contribution (about 1 MB),
 * for things we do not use: validation and formatting are ours (server side), and folding by
 * indentation is enough for formatted JSON.
 */
export function registerJsonLanguage(m: typeof monaco): void {
  if (m.languages.getLanguages().some((l) => l.id === 'json')) return;
  m.languages.register({ id: 'json', extensions: ['.json', '.avsc'], aliases: ['JSON', 'json'], mimetypes: ['application/json'] });
  m.languages.setTokensProvider('json', createTokenizationSupport(false));
  m.languages.setLanguageConfiguration('json', {
    wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
}

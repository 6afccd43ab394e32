// Monaco ships this module without types; it is the JSON tokenizer its JSON language uses.
declare module 'monaco-editor/languages/features/json/tokenization' {
  import type { languages } from 'monaco-editor/editor/editor.api';

  export function createTokenizationSupport(supportComments: boolean): languages.TokensProvider;
}

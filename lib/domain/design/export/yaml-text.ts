import { Document } from 'yaml';

/**
 * YAML that YAML 1.1 readers (Kubernetes' go-yaml, PyYAML) and YAML 1.2 readers read alike:
 * written in 1.1 mode, so strings such as `yes`, `on`, `n` or `0777` are quoted rather than left
 * for a 1.1 reader to turn into booleans and octals. No line folding, so long descriptions stay
 * on one line and diffs stay small.
 */
export function yamlText(value: unknown, options: { comment?: string; documentStart?: boolean } = {}): string {
  const document = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  if (options.comment) document.commentBefore = ` ${options.comment}`;
  if (options.documentStart) document.directives!.docStart = true;
  return document.toString({ lineWidth: 0 });
}

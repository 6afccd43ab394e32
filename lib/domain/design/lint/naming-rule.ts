import type { Topic } from '../model';
import type { LintRule, RuleFinding } from './lint-types';

/** Lower-case words joined by ".", "_" or "-": "task-events", "orders.retry-1". Teams replace it in the lint options. */
export const DEFAULT_TOPIC_NAME_PATTERN = '^[a-z0-9]+(?:[._-][a-z0-9]+)*$';
/** Patterns come from users; a cap keeps a pasted monster out (it does not make backtracking safe, only less likely). */
const MAX_PATTERN_LENGTH = 500;

export const topicNamingRule: LintRule = {
  id: 'topic-naming',
  title: 'Topic names follow one convention',
  severity: 'warning',
  sources: [
    { title: 'Apache Kafka kafka-topics.sh warning: "topics with a period (\'.\') or underscore (\'_\') could collide. To avoid issues it is best to use either, but not both."', url: 'https://github.com/apache/kafka/blob/trunk/tools/src/main/java/org/apache/kafka/tools/TopicCommand.java' },
    { title: 'Confluent: Kafka topic naming conventions', url: 'https://www.confluent.io/learn/kafka-topic-naming-convention/' },
  ],
  check: ({ design, topicNamePattern }) => {
    const findings: RuleFinding[] = [];
    const pattern = compile(topicNamePattern);
    if (typeof pattern === 'string') {
      findings.push({ severity: 'error', elementId: null, message: `The topic naming pattern "${topicNamePattern}" cannot be used: ${pattern}`, fix: `Correct the pattern in the lint settings, or use the default ${DEFAULT_TOPIC_NAME_PATTERN}.` });
    } else {
      for (const t of design.topics) {
        if (!pattern.test(t.name)) {
          findings.push({ elementId: t.id, message: `Topic "${t.name}" does not match the naming pattern ${topicNamePattern}.`, fix: `Rename "${t.name}" to match ${topicNamePattern}.` });
        }
      }
    }
    findings.push(...separatorMixing(design.topics));
    return findings;
  },
};

/** Why a naming pattern cannot be used, or null; the settings panel shows the same words the rule reports. */
export function topicNamePatternProblem(source: string): string | null {
  const compiled = compile(source);
  return typeof compiled === 'string' ? compiled : null;
}

function compile(source: string): RegExp | string {
  if (source.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters.`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (e) {
    return e instanceof Error ? `${e.message}.` : 'it is not a regular expression.';
  }
  const construct = backtrackingOnlyConstruct(source);
  return construct ? `it uses ${construct}, which a naming convention does not need and which only a backtracking engine can run (the server runs patterns in linear time).` : pattern;
}

/**
 * The pattern comes from a design and runs wherever the design is linted, the server included.
 * The server falls back to V8's linear-time engine when a pattern backtracks too much
 * (linear-regexp.ts), which covers nested quantifiers such as (a+)+ but not lookarounds or
 * backreferences, so those are refused. Reads an already-valid pattern: escapes and classes only.
 */
function backtrackingOnlyConstruct(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return `a backreference (\\${next})`;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && source[i + 1] === '?') {
      const kind = /^\(\?(=|!|<=|<!)/.exec(source.slice(i))?.[1];
      if (kind) return `a look${kind.startsWith('<') ? 'behind' : 'ahead'} (${source.slice(i, i + 2 + kind.length)}…)`;
    }
  }
  return null;
}

/** Kafka's metric names turn "." into "_", so one design should pick one of the two. */
function separatorMixing(topics: readonly Topic[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const dotted = topics.filter((t) => t.name.includes('.') && !t.name.includes('_'));
  const underscored = topics.filter((t) => t.name.includes('_') && !t.name.includes('.'));
  for (const t of topics.filter((t) => t.name.includes('.') && t.name.includes('_'))) {
    findings.push({ elementId: t.id, message: `Topic "${t.name}" uses both "." and "_"; Kafka's metric names cannot tell them apart.`, fix: `Rename "${t.name}" to use either "." or "_", not both.` });
  }
  if (dotted.length > 0 && underscored.length > 0) {
    const [minority, majority, use] = underscored.length <= dotted.length ? [underscored, dotted, '.'] : [dotted, underscored, '_'];
    for (const t of minority) {
      findings.push({
        elementId: t.id,
        message: `Topic "${t.name}" uses "${use === '.' ? '_' : '.'}" while "${majority[0]!.name}" uses "${use}"; mixing the two invites metric-name collisions.`,
        fix: `Rename "${t.name}" to use "${use}" like the rest of the design.`,
      });
    }
  }
  return findings;
}

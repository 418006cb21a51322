// Rule packs are edited by hand (and imported by readers in the options page), so a broken pack
// must say in plain Dutch which file, which place in it, and what to change — never zod's English.
import type { z } from 'zod';

/** One thing wrong with a rule pack: `path` is like `terms[3].match`, empty for the whole file. */
export interface RuleIssue {
  file: string;
  path: string;
  message: string;
}

/** "rules/terms/camera.json: terms[3].match: kies uit word, stem, acronym of phrase" */
export function describeRuleIssue(issue: RuleIssue): string {
  return issue.path ? `${issue.file}: ${issue.path}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

export class RulePackError extends Error {
  readonly issues: RuleIssue[];

  constructor(issues: RuleIssue[]) {
    super(issues.map(describeRuleIssue).join('\n'));
    this.name = 'RulePackError';
    this.issues = issues;
  }
}

/** `['terms', 3, 'match']` → `terms[3].match` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** "a, b of c" */
export function orList(values: readonly unknown[]): string {
  const parts = values.map((v) => String(v));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} of ${parts.at(-1)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst [ … ]',
  object: 'een object { … }',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === undefined) return 'niets';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'string') return `de tekst ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `het getal ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'een object';
  return `een ${typeof value}`;
}

function quoted(values: readonly unknown[]): string[] {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

/** Literal options of a failed union (e.g. `number: 1 | 2 | 3`), if it is a union of literals. */
function unionLiterals(errors: readonly (readonly z.core.$ZodIssue[])[]): unknown[] | null {
  const values: unknown[] = [];
  for (const branch of errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (!only || only.code !== 'invalid_value') return null;
    values.push(...only.values);
  }
  return values.length ? values : null;
}

/**
 * Zod error map with plain Dutch messages. Pass it per parse (`schema.safeParse(x, { error:
 * rulesErrorMap })`) rather than globally: other modules keep their own messages, and a message
 * written in a schema itself (the id pattern) still wins.
 */
export const rulesErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return `ontbreekt (verwacht ${EXPECTED[iss.expected] ?? iss.expected})`;
      return `verwacht ${EXPECTED[iss.expected] ?? iss.expected}, maar dit is ${describeValue(iss.input)}`;
    case 'invalid_value':
      return iss.values.length === 1
        ? `moet ${quoted(iss.values)[0]} zijn`
        : `kies uit ${orList(quoted(iss.values))}`;
    case 'invalid_union': {
      const literals = iss.errors.length ? unionLiterals(iss.errors) : null;
      return literals ? `kies uit ${orList(quoted(literals))}` : 'ongeldige waarde';
    }
    case 'too_small': {
      const n = Number(iss.minimum);
      if (iss.origin === 'string') return n <= 1 ? 'mag niet leeg zijn' : `moet minstens ${n} tekens lang zijn`;
      if (iss.origin === 'array') {
        if (iss.exact) return `moet precies ${n} onderdelen hebben`;
        return n <= 1 ? 'mag geen lege lijst zijn' : `moet minstens ${n} onderdelen hebben`;
      }
      return `moet minstens ${n} zijn`;
    }
    case 'too_big': {
      const n = Number(iss.maximum);
      if (iss.origin === 'string') return `mag hoogstens ${n} tekens lang zijn`;
      if (iss.origin === 'array') return iss.exact ? `moet precies ${n} onderdelen hebben` : `mag hoogstens ${n} onderdelen hebben`;
      return `mag hoogstens ${n} zijn`;
    }
    case 'invalid_format':
      if (iss.format === 'url') return 'is geen geldig webadres (begin met https://)';
      if (iss.format === 'regex') return `heeft niet de juiste vorm (patroon ${String(iss.pattern ?? '')})`;
      return 'heeft niet de juiste vorm';
    case 'unrecognized_keys': {
      const keys = iss.keys.map((k) => `"${k}"`);
      return keys.length === 1
        ? `onbekend veld ${keys[0]}: controleer de spelling of haal het weg`
        : `onbekende velden ${orList(keys)}: controleer de spelling of haal ze weg`;
    }
    default:
      return 'ongeldige waarde';
  }
};

/** Turns zod issues (from a parse with `rulesErrorMap`) into rule issues for `fileName`. */
export function formatZodIssues(fileName: string, issues: readonly z.core.$ZodIssue[]): RuleIssue[] {
  return issues.map((issue) => ({ file: fileName, path: formatPath(issue.path), message: issue.message }));
}

/** A rule file (its parsed JSON or its text) through `schema`; throws RulePackError with Dutch messages. */
export function parseRuleFile<S extends z.ZodType>(schema: S, json: unknown, file: string): z.infer<S> {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (e) {
      throw new RulePackError([{ file, path: '', message: `is geen geldige JSON (${e instanceof Error ? e.message : String(e)})` }]);
    }
  }
  const parsed = schema.safeParse(value, { error: rulesErrorMap });
  if (!parsed.success) throw new RulePackError(formatZodIssues(file, parsed.error.issues));
  return parsed.data;
}

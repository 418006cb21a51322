// Validates rule packs (the shipped ones in ./builtin.ts, a griffie's own at run time) and the
// references between them, so that a broken pack is reported as a Dutch message naming the file
// instead of crashing the content script.
import type { z } from 'zod';
import { checkRuleSet } from './crossref';
import { fnv1a } from '../fnv';
import { BUILTIN_STATUS_JSON, STATUS_FILE, parseStatusRules, type StatusRules } from './status';
import { RulePackError, formatPath, formatZodIssues, rulesErrorMap, type RuleIssue } from './errors';
import {
  ApQuestionsDocSchema,
  CATEGORY_IDS,
  CategoryPackSchema,
  SafeguardsPackSchema,
  type ApQuestionsDoc,
  type CategoryId,
  type CategoryPack,
  type SafeguardsPack,
} from './schema';

export interface RuleSet {
  questions: ApQuestionsDoc;
  categories: CategoryPack[];
  safeguards: SafeguardsPack;
  /** How the checklist reads a sentence: rules/status.json. */
  status: StatusRules;
}

/** What matching and the status-free assessment need: the content script carries no status rules. */
export type ScanRuleSet = Omit<RuleSet, 'status'>;

export const QUESTIONS_FILE = 'rules/ap-questions.json';
export const SAFEGUARDS_FILE = 'rules/safeguards.json';
export const categoryFile = (id: string): string => `rules/terms/${id}.json`;

export type RulePackKind = 'questions' | 'category' | 'safeguards';
export type ParsedRulePack =
  | { kind: 'questions'; file: string; pack: ApQuestionsDoc }
  | { kind: 'category'; file: string; pack: CategoryPack }
  | { kind: 'safeguards'; file: string; pack: SafeguardsPack };

const SCHEMAS = {
  questions: ApQuestionsDocSchema,
  category: CategoryPackSchema,
  safeguards: SafeguardsPackSchema,
} satisfies Record<RulePackKind, z.ZodType>;

/** Which schema a file follows, from its name; null when the name says nothing. */
export function kindFromFileName(fileName: string): RulePackKind | null {
  const base = fileName.replace(/\\/g, '/').split('/').at(-1) ?? '';
  if (base === 'ap-questions.json') return 'questions';
  if (base === 'safeguards.json') return 'safeguards';
  if (/(^|\/)terms\/[^/]+\.json$/.test(fileName.replace(/\\/g, '/'))) return 'category';
  return null;
}

/**
 * The first place where `value` holds something JSON cannot (functions, undefined, NaN, dates,
 * class instances, cycles). A pack handed over from code rather than parsed from a file could
 * otherwise pass zod while meaning nothing on disk.
 */
function findNonJson(value: unknown, path: PropertyKey[], seen: Set<object>): { path: PropertyKey[]; what: string } | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : { path: [...path], what: `het getal ${value} bestaat niet in JSON` };
    case 'undefined':
      return { path: [...path], what: 'undefined bestaat niet in JSON' };
    case 'object': {
      if (value === null) return null;
      if (seen.has(value)) return { path: [...path], what: 'verwijst naar zichzelf (een kringverwijzing kan niet in JSON)' };
      const proto = Object.getPrototypeOf(value) as unknown;
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
        const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        return { path: [...path], what: `een ${name} kan niet in JSON; gebruik gewone tekst, getallen, lijsten en objecten` };
      }
      seen.add(value);
      // One path array for the whole walk (pushed and popped), copied only for a finding: the
      // built-in packs are walked at every page load.
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          const found = findNonJson(value[i], path, seen);
          path.pop();
          if (found) return found;
        }
      } else {
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          path.push(key);
          const found = findNonJson((value as Record<string, unknown>)[key], path, seen);
          path.pop();
          if (found) return found;
        }
      }
      seen.delete(value);
      return null;
    }
    default:
      return { path: [...path], what: `een ${typeof value} kan niet in JSON` };
  }
}

function fail(file: string, path: string, message: string): never {
  throw new RulePackError([{ file, path, message }]);
}

function parseWith<K extends RulePackKind>(kind: K, file: string, json: unknown): ParsedRulePack & { kind: K } {
  let value = json;
  if (typeof value === 'string') {
    // A pack is never a bare string, so a string is the file's text: parse it here for callers
    // that read files (the options page import).
    try {
      value = JSON.parse(value) as unknown;
    } catch (e) {
      fail(file, '', `is geen geldige JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (value === undefined || value === null) fail(file, '', 'is leeg: verwacht een object { … }');
  const nonJson = findNonJson(value, [], new Set());
  if (nonJson) {
    fail(file, formatPath(nonJson.path), nonJson.what);
  }
  const result = SCHEMAS[kind].safeParse(value, { error: rulesErrorMap });
  if (!result.success) throw new RulePackError(formatZodIssues(file, result.error.issues));
  return { kind, file, pack: result.data } as ParsedRulePack & { kind: K };
}

/**
 * Validates one rule pack. The kind comes from the file name (`ap-questions.json`,
 * `safeguards.json`, `terms/<id>.json`) unless given. `json` may be the parsed value or the
 * file's text. Throws `RulePackError` with Dutch messages naming file and path.
 */
export function parseRulePack(fileName: string, json: unknown, kind?: RulePackKind): ParsedRulePack {
  const k = kind ?? kindFromFileName(fileName);
  if (!k) {
    fail(fileName, '', 'onbekend soort regelbestand: verwacht ap-questions.json, safeguards.json of terms/<categorie>.json');
  }
  return parseWith(k, fileName, json);
}

export interface RuleSources {
  questions: { file: string; json: unknown };
  categories: Array<{ file: string; json: unknown }>;
  safeguards: { file: string; json: unknown };
  /** rules/status.json; the shipped one when absent. */
  status?: { file: string; json: unknown };
}

/**
 * Validates every pack and the references between them, and reports every problem at once
 * (a maintainer fixing packs should not have to run the check once per mistake).
 */
export function buildRuleSet(sources: RuleSources): RuleSet {
  const issues: RuleIssue[] = [];
  const attempt = <K extends RulePackKind>(kind: K, file: string, json: unknown) => {
    try {
      return parseWith(kind, file, json).pack;
    } catch (e) {
      if (e instanceof RulePackError) issues.push(...e.issues);
      else throw e;
      return null;
    }
  };
  const questions = attempt('questions', sources.questions.file, sources.questions.json) as ApQuestionsDoc | null;
  const safeguards = attempt('safeguards', sources.safeguards.file, sources.safeguards.json) as SafeguardsPack | null;
  const categories: Array<{ file: string; pack: CategoryPack }> = [];
  for (const { file, json } of sources.categories) {
    const pack = attempt('category', file, json) as CategoryPack | null;
    if (pack) categories.push({ file, pack });
  }
  if (issues.length === 0 && questions && safeguards) {
    issues.push(
      ...checkRuleSet({
        questions: { file: sources.questions.file, pack: questions },
        safeguards: { file: sources.safeguards.file, pack: safeguards },
        categories,
      }),
    );
  }
  let status: StatusRules | null = null;
  if (issues.length === 0 && safeguards) {
    const source = sources.status ?? { file: STATUS_FILE, json: BUILTIN_STATUS_JSON };
    try {
      status = parseStatusRules(source.json, safeguards, source.file);
    } catch (e) {
      if (e instanceof RulePackError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new RulePackError(issues);
  const order = (id: CategoryId) => CATEGORY_IDS.indexOf(id);
  return {
    questions: questions!,
    safeguards: safeguards!,
    status: status!,
    categories: categories.map((c) => c.pack).sort((a, b) => order(a.id) - order(b.id)),
  };
}

/**
 * A short digest of the rules a result was made with: a stored PDF result made with other rules
 * (an update that added terms, or changed how pilots count) is not used. FNV-1a over the JSON.
 */
export function rulesFingerprint(rules: RuleSet): string {
  return fnv1a(JSON.stringify([rules.categories, rules.safeguards])).toString(16);
}

export { safeguardTermEntries } from './entries';

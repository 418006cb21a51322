// The match rules as one compact string, for the content script: it is parsed on every portal page,
// and the rules as JSON were its largest part (keys repeated on every term, every id spelled out).
// Here a term is one line of fields; an id that is its group's id and the slug of its text (281
// of the 290 shipped terms) is left out and made again when unpacked, and a form or exception
// that begins as the one before it (the text, for the first) gives only where it differs
// ("camerabeelden|camerabeeld" → "camerabeelden|^k"). The build packs the rules
// (./builtin-scan.ts compiledScanModule); unpacking gives back exactly what was packed, key order
// included (match-rules-pack.test.ts compares the JSON). No matcher code here: the content script
// unpacks the rules with this module alone (./builtin-page.ts); the matcher's patterns, which only
// the background's matcher needs, are packed in ./match-rules-pack.ts.
import type { MatchGroup, MatchRuleSet } from './match-rules';
import type { CategoryId, Term } from './schema';

// Lines and fields: characters no shipped term uses (packing refuses a term that does).
export const LINE = '\n';
export const FIELD = '|';
export const ITEM = ';';
// A group starts with its kind and id: a category, a safeguard, a signal.
const KINDS = { category: '#', safeguard: '$', signal: '%' } as const;
const MATCH_CODES: Record<Term['match'], string> = { word: 'w', stem: 's', acronym: 'a', phrase: 'p' };
const COMPOUND_CODES: Record<NonNullable<Term['compound']>, string> = { none: 'N', modifier: 'M', head: 'H', both: 'B' };
const WEAK = '!';
/** An id that does not start with its group's id and a dot is given whole, after this mark. */
const WHOLE_ID = '=';
/** An item that shares its first n (3–26) characters with the one before: this mark, the letter n, the rest. */
export const SHARED = '^';
const MIN_SHARED = 3;
const MAX_SHARED = 26;

export function shareWith(before: string, item: string): string {
  let n = 0;
  while (n < MAX_SHARED && n < before.length && n < item.length && before[n] === item[n]) n++;
  return n >= MIN_SHARED ? SHARED + String.fromCharCode(96 + n) + item.slice(n) : item;
}

export function unshareWith(before: string, item: string): string {
  return item[0] === SHARED ? before.slice(0, item.charCodeAt(1) - 96) + item.slice(2) : item;
}

/** Items joined, each after the first written against the one before it; the first against `text`. */
function packList(text: string, items: readonly string[] | undefined): string {
  return items ? items.map((item, i) => shareWith(i === 0 ? text : items[i - 1]!, item)).join(ITEM) : '';
}

function unpackList(text: string, packed: string): string[] {
  const items = packed.split(ITEM);
  for (let i = 0; i < items.length; i++) items[i] = unshareWith(i === 0 ? text : items[i - 1]!, items[i]!);
  return items;
}

const invert = <K extends string>(codes: Record<K, string>): Map<string, K> =>
  new Map(Object.entries<string>(codes).map(([k, v]) => [v, k as K]));

/** How an id is written after the group's id: lower case, runs of anything else one hyphen. */
function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const TERM_KEYS = new Set(['id', 'text', 'match', 'compound', 'forms', 'compounds', 'except', 'weak']);

function packTerm(group: string, term: Term): string {
  for (const key of Object.keys(term)) if (!TERM_KEYS.has(key)) throw new Error(`${term.id}: ${key} kan niet mee in de regels voor de pagina`);
  const strings = [term.text, ...(term.forms ?? []), ...(term.except ?? []), ...(term.compounds?.modifiers ?? []), ...(term.compounds?.heads ?? [])];
  for (const s of strings) {
    if (s.includes(LINE) || s.includes(FIELD) || s.includes(ITEM) || s.includes(SHARED)) throw new Error(`${term.id}: '${s}' bevat een scheidingsteken`);
  }
  let head = MATCH_CODES[term.match] + (term.compound ? COMPOUND_CODES[term.compound] : '') + (term.weak === true ? WEAK : '');
  if (term.weak === false) throw new Error(`${term.id}: weak: false kan niet mee (laat het weg)`);
  const prefix = `${group}.`;
  if (term.id !== prefix + slugOf(term.text)) head += term.id.startsWith(prefix) ? term.id.slice(prefix.length) : WHOLE_ID + term.id;
  const list = (items: readonly string[] | undefined) => (items ? items.join(ITEM) : '');
  // An empty list cannot be told from none: packing refuses it rather than lose it.
  for (const items of [term.forms, term.except, term.compounds?.modifiers, term.compounds?.heads]) {
    if (items && items.length === 0) throw new Error(`${term.id}: een lege lijst kan niet mee`);
  }
  const fields = [head, term.text, packList(term.text, term.forms), packList(term.text, term.except), list(term.compounds?.modifiers), list(term.compounds?.heads)];
  while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(FIELD);
}

function packGroup(kind: string, group: MatchGroup): string {
  if (group.id.includes(LINE) || group.id.includes(FIELD)) throw new Error(`${group.id}: bevat een scheidingsteken`);
  return [kind + group.id, ...group.terms.map((t) => packTerm(group.id, t))].join(LINE);
}

/** The rules as one string (build time). Throws on what it cannot pack without loss. */
export function packMatchRules(rules: MatchRuleSet): string {
  return [
    ...rules.categories.map((c) => packGroup(KINDS.category, c)),
    ...rules.safeguards.safeguards.map((g) => packGroup(KINDS.safeguard, g)),
    ...rules.safeguards.signals.map((g) => packGroup(KINDS.signal, g)),
  ].join(LINE);
}

const MATCHES = invert(MATCH_CODES);
const COMPOUNDS = invert(COMPOUND_CODES);

function unpackTerm(group: string, line: string): Term {
  const [head = '', text = '', forms = '', except = '', modifiers = '', heads = ''] = line.split(FIELD);
  const match = MATCHES.get(head[0] ?? '');
  if (!match) throw new Error(`regel '${line}': onbekende soort`);
  let at = 1;
  const compound = COMPOUNDS.get(head[at] ?? '');
  if (compound) at++;
  const weak = head[at] === WEAK;
  if (weak) at++;
  const rest = head.slice(at);
  const id = rest === '' ? `${group}.${slugOf(text)}` : rest[0] === WHOLE_ID ? rest.slice(1) : `${group}.${rest}`;
  // Keys in the order the schema gives them (the rules' JSON is compared as text in tests).
  const term: Term = { id, text, match };
  if (compound) term.compound = compound;
  if (forms) term.forms = unpackList(text, forms);
  if (modifiers) term.compounds = { modifiers: modifiers.split(ITEM), heads: heads.split(ITEM) };
  if (except) term.except = unpackList(text, except);
  if (weak) term.weak = true;
  return term;
}

/** The rules back from packMatchRules' string. */
export function unpackMatchRules(packed: string): MatchRuleSet {
  const rules: MatchRuleSet = { categories: [], safeguards: { safeguards: [], signals: [] } };
  let group: MatchGroup | null = null;
  for (const line of packed.split(LINE)) {
    const kind = line[0];
    if (kind === KINDS.category || kind === KINDS.safeguard || kind === KINDS.signal) {
      group = { id: line.slice(1), terms: [] };
      if (kind === KINDS.category) rules.categories.push(group as { id: CategoryId; terms: Term[] });
      else (kind === KINDS.safeguard ? rules.safeguards.safeguards : rules.safeguards.signals).push(group);
    } else if (group) group.terms.push(unpackTerm(group.id, line));
    else throw new Error(`regel '${line}' staat buiten een groep`);
  }
  return rules;
}

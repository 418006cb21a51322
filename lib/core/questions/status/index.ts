// The checklist's reading of a document: per safeguard mention what its sentence says (stated,
// negated, planned, absent), and per safeguard what the document says overall. Pure: runs in the
// content script, the panel, Node tests, the eval and the command-line scanner alike.
import type { SafeguardStatus, StatusRules } from '../../rules/status';
import type { DocumentOutcome } from '../outcome';
import { loadBuiltinStatusModel, type StatusModel } from '../../rules/status-model';
import { drain, type Steps } from '../../steps';
import { classifyMentions, classifySteps, type MentionStatus, type Span, type StatusMentionInput } from './classify';
import { compileStatusRules, type CompiledStatusRules } from './compile';
import { featureSteps } from './features';
import { modelVerdict } from './model';
import { hashedWords, ownWordSteps } from './words';
import { segmentAt, segmentSteps, segmentText, type TextLayout } from './segment';
import { structureSteps, withStructure } from './structure';
import { DocumentTokens } from './tokens';

export { classifyMentions, type StatusMentionInput } from './classify';
export { mentionFeatures } from './features';
export { modelVerdict } from './model';
export { segmentText, type TextLayout } from './segment';
export { readStructure, rowAnswer } from './structure';

const compiled = new WeakMap<StatusRules, CompiledStatusRules>();

/** Compiled once per rules object (the built-in rules are one object per context). */
export function compiledStatusRules(rules: StatusRules): CompiledStatusRules {
  let c = compiled.get(rules);
  if (!c) compiled.set(rules, (c = compileStatusRules(rules)));
  return c;
}

/** What a reader asks about first: not done, then only announced, then not mentioned; done last. */
export const STATUS_ORDER: readonly SafeguardStatus[] = ['negated', 'planned', 'absent', 'stated'];

/**
 * One status for a safeguard from its passages: negated if any passage says it was not done (never
 * a ✓ where the text says otherwise), else stated if any says it was, else planned, else absent.
 */
export function aggregateStatus(statuses: Iterable<SafeguardStatus>): SafeguardStatus {
  let seen = 0;
  for (const s of statuses) seen |= s === 'negated' ? 8 : s === 'stated' ? 4 : s === 'planned' ? 2 : 1;
  return seen & 8 ? 'negated' : seen & 4 ? 'stated' : seen & 2 ? 'planned' : 'absent';
}

/** Longest passage text shown: a PDF "sentence" without full stops can run for a page. */
const MAX_PASSAGE = 600;

/** The sentence as a reader sees it quoted: white space folded, cut around the term when very long. */
export function passageText(text: string, sentence: Span, term: Span): string {
  let { start, end } = sentence;
  let pre = '';
  let post = '';
  if (end - start > MAX_PASSAGE) {
    const mid = (term.start + term.end) >> 1;
    const from = Math.max(start, Math.min(mid - MAX_PASSAGE / 2, end - MAX_PASSAGE));
    const to = Math.min(end, from + MAX_PASSAGE);
    if (from > start) pre = '… ';
    if (to < end) post = ' …';
    start = from;
    end = to;
  }
  return pre + text.slice(start, end).replace(/\s+/g, ' ').trim() + post;
}

export interface ClassifiedMention extends MentionStatus {
  /** The passage as quoted (passageText). */
  text: string;
  /**
   * False for a `stated` the model is not sure of: still said, but no ✓ ("Genoemd — lees de
   * passage"). Absent means certain (results stored before the model).
   */
  certain?: boolean;
}

/** What the reading of a document takes beside its text. */
export interface FeatureOptions {
  /** The words themselves, hashed, when the model was trained with them (words.ts). */
  words?: { buckets: number };
  /** What became of the document itself (../outcome.ts); 'unknown' when unset. */
  outcome?: DocumentOutcome;
}

/**
 * The rule engine's reading of each mention and the features the model reads from it. `layout`:
 * what a line break in `text` means, as its surface says (segment.ts TextLayout).
 */
export function statusFeatures(...args: Parameters<typeof statusFeatureSteps>): { rule: MentionStatus[]; features: string[][] } {
  return drain(statusFeatureSteps(...args));
}

/** statusFeatures in steps (lib/core/steps.ts). */
function* statusFeatureSteps(
  text: string,
  mentions: readonly StatusMentionInput[],
  techSpans: readonly Span[],
  rules: StatusRules,
  layout: TextLayout,
  options: FeatureOptions = {},
): Steps<{ rule: MentionStatus[]; features: string[][] }> {
  const { words, outcome } = options;
  const compiledRules = compiledStatusRules(rules);
  yield;
  const segments = yield* segmentSteps(text, compiledRules.segment, layout);
  // The three readings share the sentences' tokens.
  const doc = new DocumentTokens(text);
  const rule = yield* classifySteps(text, mentions, techSpans, compiledRules, segments, doc);
  const structure = yield* structureSteps(text, mentions, segments, compiledRules, doc, outcome);
  const decided = rule.map((r, i) => withStructure(r, structure[i]!));
  const features = yield* featureSteps(text, mentions, decided, compiledRules, segments, doc, techSpans);
  structure.forEach((s, i) => { for (const c of s.cues) features[i]!.push(`st:${c}`); });
  // The words themselves, hashed, when the model was trained with them (words.ts).
  if (words) {
    const own = yield* ownWordSteps(text, mentions, segments, doc);
    for (let i = 0; i < own.length; i++) {
      if ((i & 63) === 63) yield;
      features[i]!.push(...hashedWords(own[i]!, words.buckets));
    }
  }
  return { rule: decided, features };
}

/**
 * What each mention's sentence says, with its passage text: the rule engine's cues, decided by
 * the learned model (rules/status-model.json; `null` for the rule engine alone). What the analyser,
 * the content script and the eval call. Reads the mention's sentence, the sentence before and
 * after, and a list item's lead-in. `layout`: what a line break in `text` means, as its surface
 * says (a PDF's text or a hard-wrapped one; segment.ts TextLayout).
 */
export function classifyWithText(...args: Parameters<typeof classifyWithTextSteps>): ClassifiedMention[] {
  return drain(classifyWithTextSteps(...args));
}

export interface ClassifyOptions {
  /** The learned model (rules/status-model.json when unset); null for the rule engine alone. */
  model?: StatusModel | null;
  /** What became of the document itself (../outcome.ts); 'unknown' when unset. */
  outcome?: DocumentOutcome;
}

/** classifyWithText in steps (lib/core/steps.ts): what the service worker reads a page's mentions with. */
export function* classifyWithTextSteps(
  text: string,
  mentions: readonly StatusMentionInput[],
  techSpans: readonly Span[],
  rules: StatusRules,
  layout: TextLayout,
  options: ClassifyOptions = {},
): Steps<ClassifiedMention[]> {
  const model = options.model === undefined ? loadBuiltinStatusModel() : options.model;
  if (!model) {
    const compiledRules = compiledStatusRules(rules);
    const segments = mentions.length ? segmentText(text, compiledRules.segment, layout) : [];
    return classifyMentions(text, mentions, techSpans, compiledRules, segments).map((s, i) => ({ ...s, text: passageText(text, s.sentence, mentions[i]!) }));
  }
  const { rule, features } = yield* statusFeatureSteps(text, mentions, techSpans, rules, layout, { ...(model.words ? { words: model.words } : {}), ...(options.outcome ? { outcome: options.outcome } : {}) });
  const out: ClassifiedMention[] = new Array(rule.length);
  for (let i = 0; i < rule.length; i++) {
    if ((i & 31) === 31) yield;
    out[i] = verdictOf(model, rule[i]!, features[i]!, text, mentions[i]!);
  }
  return out;
}

/** One mention's status as the model decides it from its features, with its passage text. */
function verdictOf(model: StatusModel, s: MentionStatus, features: string[], text: string, mention: StatusMentionInput): ClassifiedMention {
  const v = modelVerdict(model, features, s);
  const passage = passageText(text, s.sentence, mention);
  if (v.status === s.status) return { ...s, text: passage, ...(v.certain ? {} : { certain: false }) };
  // The model overrules the rules: their cue decided something else, so it is not shown.
  const { cue: _, ...rest } = s;
  return { ...rest, status: v.status, reason: 'model' as const, text: passage, ...(v.certain ? {} : { certain: false }) };
}

/** Characters read either side of a passage to find its sentence. */
const SENTENCE_WINDOW = 1500;

/**
 * The whole sentence(s) around [start, end) of `text`, as quoted (passageText): a reader's flag on
 * "slimme lantaarnpalen" is quoted in a letter as the sentence it stands in, not as a keyword.
 * `layout`: what a line break in `text` means (segment.ts TextLayout).
 */
export function sentenceAround(text: string, start: number, end: number, rules: StatusRules, layout: TextLayout): string {
  const from = Math.max(0, start - SENTENCE_WINDOW);
  const to = Math.min(text.length, end + SENTENCE_WINDOW);
  const local = text.slice(from, to);
  const segments = segmentText(local, compiledStatusRules(rules).segment, layout);
  const a = segments[segmentAt(segments, start - from)];
  const b = segments[segmentAt(segments, Math.max(start, end - 1) - from)];
  if (!a || !b) return passageText(text, { start, end }, { start, end });
  const sentence = { start: from + Math.min(a.start, start - from), end: from + Math.max(b.end, end - from) };
  return passageText(text, sentence, { start, end });
}

// What zod cannot see file by file: references between packs (instrument ids, one pack per
// category, term ids unique everywhere) and term definitions that are valid JSON but can never
// match as meant (an exception that does not contain the term, a one-word phrase).
import type { RuleIssue } from './errors';
import { orList } from './errors';
import {
  CATEGORY_IDS,
  QUESTION_IDS,
  type ApQuestionsDoc,
  type CategoryPack,
  type SafeguardsPack,
  type Term,
} from './schema';
import { termSpellings } from '../match/spellings';

interface Located<T> {
  file: string;
  pack: T;
}

/** Close enough to the matcher's folding for these checks: lower case, no diacritics, one apostrophe. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b\u00b4`]/g, "'")
    .toLowerCase();
}

type Report = (file: string, path: string, message: string) => void;

function checkTerms(
  report: Report,
  file: string,
  base: string,
  terms: readonly Term[],
  prefix: string,
  seen: Map<string, string>,
): void {
  terms.forEach((term, i) => {
    const at = `${base}[${i}]`;
    if (!term.id.startsWith(`${prefix}.`)) {
      report(file, `${at}.id`, `moet beginnen met "${prefix}." (nu "${term.id}")`);
    }
    const earlier = seen.get(term.id);
    if (earlier) report(file, `${at}.id`, `de id "${term.id}" komt al voor in ${earlier}`);
    else seen.set(term.id, `${file} (${at})`);

    if (term.compound !== undefined && term.match !== 'stem') {
      report(file, `${at}.compound`, `werkt alleen bij match "stem" (dit is "${term.match}")`);
    }
    if (term.compounds !== undefined && term.match !== 'word' && term.match !== 'stem') {
      report(file, `${at}.compounds`, `werkt alleen bij match "word" of "stem" (dit is "${term.match}")`);
    }
    if (term.match === 'phrase' && !/\s/.test(term.text.trim())) {
      report(file, `${at}.text`, `een phrase bestaat uit meer woorden; gebruik word of stem voor "${term.text}"`);
    }
    if (term.match === 'acronym' && /\s/.test(term.text.trim())) {
      report(file, `${at}.text`, `een afkorting is één woord; gebruik phrase voor "${term.text}"`);
    }
    const spellings = termSpellings(term).map(fold);
    // An acronym's case is part of it (IoT and IOT are two spellings).
    const key = term.match === 'acronym' ? (x: string) => fold(x.toUpperCase()) + x : fold;
    const forms = new Set<string>([key(term.text)]);
    (term.forms ?? []).forEach((form, j) => {
      if (forms.has(key(form))) report(file, `${at}.forms[${j}]`, `"${form}" staat er al`);
      forms.add(key(form));
    });
    (term.except ?? []).forEach((word, j) => {
      const w = fold(word);
      if (!spellings.some((s) => w.includes(s))) {
        report(file, `${at}.except[${j}]`, `"${word}" bevat "${term.text}" niet, dus deze uitzondering kan nooit gelden`);
      }
    });
  });
}

function checkInstruments(report: Report, file: string, base: string, ids: readonly string[] | undefined, known: Set<string>): void {
  (ids ?? []).forEach((id, j) => {
    if (!known.has(id)) report(file, `${base}[${j}]`, `onbekend instrument "${id}"; kies uit ${orList([...known])}`);
  });
}

export function checkRuleSet(set: {
  questions: Located<ApQuestionsDoc>;
  safeguards: Located<SafeguardsPack>;
  categories: Array<Located<CategoryPack>>;
}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const report: Report = (file, path, message) => issues.push({ file, path, message });

  const q = set.questions;
  const instrumentIds = new Set<string>();
  q.pack.instruments.forEach((instrument, i) => {
    if (instrumentIds.has(instrument.id)) report(q.file, `instruments[${i}].id`, `het instrument "${instrument.id}" staat er twee keer in`);
    instrumentIds.add(instrument.id);
  });
  const questionIds = new Set<string>();
  q.pack.questions.forEach((question, i) => {
    if (questionIds.has(question.id)) report(q.file, `questions[${i}].id`, `vraag "${question.id}" staat er twee keer in`);
    questionIds.add(question.id);
    const expected = QUESTION_IDS.indexOf(question.id) + 1;
    if (question.number !== expected) report(q.file, `questions[${i}].number`, `hoort bij ${question.id} en moet dus ${expected} zijn`);
    checkInstruments(report, q.file, `questions[${i}].instruments`, question.instruments, instrumentIds);
  });
  for (const id of QUESTION_IDS) {
    if (!questionIds.has(id)) report(q.file, 'questions', `vraag "${id}" ontbreekt`);
  }

  const termIds = new Map<string, string>();
  const categoryFiles = new Map<string, string>();
  for (const { file, pack } of set.categories) {
    const fromName = /(?:^|\/)terms\/([^/]+)\.json$/.exec(file.replace(/\\/g, '/'))?.[1];
    if (fromName !== undefined && fromName !== pack.id) {
      report(file, 'id', `"${pack.id}" past niet bij de bestandsnaam; verwacht "${fromName}"`);
    }
    const other = categoryFiles.get(pack.id);
    if (other) report(file, 'id', `categorie "${pack.id}" staat ook in ${other}`);
    else categoryFiles.set(pack.id, file);

    const asked = new Set<string>();
    pack.questions.forEach((cq, i) => {
      if (asked.has(cq.question)) report(file, `questions[${i}].question`, `${cq.question} staat er al; geef één reden per vraag`);
      asked.add(cq.question);
    });
    checkInstruments(report, file, 'instruments', pack.instruments, instrumentIds);
    checkTerms(report, file, 'terms', pack.terms, pack.id, termIds);
  }
  for (const id of CATEGORY_IDS) {
    if (!categoryFiles.has(id)) report('rules/terms', '', `categorie "${id}" ontbreekt (verwacht rules/terms/${id}.json)`);
  }

  const s = set.safeguards;
  const groupIds = new Map<string, string>();
  const checkGroup = (kind: 'safeguards' | 'signals', index: number, id: string, terms: readonly Term[]) => {
    const at = `${kind}[${index}]`;
    const earlier = groupIds.get(id);
    if (earlier) report(s.file, `${at}.id`, `de id "${id}" wordt al gebruikt door ${earlier}`);
    else groupIds.set(id, at);
    checkTerms(report, s.file, `${at}.terms`, terms, id, termIds);
  };
  s.pack.safeguards.forEach((g, i) => checkGroup('safeguards', i, g.id, g.terms));
  s.pack.signals.forEach((g, i) => {
    checkGroup('signals', i, g.id, g.terms);
    checkInstruments(report, s.file, `signals[${i}].instruments`, g.instruments, instrumentIds);
  });
  return issues;
}

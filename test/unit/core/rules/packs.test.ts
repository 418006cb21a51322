// The build-time check: every pack that ships must validate, and the data must keep the
// promises other modules rely on (counts, ids, reasons, verbatim AP text).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { termSpellings } from '../../../../lib/core/match';
import { CATEGORY_IDS, QUESTION_IDS, loadBuiltinRules, type Term } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
const categoryTerms = rules.categories.flatMap((c) => c.terms);
const safeguardTerms = [...rules.safeguards.safeguards, ...rules.safeguards.signals].flatMap((s) => s.terms);
const spellings = (terms: Term[]) => terms.reduce((n, t) => n + 1 + (t.forms?.length ?? 0), 0);

describe('shipped rule packs', () => {
  it('loads and validates, with one pack per category in the fixed order', () => {
    expect(rules.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    expect(rules.questions.questions.map((q) => q.id)).toEqual([...QUESTION_IDS]);
  });

  it('has at least 200 term entries, and more spellings than that', () => {
    expect(categoryTerms.length).toBeGreaterThanOrEqual(200);
    expect(spellings(categoryTerms)).toBeGreaterThan(categoryTerms.length);
  });

  it('uses every term id once, across categories and safeguards', () => {
    const ids = [...categoryTerms, ...safeguardTerms].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every category a reason for each AP question it triggers', () => {
    for (const category of rules.categories) {
      expect(category.questions.length, category.id).toBeGreaterThan(0);
      for (const q of category.questions) expect(q.reason.length, `${category.id} ${q.question}`).toBeGreaterThan(40);
    }
  });

  it('makes only the pilot category entirely weak, so pilots alone never trigger a question', () => {
    const allWeak = rules.categories.filter((c) => c.terms.every((t) => t.weak)).map((c) => c.id);
    expect(allWeak).toEqual(['pilot']);
  });

  it('never lists the bare trap words of research §4.12 as terms', () => {
    const traps = ['beeld', 'data', 'monitor', 'monitoring', 'scan', 'model', 'register', 'drukte', 'wifi', 'profiel', 'herkenning', 'slim', 'slimme', 'chip', 'tracking', 'analyse', 'teams', 'communicatie', 'participatie'];
    const all = [...categoryTerms, ...safeguardTerms].flatMap((t) => termSpellings(t).map((s) => s.toLowerCase()));
    for (const trap of traps) expect(all, trap).not.toContain(trap);
    // Not even weak: "in hun app" / "via de app" was a false positive in the eval set (npm run eval).
    expect(categoryTerms.find((t) => t.text === 'app')).toBeUndefined();
  });

  it('points every category, question and signal at instruments that exist', () => {
    const known = new Set(rules.questions.instruments.map((i) => i.id));
    const used = [
      ...rules.categories.flatMap((c) => c.instruments),
      ...rules.questions.questions.flatMap((q) => q.instruments),
      ...rules.safeguards.signals.flatMap((s) => s.instruments ?? []),
    ];
    for (const id of used) expect(known, id).toContain(id);
    expect([...known]).toEqual(expect.arrayContaining(['dpia', 'fg', 'privacy-by-design', 'alternatieven', 'vng-agenda', 'code-kinderrechten', 'iama']));
  });

  it('has the safeguards and signals the questions module asks about', () => {
    expect(rules.safeguards.safeguards.map((s) => s.id)).toEqual(
      expect.arrayContaining(['dpia', 'fg', 'alternatieven', 'noodzaak', 'informeren', 'privacy-by-design', 'verwerkersovereenkomst', 'bewaartermijn', 'evaluatie', 'iama', 'algoritmeregister']),
    );
    expect(rules.safeguards.signals.map((s) => s.id)).toEqual(expect.arrayContaining(['kinderen', 'openbare-ruimte', 'leverancier', 'proefproject']));
    for (const s of rules.safeguards.safeguards) expect(s.followUp, s.id).toMatch(/\?$/);
  });
});

describe('AP text in ap-questions.json', () => {
  // The copy of the AP text kept beside the rules; whitespace and bullets differ, words may not.
  const squash = (s: string) => s.replace(/^- /gm, '').replace(/[\s\uf0b7]+/g, ' ').trim();
  const source = squash(readFileSync(resolve(process.cwd(), 'rules/sources/ap-raadslid-technologie-2022.txt'), 'utf8'));

  it.each(QUESTION_IDS)('%s is copied verbatim from the AP source', (id) => {
    const q = rules.questions.questions.find((x) => x.id === id)!;
    expect(source).toContain(`Vraag ${q.number}: ${q.title}`);
    expect(source).toContain(`Toelichting: ${squash(q.toelichting)}`);
    expect(source).toContain(`Uitgangspunt: ${squash(q.uitgangspunt)}`);
    expect(source).toContain(squash(q.observatie));
  });

  it('names the source and the base document', () => {
    expect(rules.questions.source).toMatchObject({ publisher: 'Autoriteit Persoonsgegevens', version: 'versie 1', date: '2022-10' });
    expect(rules.questions.basedOn?.date).toBe('2022-05');
    expect(source).toContain(rules.questions.basedOn!.url);
    for (const i of rules.questions.instruments.filter((x) => x.url && x.id !== 'dpia')) expect(source, i.id).toContain(i.url);
  });
});

import { describe, expect, it } from 'vitest';
import { describeQuote, reanchor } from '../../../../lib/core/anchor';
import { article, editedTrial, runEditedTrials } from '../../support/edited-trial';

describe('re-anchoring on an edited article with repeated headings', () => {
  it('the trial has the shape it claims: an exact copy of the heading ~500 characters on, the quote edited, a sentence inserted', () => {
    const page = article(1);
    for (const h of page.headings) {
      const copy = page.text.indexOf(`Zie ook: ${h.title}.`, h.bodyStart);
      expect(copy - h.start).toBeGreaterThan(400);
      expect(copy - h.start).toBeLessThan(700);
    }
    for (let seed = 1; seed <= 40; seed++) {
      const t = editedTrial(seed);
      expect(t.edited.length).toBeGreaterThan(t.original.length);
      expect(t.edited.slice(t.expected.start, t.expected.end)).not.toBe(t.anchor.exact);
      expect(t.edited.slice(t.expected.start, t.expected.end)).toHaveLength(t.anchor.exact.length);
    }
  });

  it('finds a heading with one letter changed although its exact copy stands a paragraph further', () => {
    const page = article(3);
    const h = page.headings[2]!;
    const anchor = describeQuote(page.text, h.start, h.start + h.title.length);
    const at = h.start + 1;
    const edited = page.text.slice(0, at) + 'x' + page.text.slice(at + 1);
    expect(edited.indexOf(h.title, h.start)).toBeGreaterThan(h.start + 400);

    const found = reanchor(edited, anchor);
    expect(found).toMatchObject({ start: h.start, end: h.start + h.title.length });
  });

  it('re-finds at least 39 of 40 edited quotes and puts none on another occurrence', () => {
    const outcome = runEditedTrials(40, 1);
    expect(outcome.failures.filter((f) => f.outcome === 'misplaced')).toEqual([]);
    expect(outcome.refound).toBeGreaterThanOrEqual(39);
  });
});

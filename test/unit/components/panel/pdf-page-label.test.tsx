// A page is named "p. 3" in one piece: beside a long category name in a 320 px panel the group's
// pages broke as "p." / "3".
import { describe, expect, it } from 'vitest';
import { PdfMatchGroups } from '../../../../components/panel/PdfResults';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { PdfMatch } from '../../../../lib/surface/pdf';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();

describe('a PDF group\'s pages', () => {
  it('"p. 3" never breaks between "p." and its number', () => {
    const matches: PdfMatch[] = [1, 3].map((page, i) => ({ index: i, page, start: 0, end: 5, termId: `t${i}`, category: 'biometrie', text: 'gezichtsherkenning', snippet: '… gezichtsherkenning …' }));
    const root = mount(<PdfMatchGroups matches={matches} rules={rules} onOpen={() => {}} />);
    expect(root.querySelector('.pdf-pages')!.textContent).toBe('p.\u00a01, p.\u00a03');
    expect([...root.querySelectorAll('[data-testid=pdf-match]')].map((m) => m.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('p.\u00a01')]));
  });
});

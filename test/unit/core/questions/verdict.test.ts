import { describe, expect, it } from 'vitest';
import { calmHeadline, scopeParts, verdictOf, type VerdictInput } from '@/lib/core/questions/verdict';
import type { ChecklistItem } from '@/lib/core/questions/checklist';
import type { SafeguardStatus } from '@/lib/core/questions/types';

const item = (id: string, status: SafeguardStatus): ChecklistItem => ({
  id,
  label: id.toUpperCase(),
  question: 'ap-1',
  status,
  detected: status,
  corrected: false,
  passages: [],
});

const input = (over: Partial<VerdictInput> = {}): VerdictInput => ({
  hasTechnology: true,
  categories: [
    { category: 'pilot', label: 'Pilots', count: 20, weakOnly: true },
    { category: 'sensor', label: 'Sensoren', count: 14, weakOnly: false },
    { category: 'camera', label: 'Camera’s', count: 49, weakOnly: false },
    { category: 'cloud', label: 'Cloud', count: 0, weakOnly: false },
  ],
  questions: [
    { id: 'ap-2', number: 2, title: 'Twee', applies: true },
    { id: 'ap-1', number: 1, title: 'Een', applies: true },
    { id: 'ap-3', number: 3, title: 'Drie', applies: false },
  ],
  checklist: [item('dpia', 'stated'), item('fg', 'absent'), item('alternatieven', 'absent'), item('bewaartermijn', 'planned'), item('informeren', 'negated'), item('evaluatie', 'absent')],
  ...over,
});

describe('verdictOf', () => {
  it('names the technology most found first, weak-only categories last, none with no match', () => {
    expect(verdictOf(input()).categories.map((c) => c.category)).toEqual(['camera', 'sensor', 'pilot']);
  });

  it('lists the questions that apply, in the AP’s order', () => {
    expect(verdictOf(input()).questions.map((q) => q.number)).toEqual([1, 2]);
  });

  it('raises what the document says was not done first, then what is only announced, then what it does not mention', () => {
    const v = verdictOf(input(), 3);
    expect(v.openPoints.map((p) => [p.id, p.status])).toEqual([
      ['informeren', 'negated'],
      ['bewaartermijn', 'planned'],
      ['fg', 'absent'],
    ]);
    expect(v.moreOpen).toBe(2);
  });

  it('names two open points by default and counts the rest, so the block stays within the first screen', () => {
    const v = verdictOf(input());
    expect(v.openPoints.map((p) => p.id)).toEqual(['informeren', 'bewaartermijn']);
    expect(v.moreOpen).toBe(3);
  });

  it('never raises a safeguard the document says is done', () => {
    const v = verdictOf(input({ checklist: [item('dpia', 'stated')] }));
    expect(v.openPoints).toEqual([]);
    expect(v.moreOpen).toBe(0);
  });

  it('a reader’s correction counts: a corrected item moves by its status', () => {
    const corrected = { ...item('dpia', 'negated'), detected: 'stated' as const, corrected: true };
    expect(verdictOf(input({ checklist: [item('fg', 'absent'), corrected] })).openPoints.map((p) => p.id)).toEqual(['dpia', 'fg']);
  });

  it('without technology says nothing but that (no categories, no questions, no points)', () => {
    expect(verdictOf(input({ hasTechnology: false }))).toEqual({ hasTechnology: false, categories: [], questions: [], openPoints: [], moreOpen: 0 });
  });
});

describe('scopeParts', () => {
  it('counts read and unread attachments', () => {
    expect(scopeParts({ pageRead: true, attachments: 5, attachmentsRead: 2 })).toEqual({ page: true, read: 2, unread: 3 });
    expect(scopeParts({ pageRead: false, attachments: 0, attachmentsRead: 0 })).toEqual({ page: false, read: 0, unread: 0 });
  });
});

describe('calmHeadline: no technology, said of no more than was read', () => {
  it('the whole document only when every attachment was read', () => {
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0 })).toBe('none');
    expect(calmHeadline({ pageRead: true, attachments: 3, attachmentsRead: 3 })).toBe('none');
  });

  it('the page’s text (and the attachments read) while attachments are unread', () => {
    expect(calmHeadline({ pageRead: true, attachments: 3, attachmentsRead: 0 })).toBe('page');
    expect(calmHeadline({ pageRead: true, attachments: 3, attachmentsRead: 2 })).toBe('pageAndRead');
    expect(calmHeadline({ pageRead: false, attachments: 3, attachmentsRead: 1 })).toBe('read');
    expect(calmHeadline({ pageRead: false, attachments: 3, attachmentsRead: 0 })).toBe('nothing');
    // A GO agenda whose items show their documents only once opened: they were not read either,
    // with or without documents of its own (all read or none).
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0, later: 1 })).toBe('page');
    expect(calmHeadline({ pageRead: true, attachments: 2, attachmentsRead: 2, later: 13 })).toBe('pageAndRead');
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0, later: 0 })).toBe('none');
  });

  it('the attachments read have matches: said so, read or not the rest', () => {
    expect(calmHeadline({ pageRead: true, attachments: 3, attachmentsRead: 2, attachmentMatches: 7 })).toBe('onPage');
  });

  it('says of a PDF read only in part (a page budget, a stop) no more than its pages read', () => {
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0, pages: { read: 50, of: 80 } })).toBe('pdfPart');
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0, pages: { read: 80, of: 80 } })).toBe('none');
  });

  it('says of a PDF without text that nothing was read, and of one with pages without text only its pages with text', () => {
    expect(calmHeadline({ pageRead: false, attachments: 0, attachmentsRead: 0, pages: { read: 12, of: 12, textless: 12 } })).toBe('pdfNoText');
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0, pages: { read: 12, of: 12, textless: 3 } })).toBe('pdfTextPart');
    expect(calmHeadline({ pageRead: true, attachments: 0, attachmentsRead: 0, pages: { read: 12, of: 12, textless: 0 } })).toBe('none');
  });
});

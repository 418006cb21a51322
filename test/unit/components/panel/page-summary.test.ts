// The header's count line says whose count it is: the page's whenever attachments are beside it,
// and the attachments' own count with its noun.
import { describe, expect, it } from 'vitest';
import { pageSummary } from '../../../../components/panel/page-summary';
import type { ScanReport } from '../../../../lib/extension/messages/protocol';
import type { Coverage } from '../../../../lib/surface/pdf/coverage';

const report = (categories: string[], extra: Partial<ScanReport> = {}) =>
  ({ chars: 5000, matchCount: categories.length, matches: categories.map((category) => ({ category })), ...extra }) as unknown as ScanReport;
const coverage = (c: Partial<Coverage> = {}): Coverage => ({ total: 0, read: 0, busy: 0, failed: 0, unread: 0, matches: 0, ...c });

describe('pageSummary', () => {
  it('a page without attachments: its count, nothing more', () => {
    expect(pageSummary(report(['camera', 'camera', 'sensor']), coverage())).toBe('3 vondsten in 2 categorieën');
    expect(pageSummary(report([]), coverage())).toBe('Geen vondsten');
  });

  it('attachments not read: the count is the page’s', () => {
    expect(pageSummary(report(['camera']), coverage({ total: 3, unread: 3 }))).toBe('Op deze pagina: 1 vondst in 1 categorie');
    expect(pageSummary(report([]), coverage({ total: 3, unread: 3 }))).toBe('Op deze pagina: geen vondsten');
  });

  it('all attachments read: still the page’s count, and the attachments’ with its noun', () => {
    const line = pageSummary(report(Array(10).fill('camera')), coverage({ total: 7, read: 7, matches: 7 }));
    expect(line).toBe('Op deze pagina: 10 vondsten in 1 categorie · 7 vondsten in de gelezen bijlagen');
    expect(pageSummary(report([]), coverage({ total: 2, read: 1, failed: 1, matches: 1 }))).toBe('Op deze pagina: geen vondsten · 1 vondst in de gelezen bijlagen');
  });

  it('a page without text says so', () => {
    expect(pageSummary(report([], { chars: 0 }), coverage())).toBe('Op deze pagina stond geen tekst om te lezen');
  });
});

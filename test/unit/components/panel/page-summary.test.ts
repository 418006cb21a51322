// The header's count line says whose count it is: the page's whenever attachments are beside it,
// and the attachments' own count with its noun.
import { describe, expect, it } from 'vitest';
import { pageSummary } from '../../../../components/panel/page-summary';
import { pdfResultSummary } from '../../../../components/panel/PdfResults';
import type { PdfScanResult } from '../../../../lib/surface/pdf/result';
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

  it('nothing in the attachments read: "geen", as the page’s own count says it', () => {
    expect(pageSummary(report([]), coverage({ total: 2, read: 1, failed: 1, matches: 0 }))).toBe('Op deze pagina: geen vondsten · geen in de gelezen bijlagen');
    expect(pageSummary(report(['camera']), coverage({ total: 1, read: 1 }))).toBe('Op deze pagina: 1 vondst in 1 categorie · geen in de gelezen bijlagen');
  });

  it('a PDF without findings: "Geen vondsten" and its pages, not "0 vondsten in 0 categorieën"', () => {
    const pdf = (matches: Array<{ category: string }>, scannedPages: number) => ({ matches, matchCount: matches.length, scannedPages }) as unknown as PdfScanResult;
    expect(pdfResultSummary(pdf([], 4))).toBe('Geen vondsten · 4 pagina’s');
    expect(pdfResultSummary(pdf([], 1))).toBe('Geen vondsten · 1 pagina');
    expect(pdfResultSummary(pdf([{ category: 'camera' }, { category: 'sensor' }], 3))).toBe('2 vondsten in 2 categorieën · 3 pagina’s');
  });

  it('a page without text says so', () => {
    expect(pageSummary(report([], { chars: 0 }), coverage())).toBe('Op deze pagina stond geen tekst om te lezen');
  });
});

// "Alles verwijderen" in the options page and the panel: the reader's record and what Raadslens
// kept of the documents the reader read (the PDF results, with their passages) both go.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DataTransfer } from '../../../../components/common/DataTransfer';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { pdfCache } from '../../../../lib/surface/pdf/cache';
import { mount } from '../../support/mount';

const result = (url: string): PdfScanResult => ({
  url,
  title: 'Raadsvoorstel',
  scannedAt: 1,
  ms: 5,
  pageCount: 1,
  scannedPages: 1,
  truncated: false,
  chars: 6,
  matchCount: 1,
  matches: [{ index: 0, page: 1, start: 0, end: 6, termId: 'camera', category: 'camera', text: 'camera', snippet: 'camera' }],
  assessment: { hasTechnology: true, categories: [], questions: [], safeguards: { found: [], missing: [] }, signals: [] },
});

const click = (root: HTMLElement, id: string) => act(() => (root.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement).click());

describe('DataTransfer: Alles verwijderen', () => {
  it('empties the PDF results too, after the reader confirmed', async () => {
    expect(await pdfCache.put('https://ibabs.example/a.pdf', {}, result('https://ibabs.example/a.pdf'))).toBe(true);
    const root = mount(<DataTransfer />);
    click(root, 'data-delete');
    expect(await pdfCache.get('https://ibabs.example/a.pdf')).not.toBeNull();
    click(root, 'data-delete-confirm');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="data-status"]')?.textContent).toBeTruthy());
    expect(root.querySelector('[data-testid="data-status"]')!.getAttribute('role')).toBe('status');
    expect(await pdfCache.get('https://ibabs.example/a.pdf')).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { announcePdf, isPdfDocument } from '@/lib/surface/page/session/pdf-document';

describe('the browser’s PDF wrapper', () => {
  it('is told apart from a web page by its content type', () => {
    expect(isPdfDocument({ contentType: 'application/pdf' })).toBe(true);
    expect(isPdfDocument({ contentType: 'text/html' })).toBe(false);
    expect(isPdfDocument({ contentType: 'application/xhtml+xml' })).toBe(false);
  });

  it('is announced to the background with its address instead of being scanned', async () => {
    const send = vi.fn(async () => true);
    const url = 'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie';
    expect(announcePdf({ contentType: 'application/pdf', URL: url }, send)).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'pdf-tab', url });
    expect(announcePdf({ contentType: 'text/html', URL: url }, send)).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('is not scanned even when the background cannot be reached', async () => {
    const send = vi.fn(async () => Promise.reject(new Error('Extension context invalidated.')));
    expect(announcePdf({ contentType: 'application/pdf', URL: 'https://x.nl/a.pdf' }, send)).toBe(true);
    await Promise.resolve();
  });
});

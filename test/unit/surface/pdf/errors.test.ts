import { describe, expect, it } from 'vitest';
import { fromPdfJsError } from '@/lib/surface/pdf';

describe('pdf.js errors reach the reader in Dutch', () => {
  it('never passes pdf.js’ English wording on', () => {
    const english = Object.assign(new Error('Invalid PDF structure: bad XRef entry, please report'), { name: 'UnknownErrorException' });
    const e = fromPdfJsError(english);
    expect(e.kind).toBe('unknown');
    expect(e.message).toBe('Het document kon niet worden gelezen: de PDF bevat iets wat Raadslens niet kan verwerken.');
    expect(e.message).not.toContain('XRef');
    expect(e.cause).toBe(english);
    expect(fromPdfJsError('Worker was terminated').message).not.toContain('Worker');
  });

  it('a failed response while pdf.js reads is a network problem', () => {
    expect(fromPdfJsError({ name: 'ResponseException', message: 'Unexpected server response (0)' }).kind).toBe('network');
  });
});

// Each row's button names its document for a screen reader: after "Lees de bijlagen" a meeting
// has a button per document that shows "Opnieuw lezen", and a list of forty alike says nothing.
import { describe, expect, it } from 'vitest';
import { retryCanHelp, scanLabel } from '../../../../components/panel/PdfScan';
import type { PdfScanState } from '../../../../components/panel/PdfScanState';

const state = (s: object) => s as unknown as PdfScanState;

describe('scanLabel', () => {
  it('says what the button does, and for a screen reader which document', () => {
    expect(scanLabel(undefined, 'Motie geen gezichtsherkenning')).toEqual({ text: 'Lees', aria: 'Lees ‘Motie geen gezichtsherkenning’' });
    expect(scanLabel(state({ status: 'done' }), 'Raadsvoorstel')).toEqual({ text: 'Opnieuw lezen', aria: '‘Raadsvoorstel’ opnieuw lezen' });
    expect(scanLabel(state({ status: 'error', error: { kind: 'network' } }), 'Brief')).toEqual({ text: 'Opnieuw proberen', aria: '‘Brief’ opnieuw proberen' });
  });

  it('a cancelled scan starts again as a scan', () => {
    expect(scanLabel(state({ status: 'error', error: { kind: 'cancelled' } }), 'Brief').text).toBe('Lees');
  });

  it('offers no retry where the same file reads the same', () => {
    for (const kind of ['no-text', 'password', 'host-refused']) expect(retryCanHelp(state({ status: 'error', error: { kind } })), kind).toBe(false);
    for (const kind of ['network', 'http', 'timeout', 'corrupt', 'not-pdf']) expect(retryCanHelp(state({ status: 'error', error: { kind } })), kind).toBe(true);
    expect(retryCanHelp(state({ status: 'done' }))).toBe(true);
    expect(retryCanHelp(undefined)).toBe(true);
  });
});

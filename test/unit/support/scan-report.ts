import type { PackedScanReport, ScanReport } from '@/lib/extension/messages/protocol';

/** A small, valid scan report as the content script sends it (matches packed). */
export function sampleReport(overrides: Partial<PackedScanReport> = {}): PackedScanReport {
  return {
    url: 'https://utrecht.raadsinformatie.nl/document/1',
    title: 'Raadsvoorstel cameratoezicht',
    scannedAt: 1,
    chars: 100,
    nodes: 3,
    ms: 2,
    truncated: false,
    matchCount: 1,
    matches: { terms: [{ termId: 'camera.camera', category: 'camera' }], spans: [7, 13, 0], contexts: [{ at: 4, text: 'De camera' }] },
    assessment: { hasTechnology: false, categories: [], questions: [], safeguards: { found: [], missing: [] }, signals: [] },
    ...overrides,
  };
}

/** sampleReport() as the panel reads it. */
export function sampleReadReport(overrides: Partial<PackedScanReport> = {}): ScanReport {
  return {
    ...sampleReport(overrides),
    matches: [{ index: 0, start: 7, end: 13, termId: 'camera.camera', category: 'camera', text: 'camera', snippet: 'De camera' }],
  };
}

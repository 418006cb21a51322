import type { ScanReport } from '@/lib/messages/protocol';

/** A small, valid scan report to start tests from. */
export function sampleReport(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    url: 'https://utrecht.raadsinformatie.nl/document/1',
    title: 'Raadsvoorstel cameratoezicht',
    scannedAt: 1,
    chars: 100,
    nodes: 3,
    ms: 2,
    truncated: false,
    matchCount: 1,
    matches: [{ index: 0, start: 4, end: 10, termId: 'camera.camera', category: 'camera', text: 'camera', snippet: 'De camera' }],
    assessment: { hasTechnology: false, categories: [], questions: [], safeguards: { found: [], missing: [] }, signals: [] },
    ...overrides,
  };
}

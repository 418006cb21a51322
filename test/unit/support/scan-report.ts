import type { RestCategory } from '@/lib/core/questions/partial';
import { readingRanges } from '@/lib/core/questions/reading-input';
import { ReadingPacker, type SentReading } from '@/lib/core/questions/reading-wire';
import type { CategoryId } from '@/lib/core/rules/ids';
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

/**
 * The reading a content script sends for a text it holds in one block: the windows around the
 * safeguard mentions, the mentions and the technology matches inside the windows, packed.
 */
export function sentReadingOf(
  text: string,
  mentions: ReadonlyArray<{ group: string; start: number; end: number; text: string; termId?: string }>,
  matches: ReadonlyArray<{ start: number; end: number; category: CategoryId }>,
  rest: RestCategory[],
): SentReading {
  const ranges = readingRanges(mentions, text.length);
  const packer = new ReadingPacker();
  for (const m of matches) if (ranges.some((r) => m.start >= r.start && m.end <= r.end)) packer.addTech(m);
  for (const h of mentions) packer.addMention(h, text, 0);
  return packer.finish(ranges.map((r) => ({ start: r.start, text: text.slice(r.start, r.end) })), rest).reading;
}

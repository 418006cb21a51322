// A one-page PDF's scan result from a text, as the panel's components get it: the assessment the
// analyser reads (through the protocol's schema), no matches listed.
import { createAnalyser, type Analyser } from '../../../lib/core/analyse';
import { loadBuiltinRules } from '../../../lib/core/rules';
import { AssessmentSummarySchema } from '../../../lib/extension/messages/protocol';
import type { PdfScanResult } from '../../../lib/surface/pdf';

let analyser: Analyser | null = null;

export function onePagePdfResult(url: string, title: string, text: string, extra: Partial<PdfScanResult> = {}): PdfScanResult {
  analyser ??= createAnalyser(loadBuiltinRules());
  return {
    url,
    title,
    scannedAt: 1,
    ms: 1,
    pageCount: 1,
    scannedPages: 1,
    truncated: false,
    chars: text.length,
    matchCount: 0,
    matches: [],
    assessment: AssessmentSummarySchema.parse(analyser.analyse(text, 'blocks').assessment),
    ...extra,
  };
}

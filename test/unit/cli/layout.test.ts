// Each surface says what a line break in its text means (lib/core/questions/status/segment.ts
// TextLayout): the PDF paths read every line as a block, a .txt or an HTML page as possibly
// hard-wrapped. The same text, a title of twelve words above a sentence, tells them apart.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { analyseDocument } from '@/lib/cli/report';
import { scanPages } from '@/lib/surface/pdf/scan';

const analyser = createAnalyser(loadBuiltinRules());
const TEXT = [
  'Het college wil twaalf camera’s plaatsen in de binnenstad.',
  "Raadsvoorstel over de inzet van slimme camera's bij evenementen in het centrum",
  'Voor de camera’s is geen DPIA uitgevoerd.',
  'De raad besluit later.',
].join('\n');
const SENTENCE = 'Voor de camera’s is geen DPIA uitgevoerd.';
const GLUED = "Raadsvoorstel over de inzet van slimme camera's bij evenementen in het centrum Voor de camera’s is geen DPIA uitgevoerd.";

describe('the layout each surface passes', () => {
  it('the CLI reads a .pdf by blocks, a .txt and an .html as hard-wrapped', () => {
    const dpia = (kind: 'pdf' | 'txt' | 'html') =>
      analyseDocument(analyser, `stuk.${kind}`, kind, { pages: [{ ...(kind === 'pdf' ? { page: 1 } : {}), text: TEXT }] }).safeguards.find((s) => s.id === 'dpia')!.passages.map((p) => p.text);
    expect(dpia('pdf')).toEqual([SENTENCE]);
    expect(dpia('txt')).toEqual([GLUED]);
    expect(dpia('html')).toEqual([GLUED]);
  });

  it('scanPages (the PDF worker and the in-thread fallback) reads by blocks', async () => {
    const pages = (async function* () {
      yield { page: 1, pageCount: 1, pageLimit: 1, text: TEXT };
    })();
    const result = await scanPages(pages, analyser, { url: 'https://example.org/stuk.pdf' });
    expect(result.assessment.safeguards.found.find((f) => f.id === 'dpia')!.passages.map((p) => p.text)).toEqual([SENTENCE]);
  });
});

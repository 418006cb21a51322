// A PDF's result says what its own opening shows: a motie named "document 12345" (its lines
// joined where the layout shows no edge, as page-text.ts joins them) and what the raad did with it.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { scanPages } from '@/lib/surface/pdf';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { simplePdf } from '../../../fixtures/pdf/make-simple-pdf.mjs';

const motie = (uitslag: string) => [
  `Stuknummer: RIS 4711 Uitslag stemming: ${uitslag}`,
  "Onderwerp: Slimme camera's bij het station",
  'De raad van de gemeente Veendorp, in vergadering bijeen op 20 mei 2026,',
  'Constaterende dat:',
  '- bij het station elke week fietsen worden gestolen;',
  'Overwegende dat:',
  "- slimme camera's met gezichtsherkenning daders snel kunnen opsporen;",
  'Verzoekt het college:',
  "- bij de fietsenstalling slimme camera's met gezichtsherkenning te plaatsen.",
  'En gaat over tot de orde van de dag.',
];
const analyser = createAnalyser(loadBuiltinRules());
const scan = (lines: string[]) => scanPages(extractPdfPagesInNode(simplePdf([lines])), analyser, { url: 'https://veendorp.raadsinformatie.nl/document/12345/1/document+12345' });

describe('the opening of a PDF', () => {
  it('a motie, with what the raad did where the PDF says', async () => {
    expect((await scan(motie(''))).opening).toEqual({ kind: 'motie', date: '20 mei 2026' });
    expect((await scan(motie('Aangenomen'))).opening).toEqual({ kind: 'motie', decision: 'aangenomen', date: '20 mei 2026' });
    expect((await scan(motie('Verworpen'))).opening).toEqual({ kind: 'motie', decision: 'verworpen', date: '20 mei 2026' });
  });

  it('none for a raadsvoorstel', async () => {
    const voorstel = ['Raadsvoorstel slimme camera’s', "Naar aanleiding van de motie over slimme camera's, waarin de raad in vergadering bijeen op 3 juni het college verzocht een kader op te stellen, stellen wij u voor het kader vast te stellen."];
    expect((await scan(voorstel)).opening).toBeUndefined();
  });
});

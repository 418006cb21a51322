// The checklist on the real PDFs captured from the portals (../shared/real/, when present): a
// besluitenlijst without technology stays silent (no "Noodzaak ✓" for a Raad van Toezicht's
// "noodzakelijke competenties"), and the moties get no ✓ for what they only ask for.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { readPdf } from '../../../../lib/cli/readers';
import { analyseDocument } from '../../../../lib/cli/report';
import { loadBuiltinRules } from '../../../../lib/core/rules';

/** As test/tools/real-captures.mjs finds them (that module resolves from a file URL vitest does not give). */
const REAL_DIR = path.resolve(process.env.RAADSLENS_REAL_DIR ?? path.join(__dirname, '../../../../..', 'shared', 'real'));

const analyser = createAnalyser(loadBuiltinRules());
const pdf = (name: string) => path.join(REAL_DIR, 'pdf', name);
const BESLUITENLIJST = pdf('denhelder-besluitenlijst-raad-2015-06-29.pdf');
const MOTIES = [pdf('denhaag-motie-15518187-gezichtsherkenning-cameras.pdf'), pdf('denhaag-motie-15667381-onderzoek-ai.pdf')];
const present = existsSync(BESLUITENLIJST) && MOTIES.every((m) => existsSync(m));

async function report(file: string) {
  return analyseDocument(analyser, file, 'pdf', await readPdf(new Uint8Array(readFileSync(file))));
}

describe.skipIf(!present)(`the checklist on real portal PDFs (${present ? REAL_DIR : 'skipped: ../shared/real is not here'})`, () => {
  it('a besluitenlijst without technology gets no checklist at all', async () => {
    const r = await report(BESLUITENLIJST);
    expect(r.assessment.hasTechnology).toBe(false);
    expect(r.safeguards).toEqual([]);
    expect(r.assessment.safeguards).toEqual({ found: [], missing: [] });
  }, 60_000);

  it('moties that ask for things state none of them as done', async () => {
    for (const file of MOTIES) {
      const r = await report(file);
      expect(r.assessment.hasTechnology, file).toBe(true);
      expect(r.safeguards.filter((s) => s.status === 'stated').map((s) => s.id), file).toEqual([]);
    }
  }, 60_000);
});

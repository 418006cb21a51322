// The panel's questions name only the technology the document's matches show, as its letter does:
// the rules ask about "het algoritme of het herkenningssysteem" (the IAMA, the Algoritmeregister)
// for any technology, and a document that only holds an algorithm has no recognition system to
// ask about. The question cards' "Vraag het college" and the verdict's open points, for a page and
// a PDF, in a report's own words and a motie's.
import { describe, expect, it } from 'vitest';
import { DocumentView } from '../../../../components/panel/DocumentView';
import { PdfVerdict } from '../../../../components/panel/PdfResults';
import { QuestionCards } from '../../../../components/panel/QuestionCards';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf } from '../../../../lib/core/questions/checklist';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { AssessmentSummarySchema } from '../../../../lib/extension/messages/protocol';
import { documentLetterInput } from '../../../../lib/extension/ui/letter-input';
import { buildLetters, letterQuestions } from '../../../../lib/record/export/letter';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { fixedChecklist } from '../../support/checklist';
import { sampleReadReport } from '../../support/scan-report';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
// Only an algorithm: the IAMA and the Algoritmeregister said not done, the other safeguards not named.
const NEGATED = 'Het college zet een algoritme in om fraude met bijstandsuitkeringen op te sporen. Er is geen IAMA uitgevoerd en het algoritme staat niet in het Algoritmeregister.';
// Only an algorithm, neither named: asked whether they are done.
const ABSENT = 'Het college zet een algoritme in om fraude met bijstandsuitkeringen op te sporen.';

const assessmentOf = (text: string) => AssessmentSummarySchema.parse(analyser.analyse(text, 'wrapped').assessment);

/** The questions the cards ask, per card. */
const cardAsks = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="question-card"] .followups li')].map((li) => li.textContent!);
/** The verdict's open points' questions, by safeguard. */
const pointAsks = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="verdict-point"]')].map((p) => [p.getAttribute('data-safeguard'), p.querySelector('details > p')?.textContent ?? '']);

/** The IAMA and Algoritmeregister questions among `asks`, each naming the algorithm and no recognition system. */
function namesTheAlgorithmOnly(asks: readonly string[]) {
  const about = asks.filter((a) => /IAMA|Algoritmeregister/.test(a));
  expect(about.length).toBeGreaterThan(0);
  for (const a of asks) expect(a).not.toMatch(/herkenningssysteem/);
  expect(about.some((a) => /\bhet algoritme\b/.test(a))).toBe(true);
}

describe('the panel’s questions name only the technology the matches show', () => {
  it('in the question cards, a safeguard not named or said not done, for a report and a motie', () => {
    for (const text of [NEGATED, ABSENT]) {
      const assessment = assessmentOf(text);
      expect(assessment.categories.filter((c) => c.count > 0).map((c) => c.category)).toEqual(['algoritme']);
      for (const kind of [undefined, 'raadsinformatiebrief', 'motie']) {
        const asks = cardAsks(mount(<QuestionCards rules={rules} assessment={assessment} kind={kind} />));
        namesTheAlgorithmOnly(asks);
      }
    }
  });

  it('in a page’s verdict, as the letter asks it', () => {
    const assessment = assessmentOf(NEGATED);
    const checklist = fixedChecklist(checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules));
    const root = mount(<DocumentView report={{ ...sampleReadReport(), assessment }} rules={rules} checklist={checklist} onShow={() => {}} onNote={() => {}} />);
    const points = pointAsks(root);
    expect(points.map(([id]) => id)).toContain('algoritmeregister');
    namesTheAlgorithmOnly(points.map(([, ask]) => ask!));
    const ask = Object.fromEntries(points)['algoritmeregister']!.replace(/^Vraag het college: /, '');
    expect(ask).toBe('Waarom staat het algoritme niet in het Algoritmeregister, en wanneer wordt het opgenomen?');
    // The letter drafted from the same document asks it in the same words.
    const letter = buildLetters(documentLetterInput({ document: { url: 'https://utrecht.raadsinformatie.nl/document/1', title: 'Brief' }, notes: [], flags: [], checklist: checklist.items, assessment }, rules)).flatMap(letterQuestions);
    expect(letter.find((q) => q.about === 'algoritmeregister')?.text).toContain(ask);
  });

  it('in a PDF’s verdict', () => {
    const result: PdfScanResult = {
      url: 'https://utrecht.raadsinformatie.nl/document/1/brief.pdf',
      title: 'Brief',
      scannedAt: 1,
      ms: 1,
      pageCount: 1,
      scannedPages: 1,
      truncated: false,
      chars: NEGATED.length,
      matchCount: 0,
      matches: [],
      assessment: assessmentOf(NEGATED),
    };
    namesTheAlgorithmOnly(pointAsks(mount(<PdfVerdict result={result} rules={rules} />)).map(([, ask]) => ask!));
  });
});

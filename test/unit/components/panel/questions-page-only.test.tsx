// A meeting page whose own text names no technology while the attachments read do (an iBabs or GO
// agenda: the page lists items, the raadsvoorstel in a bijlage speaks of cameras). The page's AP
// questions said "geen van toepassing … er is geen technologie gevonden" below attachments with
// matches: they speak of the page's text only, and say where the attachments' questions are.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { DocumentView } from '../../../../components/panel/DocumentView';
import { createAnalyser } from '../../../../lib/core/analyse';
import type { ScanScope } from '../../../../lib/core/questions/verdict';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { AssessmentSummarySchema } from '../../../../lib/extension/messages/protocol';
import { fixedChecklist } from '../../support/checklist';
import { sampleReadReport } from '../../support/scan-report';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
// An agenda's own text: items and times, no technology.
const AGENDA = 'Agenda raadsvergadering. 1. Opening. 2. Vaststelling van de agenda. 3. Voorstel over de begroting. 4. Sluiting.';

const checklist = fixedChecklist();

/** The agenda's view, drawn whole (its parts come a task at a time). */
async function agendaView(scope: ScanScope): Promise<HTMLElement> {
  const assessment = AssessmentSummarySchema.parse(analyser.analyse(AGENDA, 'wrapped').assessment);
  expect(assessment.hasTechnology).toBe(false);
  const root = mount(<DocumentView report={{ ...sampleReadReport(), matches: [], matchCount: 0, assessment }} rules={rules} checklist={checklist} onShow={() => {}} onNote={() => {}} scope={scope} />);
  for (let i = 0; i < 4; i++) await act(() => new Promise((r) => setTimeout(r, 1)));
  return root;
}

const lines = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="question-card"] .applies-line')].map((p) => p.textContent);

describe('the AP questions of a page without technology', () => {
  it('with matches in the attachments read: not applicable to the page’s text, the attachments’ questions with each', async () => {
    const root = await agendaView({ pageRead: true, attachments: 3, attachmentsRead: 3, attachmentMatches: 5 });
    expect(root.querySelector('.questions-folded > summary')!.textContent).toBe('De drie vragen van de AP bij de tekst van deze pagina (geen van toepassing; de vragen bij de bijlagen staan bij elke bijlage)');
    expect(lines(root)).toHaveLength(3);
    for (const line of lines(root)) {
      expect(line).toBe('Niet van toepassing op de tekst van deze pagina: daarin is geen technologie gevonden. De vragen bij de vondsten in de bijlagen staan bij elke bijlage.');
      expect(line).not.toContain('er is geen technologie gevonden die bij deze vraag hoort');
    }
  });

  it('with none in the attachments read (or none read): none apply, as before', async () => {
    for (const scope of [{ pageRead: true, attachments: 2, attachmentsRead: 2, attachmentMatches: 0 }, { pageRead: true, attachments: 2, attachmentsRead: 0 }]) {
      const root = await agendaView(scope);
      expect(root.querySelector('.questions-folded > summary')!.textContent).toBe('De drie vragen van de AP (geen van toepassing)');
      expect(lines(root)).toEqual(Array(3).fill('Niet van toepassing: er is geen technologie gevonden die bij deze vraag hoort.'));
    }
  });
});

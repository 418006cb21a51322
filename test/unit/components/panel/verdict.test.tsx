// The verdict block as the panel shows it: on top of a page's Document view and of a PDF's
// results, each row one line, nothing found said calmly with what was read.
import { describe, expect, it } from 'vitest';
import { PdfVerdict } from '../../../../components/panel/PdfResults';
import { Verdict, openApText } from '../../../../components/panel/Verdict';
import { createAnalyser } from '../../../../lib/core/analyse';
import { checklistOf } from '../../../../lib/core/questions/checklist';
import { verdictOf } from '../../../../lib/core/questions/verdict';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { AssessmentSummarySchema } from '../../../../lib/extension/messages/protocol';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const TEXT =
  'Het college stelt voor cameratoezicht met slimme camera’s en gezichtsherkenning in te voeren in de binnenstad. ' +
  'De beelden worden opgeslagen in de cloud van een leverancier. Er is geen DPIA uitgevoerd.';

function pdfResult(text: string, pages: { scanned: number; count: number }): PdfScanResult {
  return {
    url: 'https://utrecht.raadsinformatie.nl/document/1/raadsvoorstel.pdf',
    title: 'Raadsvoorstel',
    scannedAt: 1,
    ms: 1,
    pageCount: pages.count,
    scannedPages: pages.scanned,
    truncated: pages.scanned < pages.count,
    chars: text.length,
    matchCount: 0,
    matches: [],
    assessment: AssessmentSummarySchema.parse(analyser.analyse(text, 'wrapped').assessment),
  };
}

describe('PdfVerdict', () => {
  it('heads a PDF with technology with the same block as a page: categories, questions, the first open points', () => {
    const root = mount(<PdfVerdict result={pdfResult(TEXT, { scanned: 3, count: 3 })} rules={rules} />);
    const verdict = root.querySelector('[data-testid=verdict]')!;
    expect(verdict.getAttribute('data-verdict')).toBe('technology');
    const categories = [...verdict.querySelectorAll('[data-testid=verdict-categories] summary [data-category]')].map((c) => c.getAttribute('data-category'));
    expect(categories).toContain('camera');
    expect(verdict.querySelectorAll('[data-question]').length).toBeGreaterThan(0);
    // No AP text to jump to inside a PDF's results: the questions are named, not links that go nowhere.
    expect(verdict.querySelectorAll('a[data-question]')).toHaveLength(0);
    const points = [...verdict.querySelectorAll('[data-testid=verdict-point]')];
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBeLessThanOrEqual(2);
    // "Geen DPIA uitgevoerd": the document says it was not done, which is raised first.
    expect(points[0]!.getAttribute('data-safeguard')).toBe('dpia');
    expect(points[0]!.getAttribute('data-status')).toBe('negated');
  });

  it('in a PDF’s own tab, where its AP texts and checklist are in the view once, links to them', () => {
    const asked: string[] = [];
    const root = mount(<PdfVerdict result={pdfResult(TEXT, { scanned: 3, count: 3 })} rules={rules} onQuestion={(id) => asked.push(id)} checklistHref="#h-pdf-safeguards" />);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-question]')];
    expect(links.length).toBeGreaterThan(0);
    links[0]!.click();
    expect(asked).toEqual([links[0]!.dataset.question]);
    expect(root.querySelector('.verdict-open a')?.getAttribute('href')).toBe('#h-pdf-safeguards');
  });

  it('opening a question’s AP text opens every fold around it (a PDF tab’s results, the folded questions)', () => {
    const root = mount(
      <details class="pdf-results-fold">
        <summary>Resultaten</summary>
        <details class="questions-folded">
          <summary>Vragen</summary>
          <details class="ap-text" id="ap-text-ap-2">
            <summary>Tekst van de AP</summary>
          </details>
        </details>
      </details>,
    );
    openApText('ap-2');
    expect([...root.querySelectorAll('details')].map((d) => d.open)).toEqual([true, true, true]);
  });

  it('a motie whose text says the raad adopted it asks what comes before carrying it out; one rejected asks nothing and says why', () => {
    const adopted = mount(<PdfVerdict result={{ ...pdfResult(TEXT, { scanned: 1, count: 1 }), opening: { kind: 'motie', decision: 'aangenomen' } }} rules={rules} />);
    expect(adopted.querySelector('[data-testid=verdict-decision]')!.textContent).toBe('De raad heeft de motie aangenomen. De vragen gaan over wat het college doet voordat het de motie uitvoert.');
    const dpia = adopted.querySelector('[data-testid=verdict-point][data-safeguard=dpia]')!;
    expect(dpia.textContent).toContain('Wordt er, voordat het college de motie uitvoert, eerst een DPIA uitgevoerd');
    expect(adopted.textContent).not.toContain('wordt aangenomen');

    // Named a raadsvoorstel, but its text opens as a motie the raad rejected.
    const rejected = mount(<PdfVerdict result={{ ...pdfResult(TEXT, { scanned: 1, count: 1 }), opening: { kind: 'motie', decision: 'verworpen' } }} rules={rules} kind="raadsvoorstel" />);
    expect(rejected.querySelector('[data-testid=verdict-decision]')!.textContent).toBe('De raad heeft de motie verworpen. Niemand voert haar uit, dus er zijn geen vragen over de uitvoering.');
    expect(rejected.querySelectorAll('[data-testid=verdict-point]')).toHaveLength(0);
    expect(rejected.textContent).not.toContain('Vraag het college');
    expect(rejected.textContent).not.toContain('alle waarborgen genoemd');

    // Unknown: today's wording, no line about the raad.
    const unknown = mount(<PdfVerdict result={{ ...pdfResult(TEXT, { scanned: 1, count: 1 }), opening: { kind: 'motie' } }} rules={rules} />);
    expect(unknown.querySelector('[data-testid=verdict-decision]')).toBeNull();
    expect(unknown.querySelector('[data-testid=verdict-point][data-safeguard=dpia]')!.textContent).not.toContain('Is er vooraf');
  });

  it('says calmly that nothing was found, and how many pages were read', () => {
    const root = mount(<PdfVerdict result={pdfResult('De raad vergadert over de begroting en het onderhoud van de parken.', { scanned: 12, count: 12 })} rules={rules} />);
    const verdict = root.querySelector('[data-testid=verdict]')!;
    expect(verdict.getAttribute('data-verdict')).toBe('none');
    expect(verdict.textContent).toContain('Geen technologie gevonden');
    expect(verdict.querySelector('[data-testid=verdict-scope]')!.textContent).toBe('Gelezen: 12 pagina’s');
    expect(verdict.querySelector('[data-testid=question-card]')).toBeNull();
  });

  it('says when only part of a long PDF was read', () => {
    const root = mount(<PdfVerdict result={pdfResult('De raad vergadert over de begroting.', { scanned: 50, count: 80 })} rules={rules} />);
    expect(root.querySelector('[data-testid=verdict-scope]')!.textContent).toBe('Gelezen: 50 van de 80 pagina’s');
    // The headline too says only what was read, not "Geen technologie gevonden" of the whole document.
    expect(root.querySelector('[data-testid=verdict] .verdict-none')!.textContent).toBe('Geen technologie in de gelezen pagina’s (50 van 80).');
    expect(root.querySelector('[data-testid=verdict]')!.textContent).not.toContain('Geen technologie gevonden');
  });

  it('names the pages without text also beside findings, so "niet genoemd" does not speak for them', () => {
    const root = mount(<PdfVerdict result={{ ...pdfResult(TEXT, { scanned: 3, count: 3 }), textlessPages: [2] }} rules={rules} />);
    expect(root.querySelector('[data-testid=verdict]')!.getAttribute('data-verdict')).toBe('technology');
    expect(root.querySelector('[data-testid=verdict-scope]')!.textContent).toBe('Gelezen: 3 pagina’s; p. 2 heeft geen tekst (leeg of gescand): daar kon niets gelezen worden');
    // Without such pages the verdict with findings stays as it was.
    expect(mount(<PdfVerdict result={pdfResult(TEXT, { scanned: 3, count: 3 })} rules={rules} />).querySelector('[data-testid=verdict-scope]')).toBeNull();
  });

  it('names the pages without text (blank or scanned), so "nothing found" does not cover them', () => {
    const one = mount(<PdfVerdict result={{ ...pdfResult('De raad vergadert over de begroting.', { scanned: 3, count: 3 }), textlessPages: [1] }} rules={rules} />);
    expect(one.querySelector('[data-testid=verdict-scope]')!.textContent).toBe('Gelezen: 3 pagina’s; p. 1 heeft geen tekst (leeg of gescand): daar kon niets gelezen worden');
    const many = mount(<PdfVerdict result={{ ...pdfResult('De raad vergadert.', { scanned: 40, count: 40 }), textlessPages: Array.from({ length: 10 }, (_, i) => i + 1) }} rules={rules} />);
    expect(many.querySelector('[data-testid=verdict-scope]')!.textContent).toBe(
      'Gelezen: 40 pagina’s; 10 pagina’s hebben geen tekst (leeg of gescand): p. 1, 2, 3, 4, 5, 6, 7, 8 …; daar kon niets gelezen worden',
    );
  });
});

describe('Verdict', () => {
  const assessment = AssessmentSummarySchema.parse(analyser.analyse(TEXT, 'wrapped').assessment);
  const verdict = verdictOf({ ...assessment, checklist: checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules) });
  const scope = { pageRead: true, attachments: 0, attachmentsRead: 0 };

  it('names every category in its one line and lists them with their counts when opened', () => {
    const root = mount(<Verdict verdict={verdict} scope={scope} />);
    const row = root.querySelector('[data-testid=verdict-categories]')!;
    expect(row.querySelectorAll('summary [data-category]')).toHaveLength(verdict.categories.length);
    expect(row.querySelectorAll('.verdict-more li')).toHaveLength(verdict.categories.length);
  });

  it('says what was read once: the coverage line given replaces its own', () => {
    const calm = verdictOf({ hasTechnology: false, categories: [], questions: [], checklist: [] });
    const root = mount(<Verdict verdict={calm} scope={{ pageRead: true, attachments: 3, attachmentsRead: 0 }} scopeNode={<p data-testid="read-coverage">Gelezen: de tekst van deze pagina; 3 bijlagen nog niet gelezen.</p>} />);
    expect(root.querySelectorAll('[data-testid=read-coverage]')).toHaveLength(1);
    expect(root.querySelector('[data-testid=verdict-scope]')).toBeNull();
    expect(root.textContent!.match(/Gelezen:/g)).toHaveLength(1);
  });

  it('does not say "no technology" of attachments not read: only of the page’s text, and the unread line stays', () => {
    const calm = verdictOf({ hasTechnology: false, categories: [], questions: [], checklist: [] });
    const unread = <p data-testid="read-coverage">Gelezen: de tekst van deze pagina; 3 bijlagen nog niet gelezen. <button>Lees de bijlagen</button></p>;
    const none = mount(<Verdict verdict={calm} scope={{ pageRead: true, attachments: 3, attachmentsRead: 0 }} scopeNode={unread} />);
    expect(none.querySelector('.verdict-none')!.textContent).toBe('Geen technologie in de tekst van deze pagina.');
    expect(none.querySelector('[data-testid=verdict]')!.textContent).not.toContain('Geen technologie gevonden');
    expect(none.querySelector('[data-testid=read-coverage]')!.textContent).toContain('Lees de bijlagen');
    const part = mount(<Verdict verdict={calm} scope={{ pageRead: true, attachments: 3, attachmentsRead: 2 }} />);
    expect(part.querySelector('.verdict-none')!.textContent).toBe('Geen technologie in de tekst van deze pagina en in de gelezen bijlagen.');
    // All read: the whole document, as before.
    const all = mount(<Verdict verdict={calm} scope={{ pageRead: true, attachments: 3, attachmentsRead: 3 }} />);
    expect(all.querySelector('.verdict-none')!.textContent).toBe('Geen technologie gevonden die persoonsgegevens verwerkt.');
  });

  it('says of a scanned PDF that nothing was read, and of one with pages without text only those with text', () => {
    const calm = verdictOf({ hasTechnology: false, categories: [], questions: [], checklist: [] });
    const scan = mount(<Verdict verdict={calm} scope={{ pageRead: false, attachments: 0, attachmentsRead: 0, pages: { read: 4, of: 4, textless: 4 } }} />);
    expect(scan.querySelector('.verdict-none')!.textContent).toBe('Niets te lezen: deze PDF heeft geen tekst (waarschijnlijk een scan).');
    const some = mount(<Verdict verdict={calm} scope={{ pageRead: true, attachments: 0, attachmentsRead: 0, pages: { read: 4, of: 4, textless: 1 } }} />);
    expect(some.querySelector('.verdict-none')!.textContent).toBe('Geen technologie op de pagina’s met tekst.');
  });

  it('does not call a page calm when the attachments read have matches', () => {
    const calm = verdictOf({ hasTechnology: false, categories: [], questions: [], checklist: [] });
    const root = mount(<Verdict verdict={calm} scope={{ pageRead: true, attachments: 3, attachmentsRead: 2, attachmentMatches: 7 }} />);
    expect(root.querySelector('.verdict-none')!.textContent).toBe('Geen technologie in de tekst van deze pagina; wel 7 vondsten in de gelezen bijlagen.');
  });

  it('gives each verdict in a view a heading of its own (a page with several PDFs read)', () => {
    const root = mount(
      <>
        <Verdict verdict={verdict} scope={scope} />
        <Verdict verdict={verdict} scope={scope} />
      </>,
    );
    const ids = [...root.querySelectorAll('[data-testid=verdict]')].map((v) => v.getAttribute('aria-labelledby'));
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(root.querySelector(`[id="${id}"]`)).not.toBeNull();
  });

  it('links the rest of the open points to the checklist when the view has one', () => {
    const root = mount(<Verdict verdict={{ ...verdict, moreOpen: 4 }} scope={scope} checklistHref="#h-safeguards" />);
    const link = root.querySelector<HTMLAnchorElement>('.verdict-open a');
    expect(link?.getAttribute('href')).toBe('#h-safeguards');
    expect(link?.textContent).toBe(`alle ${verdict.openPoints.length + 4} open punten`);
  });
});

// A PDF's checklist is corrected as a page's: one click, kept under the PDF's normalised address
// (as its notes and flags are), with the document stored under the name the panel gives it, and
// the verdict and the checklist follow the correction — also when the results are drawn anew.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PdfResults, PdfVerdict } from '../../../../components/panel/PdfResults';
import { useDocumentChecklist } from '../../../../lib/extension/ui/use-checklist';
import { documentFacts } from '../../../../lib/record/document-meta';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { correctionsRepo, documentsRepo } from '../../../../lib/record/db';
import { normaliseDocumentUrl } from '../../../../lib/record/db/url';
import { addNote } from '../../../../lib/record/writer';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { mount } from '../../support/mount';
import { onePagePdfResult } from '../../support/pdf-result';

const rules = loadBuiltinRules();
const URL_ = 'https://zwolle.raadsinformatie.nl/document/90004/1/Raadsvoorstel+slimme+camera%27s';
const TEXT = "Het college stelt cameratoezicht met slimme camera's voor. Voor de slimme camera's is geen DPIA uitgevoerd. De bewaartermijn van de beelden is 28 dagen.";

const result: PdfScanResult = onePagePdfResult(URL_, 'Raadsvoorstel', TEXT);

const draw = (url = URL_) => mount(<PdfResults result={result} url={`${url}#page=1`} name="Raadsvoorstel slimme camera's" fromCache={false} rules={rules} onOpen={() => {}} />);
const dpiaIn = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid=safeguard-found][data-safeguard=dpia]');
const settle = () => act(async () => new Promise((r) => setTimeout(r, 50)));

describe('PdfResults: correcting a PDF’s checklist', () => {
  it('keeps one click under the PDF’s address; the checklist and the verdict follow it, and a new drawing reads it back', async () => {
    const root = draw();
    await settle();
    const dpia = dpiaIn(root)!;
    expect(dpia.dataset.status).toBe('negated');
    const openBefore = root.querySelector('[data-testid=verdict]')!.textContent;
    expect(openBefore).toContain('DPIA');

    await act(async () => dpia.querySelector<HTMLButtonElement>('[data-testid=safeguard-correct][data-status=stated]')!.click());
    await vi.waitFor(() => expect(dpiaIn(root)!.dataset.status).toBe('stated'));
    expect(dpiaIn(root)!.dataset.detected).toBe('negated');
    expect(dpiaIn(root)!.querySelector('[data-testid=safeguard-corrected]')!.textContent).toContain('Raadslens las: niet gedaan');
    // The verdict's open points no longer name the DPIA: the reader says it was done.
    expect(root.querySelector('[data-testid=verdict]')!.textContent).not.toBe(openBefore);

    const id = normaliseDocumentUrl(URL_);
    expect(await correctionsRepo.listByDocument(id)).toMatchObject([{ safeguard: 'dpia', status: 'stated', detected: 'negated' }]);
    // Stored as the panel and the viewer name the PDF, with what was read for a later letter.
    const stored = await documentsRepo.get(id);
    expect(stored).toMatchObject({ title: "Raadsvoorstel slimme camera's", gemeente: 'Zwolle' });
    expect(stored!.checklist!.items.find((i) => i.id === 'dpia')).toMatchObject({ status: 'negated' });

    const again = draw();
    await vi.waitFor(() => expect(dpiaIn(again)!.dataset.status).toBe('stated'));

    // Back to what was read.
    await act(async () => dpiaIn(again)!.querySelector<HTMLButtonElement>('[data-testid=safeguard-corrected] button')!.click());
    await vi.waitFor(() => expect(dpiaIn(again)!.dataset.status).toBe('negated'));
    expect(await correctionsRepo.listByDocument(id)).toEqual([]);
  });

  it('read before it was kept: the first note stores the document, and what was read is kept with it for a letter from “Alles”', async () => {
    const url = 'https://zwolle.raadsinformatie.nl/document/90007/1/Raadsvoorstel+camera%27s+nieuw';
    draw(url);
    await settle();
    const id = normaliseDocumentUrl(url);
    expect(await documentsRepo.get(id)).toBeUndefined();
    await act(async () => void (await addNote(documentFacts(url, "Raadsvoorstel camera's", undefined), { text: 'Waarom geen DPIA?' })));
    await vi.waitFor(async () => expect((await documentsRepo.get(id))?.checklist?.items.find((i) => i.id === 'dpia')).toMatchObject({ status: 'negated' }));
    // Kept once: the write it makes does not make another.
    const kept = (await documentsRepo.get(id))!.updatedAt;
    await settle();
    expect((await documentsRepo.get(id))!.updatedAt).toBe(kept);
  });

  it('a correction of one PDF is not another’s', async () => {
    const root = draw();
    await settle();
    await act(async () => dpiaIn(root)!.querySelector<HTMLButtonElement>('[data-testid=safeguard-correct][data-status=stated]')!.click());
    await vi.waitFor(() => expect(dpiaIn(root)!.dataset.status).toBe('stated'));
    const other = draw('https://zwolle.raadsinformatie.nl/document/90005/1/Bijlage');
    await settle();
    expect(dpiaIn(other)!.dataset.status).toBe('negated');
  });

  it('in the PDF tab the results show the panel’s checklist: its corrections are read once per change, not once more for the results', async () => {
    const reads = vi.spyOn(correctionsRepo, 'listByDocument');
    const url = 'https://zwolle.raadsinformatie.nl/document/90006/1/Raadsvoorstel';
    // As the panel draws a PDF tab: one checklist for the verdict and the letter, handed down.
    function Tab() {
      const checklist = useDocumentChecklist(url, () => documentFacts(url, "Raadsvoorstel slimme camera's", undefined), result.assessment, rules);
      return (
        <>
          <PdfVerdict result={result} rules={rules} items={checklist.items} />
          <PdfResults result={result} url={url} name="Raadsvoorstel slimme camera's" fromCache={false} rules={rules} onOpen={() => {}} withVerdict={false} checklist={checklist} />
        </>
      );
    }
    const root = mount(<Tab />);
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    const verdictBefore = root.querySelector('[data-testid=verdict]')!.textContent;
    await act(async () => dpiaIn(root)!.querySelector<HTMLButtonElement>('[data-testid=safeguard-correct][data-status=stated]')!.click());
    await vi.waitFor(() => expect(dpiaIn(root)!.dataset.status).toBe('stated'));
    await settle();
    // The correction's own read, and the one every view of the record makes at a change: one hook's.
    expect(reads).toHaveBeenCalledTimes(3);
    expect(root.querySelectorAll('[data-testid=verdict]')).toHaveLength(1);
    expect(root.querySelector('[data-testid=verdict]')!.textContent).not.toBe(verdictBefore);
    reads.mockRestore();
  });
});

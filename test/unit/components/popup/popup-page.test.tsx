// The popup on a page that is not a document (a list whose rows the portal has yet to fetch, a
// bot check, an error page, an empty list) says what it is, as the side panel does, not "Geen
// vondsten op deze pagina": on an iBabs list of moties before its rows come that read as "none
// of these moties is about technology". And on an agenda whose agendapunten show their documents
// only when opened, it says how many, as the panel's coverage line does.
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../../components/popup/Popup';
import { t } from '../../../../lib/extension/i18n';
import type { ScanReport } from '../../../../lib/extension/messages/protocol';
import { sampleReadReport } from '../../support/scan-report';
import { mount } from '../../support/mount';

const state = vi.hoisted(() => ({ report: undefined as unknown }));
vi.mock('../../../../lib/extension/ui/hooks', () => ({
  useTargetTab: () => 7,
  useTabInfo: () => ({ url: 'https://almere.bestuurlijkeinformatie.nl/Reports/Details/1', title: 'Moties' }),
  useDocumentReport: () => state.report,
  useTabPdf: () => null,
}));

// The site-access button asks the browser for permissions: not what this test is about.
vi.mock('../../../../components/common/SiteAccess', () => ({ AlwaysScanButton: () => null }));

function popupFor(report: ScanReport): HTMLElement {
  state.report = report;
  return mount(<Popup />);
}

describe('Popup on a page that is not a document', () => {
  it.each([
    [{ kind: 'loading' } as const, t('pageLoading')],
    [{ kind: 'botcheck', by: 'Anubis' } as const, t('pageBotcheckBy', 'Anubis')],
    [{ kind: 'error' } as const, t('pageError')],
    [{ kind: 'empty' } as const, t('pageEmpty')],
  ])('%o: says what the page is, no count', (page, text) => {
    const root = popupFor({ ...sampleReadReport({ matchCount: 0, page }), matches: [] });
    const said = root.querySelector('[data-testid="popup-page-kind"]');
    expect(said?.textContent).toBe(text);
    expect(said?.getAttribute('data-kind')).toBe(page.kind);
    expect(root.querySelector('[data-testid="popup-count"]')).toBeNull();
    expect(root.textContent).not.toContain(t('popupNoneOnPage'));
  });

  it('a document still has its count', () => {
    const root = popupFor({ ...sampleReadReport({ matchCount: 0 }), matches: [] });
    expect(root.querySelector('[data-testid="popup-count"]')?.textContent).toBe(t('popupNoneOnPage'));
    expect(root.querySelector('[data-testid="popup-page-kind"]')).toBeNull();
  });
});

describe('Popup on an agenda whose agendapunten hold documents the page shows only when opened', () => {
  it('says how many agendapunten, beside the count of the page', () => {
    const many = popupFor({ ...sampleReadReport({ matchCount: 0, documentsLater: 13 }), matches: [] });
    expect(many.querySelector('[data-testid="popup-documents-later"]')?.textContent).toBe(`${t('coverageLater', '13')}.`);
    const one = popupFor({ ...sampleReadReport({ matchCount: 0, documentsLater: 1 }), matches: [] });
    expect(one.querySelector('[data-testid="popup-documents-later"]')?.textContent).toBe(`${t('coverageLaterOne')}.`);
    const none = popupFor({ ...sampleReadReport({ matchCount: 0 }), matches: [] });
    expect(none.querySelector('[data-testid="popup-documents-later"]')).toBeNull();
  });
});

describe("Popup on a page with attachments: the page's count is not theirs", () => {
  it('says how many attachments, as a number in the sentence, one in the singular', () => {
    const attachment = (i: number) => ({ name: `Bijlage ${i}`, url: `https://x.nl/b${i}.pdf` });
    const two = popupFor({ ...sampleReadReport({ attachments: [1, 2].map(attachment) }) });
    expect(two.querySelector('[data-testid="popup-attachments"]')?.textContent).toBe('De 2 bijlagen van deze pagina tellen hierin niet mee: lees ze in het zijpaneel.');
    const one = popupFor({ ...sampleReadReport({ attachments: [attachment(1)] }) });
    expect(one.querySelector('[data-testid="popup-attachments"]')?.textContent).toBe('De bijlage van deze pagina telt hierin niet mee: lees die in het zijpaneel.');
    const none = popupFor({ ...sampleReadReport({ attachments: [] }) });
    expect(none.querySelector('[data-testid="popup-attachments"]')).toBeNull();
  });
});

// The side panel reads the PDF a tab shows on its own, and fetches an unexplained address only
// where it may and where no content script will report: against the fake browser, with the
// permissions and the tab's content script stubbed.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useTabReading, type TabReading } from '../../../../components/panel/PdfTab';
import type { PdfScans } from '../../../../components/panel/PdfScanState';
import type { ScanReport } from '../../../../lib/extension/messages/protocol';
import type { TabInfo } from '../../../../lib/extension/ui/hooks';
import { savePdfTab } from '../../../../lib/extension/tabs/tab-state';
import { mount } from '../../support/mount';

afterEach(() => vi.restoreAllMocks());

const IBABS = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/6b0e52a1?documentId=0c9d7e12';
const NOTUBIZ = 'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie+Relschoppers';

interface World {
  /** Origins Raadslens may fetch from. */
  granted?: string[];
  /** A content script answers in the tab. */
  script?: boolean;
}

function world({ granted = [], script = false }: World) {
  const p = fakeBrowser.permissions as unknown as Record<string, (...a: never[]) => unknown>;
  vi.spyOn(p, 'contains').mockImplementation((async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))) as never);
  const ping = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
    if (!script) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, value: 'pong' };
  }) as never);
  const scans: PdfScans = { states: {}, scan: vi.fn(), cancel: vi.fn(), cancelAll: vi.fn() };
  return { scans, ping };
}

async function read(tab: TabInfo, report: ScanReport | null, scans: PdfScans): Promise<TabReading> {
  const out: { current?: TabReading } = {};
  function Reader() {
    out.current = useTabReading(3, tab, report, scans);
    return null;
  }
  mount(<Reader />);
  // Storage reads, the permission check and the ping are all promises.
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  return out.current!;
}

describe('useTabReading', () => {
  it('reads a PDF the browser shows (the content script said so) at once, without a prompt', async () => {
    const { scans } = world({ granted: ['https://almelo.bestuurlijkeinformatie.nl/*'] });
    await savePdfTab(3, IBABS);
    const r = await read({ url: IBABS, title: 'Aandachtspuntenlijst 2008', status: 'complete' }, null, scans);
    expect(r.document).toEqual({ kind: 'pdf', url: IBABS, by: 'browser' });
    expect(scans.scan).toHaveBeenCalledWith([{ url: IBABS, name: undefined, tabTitle: 'Aandachtspuntenlijst 2008' }], { auto: true, page: IBABS });
  });

  it('reads a PDF by its address before anything else has answered, named as the portal page that links it', async () => {
    const { scans } = world({});
    await fakeBrowser.storage.session.set({ 'tab:9': { attachments: [{ name: 'Motie I.6 (VVD)', url: NOTUBIZ }] } });
    const r = await read({ url: NOTUBIZ, title: 'I_6++VVD+motie+Relschoppers', status: 'loading' }, null, scans);
    expect(r.document.kind).toBe('pdf');
    expect(r.name).toBe('Motie I.6 (VVD)');
    // Automatic: a host Raadslens may not read is left for the reader to allow (PdfScanState).
    expect(scans.scan).toHaveBeenCalledWith([expect.objectContaining({ url: NOTUBIZ, name: 'Motie I.6 (VVD)' })], { auto: true, page: NOTUBIZ });
  });

  it('fetches an unexplained address once it loaded, on a portal, where no content script answers (Firefox’s viewer)', async () => {
    const { scans, ping } = world({ granted: ['https://almelo.bestuurlijkeinformatie.nl/*'] });
    const r = await read({ url: IBABS, title: '', status: 'complete' }, null, scans);
    expect(r.document.kind).toBe('unknown');
    expect(ping).toHaveBeenCalledTimes(1);
    expect(scans.scan).toHaveBeenCalledWith([expect.objectContaining({ url: IBABS })], { auto: true, page: IBABS });
  });

  it('does not fetch where a content script answers (its report is coming), before the tab loaded, or without permission', async () => {
    const answering = world({ granted: ['https://almelo.bestuurlijkeinformatie.nl/*'], script: true });
    await read({ url: IBABS, title: '', status: 'complete' }, null, answering.scans);
    expect(answering.scans.scan).not.toHaveBeenCalled();
    vi.restoreAllMocks();

    const loading = world({ granted: ['https://almelo.bestuurlijkeinformatie.nl/*'] });
    await read({ url: IBABS, title: '', status: 'loading' }, null, loading.scans);
    expect(loading.scans.scan).not.toHaveBeenCalled();
    expect(loading.ping).not.toHaveBeenCalled();
    vi.restoreAllMocks();

    const elsewhere = world({});
    await read({ url: 'https://raad.example.nl/stuk?id=4', title: '', status: 'complete' }, null, elsewhere.scans);
    expect(elsewhere.scans.scan).not.toHaveBeenCalled();
    expect(elsewhere.ping).not.toHaveBeenCalled();
  });

  it('leaves a page the content script reported alone, even at a PDF-shaped address', async () => {
    const { scans } = world({ granted: ['https://denhaag.raadsinformatie.nl/*'] });
    const r = await read({ url: NOTUBIZ, title: 'Inloggen', status: 'complete' }, { matchCount: 0 } as ScanReport, scans);
    expect(r.document).toEqual({ kind: 'page' });
    expect(scans.scan).not.toHaveBeenCalled();
  });
});

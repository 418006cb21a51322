// "Alles stoppen" (issue 17, target 5: cancel within 100 ms): the rows say "gestopt" in the
// click's own task, not after a timer that waits behind a frame and the workers' queued messages.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePdfScans, type PdfScans } from '../../../../components/panel/PdfScanState';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { mount } from '../../support/mount';

afterEach(() => vi.restoreAllMocks());

const DOCS = ['https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/1', 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/2'];

describe('cancelAll', () => {
  it('draws every row stopped at once, without waiting for a timer', async () => {
    // Asked for the portal's documents: the scan waits on the permission (never answered here),
    // so both documents are pending in the pool when the reader stops them.
    const p = fakeBrowser.permissions as unknown as Record<string, (...a: never[]) => unknown>;
    vi.spyOn(p, 'contains').mockImplementation((() => new Promise(() => {})) as never);
    vi.spyOn(p, 'request').mockImplementation((() => new Promise(() => {})) as never);
    const out: { scans?: PdfScans } = {};
    function Panel() {
      out.scans = usePdfScans(loadBuiltinRules());
      return <ul>{Object.entries(out.scans.states).map(([url, s]) => <li key={url} data-status={s.status} />)}</ul>;
    }
    const root = mount(<Panel />);
    await act(async () => {
      out.scans!.scan(DOCS.map((url) => ({ url })), { auto: true });
      await new Promise((r) => setTimeout(r, 20));
    });
    const statuses = () => [...root.querySelectorAll('li')].map((li) => li.getAttribute('data-status'));
    expect(statuses()).toHaveLength(2);
    expect(statuses().every((s) => s === 'queued' || s === 'running')).toBe(true);
    // act() renders what was set in it, but runs no timer.
    act(() => out.scans!.cancelAll());
    expect(statuses()).toEqual(['error', 'error']);
  });
});

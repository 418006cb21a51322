import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToTab } from '@/lib/extension/messages/send';

function pageAnswers(reply: unknown) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(reply as never);
}

describe('sendToTab', () => {
  it('returns a reply that has the shape the protocol promises', async () => {
    pageAnswers({ ok: true, value: [{ id: 'note:a', found: true }, { id: 'flag:b', found: false }] });
    await expect(sendToTab(1, { type: 'locate-anchors', entries: [] })).resolves.toEqual([
      { id: 'note:a', found: true },
      { id: 'flag:b', found: false },
    ]);
  });

  it('refuses a reply of the wrong shape instead of passing it on', async () => {
    pageAnswers({ ok: true, value: { exact: 'x', start: 'nul' } });
    await expect(sendToTab(1, { type: 'get-selection' })).rejects.toThrow(/onverwacht antwoord/);
  });

  it('passes the page’s own error on, and treats no answer as an error', async () => {
    pageAnswers({ ok: false, error: 'kapot' });
    await expect(sendToTab(1, { type: 'ping' })).rejects.toThrow('kapot');
    pageAnswers(undefined);
    await expect(sendToTab(1, { type: 'ping' })).rejects.toThrow(/geen antwoord/);
  });
});

// "Open het document" from the record opens web addresses only, whatever the database holds: an
// address stored by an older version or a backup could otherwise run a script or show a browser page.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openAtPassage } from '../../../../lib/extension/ui/open-entry';

describe('openAtPassage', () => {
  it.each([
    'data:text/html,<script>alert(document.domain)</script>',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'chrome://settings/',
    'about:blank',
    'geen adres',
  ])('refuses %s with a Dutch message and opens nothing', async (url) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await expect(openAtPassage(url, undefined)).rejects.toThrow(/alleen webadressen \(http of https\)/);
    expect(create).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
  });

  it('opens a web address in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(openAtPassage('https://utrecht.raadsinformatie.nl/document/1', undefined)).resolves.toBe('opened');
    expect(create).toHaveBeenCalledWith({ url: 'https://utrecht.raadsinformatie.nl/document/1', active: true });
  });
});

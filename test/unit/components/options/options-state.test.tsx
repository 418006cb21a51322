// The options page's settings are shown before the browser's policy answers (Chromium takes 2–3 s
// over a profile's first storage.managed call), and the policy applies once it does.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettings } from '../../../../components/options/OptionsState';
import { SETTINGS_KEY } from '../../../../lib/extension/settings/defaults';
import { defaultSettings } from '../../../../lib/extension/settings';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function Probe() {
  const { settings, griffie } = useSettings();
  return <p data-disabled={settings ? settings.disabledCategories.join(',') : 'null'} data-locked={[...(griffie?.locked ?? [])].join(',')} />;
}

describe('useSettings', () => {
  it('shows the stored settings while storage.managed has not answered, then the policy', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), disabledCategories: ['drone'] } });
    let answer!: (v: unknown) => void;
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((r) => (answer = r)) as never);
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Probe />, root));
    const p = root.querySelector('p')!;
    await vi.waitFor(() => expect(p.dataset.disabled).toBe('drone'));
    expect(p.dataset.locked).toBe('');
    await act(async () => answer({ settings: { disabledCategories: ['camera'] }, locked: ['disabledCategories'] }));
    await vi.waitFor(() => expect(p.dataset.disabled).toBe('camera'));
    expect(p.dataset.locked).toBe('disabledCategories');
  });
});

// The granted-sites list as the options page embeds it, against a browser whose permissions
// and scripting are in memory (WXT's fake browser has neither).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteAccess } from '../../../../components/common/SiteAccess';
import { SITE_SCRIPT_PREFIX } from '../../../../lib/extension/permissions';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

type Fn = (...args: never[]) => unknown;
/** Replaces one method of the fake browser for this test (restored in afterEach). */
function stub(obj: unknown, key: string, impl: Fn) {
  vi.spyOn(obj as Record<string, Fn>, key).mockImplementation(impl);
}

function fakePermissions(granted: string[]) {
  const origins = new Set(granted);
  const scripts = new Set(granted.map((g) => SITE_SCRIPT_PREFIX + g));
  const listeners: Array<() => void> = [];
  const p = fakeBrowser.permissions as unknown as Record<string, unknown>;
  const s = fakeBrowser.scripting as unknown as Record<string, unknown>;
  stub(p, 'getAll', async () => ({ origins: [...origins] }));
  stub(p, 'remove', async ({ origins: o }: { origins: string[] }) => {
    o.forEach((x) => origins.delete(x));
    listeners.forEach((l) => l());
    return true;
  });
  for (const ev of ['onAdded', 'onRemoved'] as const) {
    const e = p[ev] as Record<string, unknown>;
    stub(e, 'addListener', (l: () => void) => listeners.push(l));
    stub(e, 'removeListener', () => {});
  }
  stub(s, 'getRegisteredContentScripts', async () => [...scripts].map((id) => ({ id })));
  stub(s, 'unregisterContentScripts', async ({ ids }: { ids: string[] }) => {
    ids.forEach((id) => scripts.delete(id));
  });
  return { origins, scripts };
}

async function mount() {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<SiteAccess />, root);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('SiteAccess', () => {
  it('lists the granted sites (not the portal hosts) and revokes one with its button', async () => {
    const state = fakePermissions(['https://raad.zutphen.nl/*', 'https://utrecht.bestuurlijkeinformatie.nl/*', '*://*.bestuurlijkeinformatie.nl/*']);
    await mount();
    const rows = () => [...root.querySelectorAll('[data-testid="granted-site"]')];
    expect(rows().map((r) => r.textContent)).toEqual(['raad.zutphen.nlIntrekken', 'utrecht.bestuurlijkeinformatie.nlIntrekken']);
    const revoke = rows()[0]!.querySelector('button')!;
    expect(revoke.getAttribute('aria-label')).toBe('Toestemming voor raad.zutphen.nl intrekken');
    await act(async () => {
      revoke.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(state.origins.has('https://raad.zutphen.nl/*')).toBe(false);
    expect(state.scripts.has(`${SITE_SCRIPT_PREFIX}https://raad.zutphen.nl/*`)).toBe(false);
    expect(rows().map((r) => r.getAttribute('data-pattern'))).toEqual(['https://utrecht.bestuurlijkeinformatie.nl/*']);
  });

  it('says so when there are no extra sites', async () => {
    fakePermissions(['*://*.raadsinformatie.nl/*']);
    await mount();
    expect(root.querySelector('[data-testid="site-access-empty"]')?.textContent).toContain('nog geen extra sites');
    expect(root.querySelectorAll('[data-testid="granted-site"]')).toHaveLength(0);
  });
});

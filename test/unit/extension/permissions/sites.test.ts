import { describe, expect, it } from 'vitest';
import {
  SITE_SCRIPT_PREFIX,
  grantedSites,
  isKnownPortal,
  requestSite,
  revokeSite,
  stopRevokedTabs,
  sitePatternFor,
  syncSiteScripts,
  type SiteApi,
} from '@/lib/extension/permissions';
import { PORTAL_MATCH_PATTERNS } from '@/lib/surface/page/portals/hosts';

/** An in-memory browser: grants and registered scripts, and a log of the calls made. */
function fakeApi(initial: string[] = [], answer = true) {
  const granted = new Set([...PORTAL_MATCH_PATTERNS, ...initial]);
  const scripts = new Map<string, { id: string; matches?: string[]; js?: string[]; persistAcrossSessions?: boolean }>();
  const calls: string[] = [];
  const api: SiteApi = {
    permissions: {
      getAll: async () => ({ origins: [...granted] }),
      contains: async ({ origins = [] }) => origins.every((o) => granted.has(o)),
      request: async ({ origins = [] }) => {
        calls.push(`request ${origins.join(',')}`);
        if (answer) origins.forEach((o) => granted.add(o));
        return answer;
      },
      remove: async ({ origins = [] }) => {
        calls.push(`remove ${origins.join(',')}`);
        origins.forEach((o) => granted.delete(o));
        return true;
      },
    },
    scripting: {
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
        calls.push(`register ${list.map((s) => s.id).join(',')}`);
      },
      getRegisteredContentScripts: async (filter) => [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      unregisterContentScripts: async (filter) => {
        for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
        calls.push(`unregister ${(filter?.ids ?? []).join(',')}`);
      },
    },
  };
  return { api, granted, scripts, calls };
}

describe('site grants', () => {
  it('turns a page URL into one origin pattern, only for http(s)', () => {
    expect(sitePatternFor('https://raad.zutphen.nl/vergaderstukken/raadsstuk/cameratoezicht?x=1#y')).toBe('https://raad.zutphen.nl/*');
    expect(sitePatternFor('http://Onbekend.Example:8080/pagina')).toBe('http://onbekend.example/*');
    expect(sitePatternFor('chrome://extensions/')).toBeNull();
    expect(sitePatternFor('file:///tmp/x.html')).toBeNull();
    expect(sitePatternFor('niet een url')).toBeNull();
    expect(sitePatternFor(undefined)).toBeNull();
  });

  it('knows which hosts are portals already (no grant needed)', () => {
    expect(isKnownPortal('https://utrecht.bestuurlijkeinformatie.nl/Agenda')).toBe(true);
    expect(isKnownPortal('https://raad.dordrecht.nl/')).toBe(true);
    expect(isKnownPortal('https://raad.zutphen.nl/')).toBe(false);
  });

  it('lists only single-site grants, not the manifest hosts or broad patterns', async () => {
    const { api } = fakeApi(['https://raad.zutphen.nl/*', 'https://*/*', '<all_urls>', 'http://onbekend.example/*']);
    expect(await grantedSites(api)).toEqual(['http://onbekend.example/*', 'https://raad.zutphen.nl/*']);
  });

  it('asks for exactly one origin and refuses broad patterns', async () => {
    const { api, calls } = fakeApi();
    expect(await requestSite('https://raad.zutphen.nl/*', api)).toBe(true);
    expect(calls).toEqual(['request https://raad.zutphen.nl/*']);
    await expect(requestSite('https://*/*', api)).rejects.toThrow(/Geen geldige site/);
    await expect(requestSite('<all_urls>', api)).rejects.toThrow();
    expect(calls).toHaveLength(1);
  });

  it('registers a content script for a granted site, once, persisting across sessions', async () => {
    const { api, scripts } = fakeApi(['https://raad.zutphen.nl/*']);
    expect(await syncSiteScripts(api)).toEqual(['https://raad.zutphen.nl/*']);
    const script = scripts.get(`${SITE_SCRIPT_PREFIX}https://raad.zutphen.nl/*`);
    expect(script).toMatchObject({ matches: ['https://raad.zutphen.nl/*'], js: ['content-scripts/content.js'], persistAcrossSessions: true });
    // A second sync (worker restart, browser start) registers nothing twice.
    await syncSiteScripts(api);
    expect(scripts.size).toBe(1);
  });

  it('re-registers after a restart that lost the registrations, and drops ones without a grant', async () => {
    const { api, scripts, granted } = fakeApi(['https://raad.zutphen.nl/*', 'https://ris.example.nl/*']);
    await syncSiteScripts(api);
    scripts.clear(); // a browser without persistent registrations
    granted.delete('https://ris.example.nl/*'); // revoked in the browser's own settings
    await syncSiteScripts(api);
    expect([...scripts.keys()]).toEqual([`${SITE_SCRIPT_PREFIX}https://raad.zutphen.nl/*`]);
    granted.delete('https://raad.zutphen.nl/*');
    await syncSiteScripts(api);
    expect(scripts.size).toBe(0);
  });

  it('leaves other registered scripts alone', async () => {
    const { api, scripts } = fakeApi();
    await api.scripting.registerContentScripts([{ id: 'iemand-anders', matches: ['https://x.nl/*'] }]);
    await syncSiteScripts(api);
    expect([...scripts.keys()]).toEqual(['iemand-anders']);
  });

  it('revoking unregisters the script and gives the permission back', async () => {
    const { api, scripts, granted, calls } = fakeApi(['https://raad.zutphen.nl/*']);
    await syncSiteScripts(api);
    await revokeSite('https://raad.zutphen.nl/*', api);
    expect(scripts.size).toBe(0);
    expect(granted.has('https://raad.zutphen.nl/*')).toBe(false);
    expect(calls.at(-1)).toBe('remove https://raad.zutphen.nl/*');
    expect(await grantedSites(api)).toEqual([]);
  });

  it('a refused request grants and registers nothing', async () => {
    const { api, scripts } = fakeApi([], false);
    expect(await requestSite('https://raad.zutphen.nl/*', api)).toBe(false);
    expect(await syncSiteScripts(api)).toEqual([]);
    expect(scripts.size).toBe(0);
  });
});

describe('taking a site back', () => {
  it('stops the open tabs of the revoked site and drops their reports, and leaves portals and other sites alone', async () => {
    const calls: string[] = [];
    const asked: string[][] = [];
    await stopRevokedTabs(['https://raad.zutphen.nl/*', PORTAL_MATCH_PATTERNS[0]!, 'https://*/*'], {
      tabsOn: async (patterns) => {
        asked.push(patterns);
        return [{ id: 4 }, { id: undefined }, { id: 9 }];
      },
      stopTab: async (id) => {
        calls.push(`stop ${id}`);
        if (id === 4) throw new Error('Could not establish connection'); // no script in that tab
      },
      dropReport: async (id) => void calls.push(`drop ${id}`),
    });
    expect(asked).toEqual([['https://raad.zutphen.nl/*']]);
    expect(calls).toEqual(['stop 4', 'drop 4', 'stop 9', 'drop 9']);
  });

  it('asks for no tabs when only portals or broad patterns went', async () => {
    let asked = false;
    await stopRevokedTabs([PORTAL_MATCH_PATTERNS[0]!, '<all_urls>'], {
      tabsOn: async () => ((asked = true), []),
      stopTab: async () => undefined,
      dropReport: async () => undefined,
    });
    expect(asked).toBe(false);
  });
});

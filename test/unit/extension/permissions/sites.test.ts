import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_GRANTS_KEY,
  SITE_LIST_KEY,
  SITE_SCRIPT_PREFIX,
  documentGrantsLeft,
  holdGrant,
  isDocumentGrant,
  listedSites,
  noteDocumentGrant,
  releaseGrant,
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
function fakeApi(initial: string[] = [], answer = true, stored: Record<string, unknown> = {}) {
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
    storage: {
      local: {
        get: async (key) => (key in stored ? { [key]: structuredClone(stored[key]) } : {}),
        set: async (items) => void Object.assign(stored, structuredClone(items)),
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
  return { api, granted, scripts, calls, stored };
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

describe('the always-scan list and grants for one document', () => {
  it('a grant the reader gave for a PDF is not a site: no scanner is registered for it', async () => {
    const { api, scripts } = fakeApi([], true, { [SITE_LIST_KEY]: ['https://raad.zutphen.nl/*'] });
    await requestSite('https://raad.zutphen.nl/*', api);
    // What the PDF prompt grants: the same pattern shape, but not on the list.
    await api.permissions.request({ origins: ['https://www.zutphen.nl/*'] });
    expect(await grantedSites(api)).toEqual(['https://raad.zutphen.nl/*']);
    expect(await syncSiteScripts(api)).toEqual(['https://raad.zutphen.nl/*']);
    expect([...scripts.keys()]).toEqual([SITE_SCRIPT_PREFIX + 'https://raad.zutphen.nl/*']);
  });

  it('lists a site once granted, and removing it from the list gives the grant back', async () => {
    const { api, granted, stored } = fakeApi();
    expect(await requestSite('https://raad.zutphen.nl/*', api)).toBe(true);
    expect(await listedSites(api)).toEqual(['https://raad.zutphen.nl/*']);
    await revokeSite('https://raad.zutphen.nl/*', api);
    expect(stored[SITE_LIST_KEY]).toEqual([]);
    expect(granted.has('https://raad.zutphen.nl/*')).toBe(false);
  });

  it('does not list a site the reader refused', async () => {
    const { api } = fakeApi([], false);
    expect(await requestSite('https://raad.zutphen.nl/*', api)).toBe(false);
    expect(await listedSites(api)).toEqual([]);
  });

  it('keeps the sites granted before the list existed, except addresses no prompt should have granted', async () => {
    const { api, stored } = fakeApi(['https://raad.zutphen.nl/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://printer.local/*']);
    expect(await grantedSites(api)).toEqual(['https://raad.zutphen.nl/*']);
    expect(stored[SITE_LIST_KEY]).toEqual(['https://raad.zutphen.nl/*']);
  });

  it('gives a document grant back after its last document, not before, and never a listed site', async () => {
    // The background makes the list at its first start, before any PDF prompt.
    const { api, granted } = fakeApi([], true, { [SITE_LIST_KEY]: [] });
    await api.permissions.request({ origins: ['https://www.zutphen.nl/*'] });
    await noteDocumentGrant('https://www.zutphen.nl/*', api);
    holdGrant('https://www.zutphen.nl/*');
    holdGrant('https://www.zutphen.nl/*');
    await releaseGrant('https://www.zutphen.nl/*', api);
    expect(granted.has('https://www.zutphen.nl/*')).toBe(true); // the second PDF on this host is still being read
    await releaseGrant('https://www.zutphen.nl/*', api);
    expect(granted.has('https://www.zutphen.nl/*')).toBe(false);
    expect(await isDocumentGrant('https://www.zutphen.nl/*', api)).toBe(false);

    await requestSite('https://raad.zutphen.nl/*', api);
    await noteDocumentGrant('https://raad.zutphen.nl/*', api);
    holdGrant('https://raad.zutphen.nl/*');
    await releaseGrant('https://raad.zutphen.nl/*', api);
    expect(granted.has('https://raad.zutphen.nl/*')).toBe(true);
  });

  it('leaves a grant that was not for documents alone', async () => {
    const { api, granted } = fakeApi(['https://www.zutphen.nl/*']);
    holdGrant('https://www.zutphen.nl/*');
    await releaseGrant('https://www.zutphen.nl/*', api);
    expect(granted.has('https://www.zutphen.nl/*')).toBe(true);
  });

  it('at start-up gives back the document grants a closed panel left', async () => {
    const { api, granted, stored } = fakeApi(['https://www.zutphen.nl/*', 'https://raad.zutphen.nl/*'], true, {
      [SITE_LIST_KEY]: ['https://raad.zutphen.nl/*'],
      [DOCUMENT_GRANTS_KEY]: ['https://www.zutphen.nl/*', 'https://raad.zutphen.nl/*'],
    });
    expect(await documentGrantsLeft(api)).toEqual(['https://www.zutphen.nl/*']);
    expect(granted.has('https://www.zutphen.nl/*')).toBe(false);
    expect(granted.has('https://raad.zutphen.nl/*')).toBe(true);
    expect(stored[DOCUMENT_GRANTS_KEY]).toEqual([]);
  });
});

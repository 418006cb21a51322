// "Deze site altijd scannen": one origin at a time, asked for in the reader's click, then a
// dynamically registered content script for exactly that origin. A site is scanned when the
// reader put it on the list (storage.local, options shows it) and the browser still grants it:
// the registrations are derived from both at every start and after every change, so a grant
// survives restarts and a revocation (here or in the browser's own settings) ends the scanning.
// A grant the reader gave to read one PDF is not a site: it is not on the list, so it never
// starts a scanner, and it is given back after use (document-grants.ts).
// GemeenteOplossingen users add their own raadsinformatie host this way.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { documentHostProblem } from './hosts';
import { CONTENT_CSS_FILE, CONTENT_SCRIPT_FILE, injectScanner } from '../background/inject';
import { sendToTab } from '../messages/send';
import { clearTabReport } from '../tabs/tab-state';
import { PORTAL_MATCH_PATTERNS, VENDOR_HOST_PATTERNS, GO_HOSTS, hostMatches } from '../../surface/page/portals/hosts';

export const SITE_SCRIPT_PREFIX = 'raadslens-site:';

interface Origins {
  origins?: string[];
}
interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  css?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

/** The parts of the extension API this module uses (injectable for tests). */
export interface SiteApi {
  permissions: {
    getAll(): Promise<Origins>;
    contains(p: Origins): Promise<boolean>;
    request(p: Origins): Promise<boolean>;
    remove(p: Origins): Promise<boolean>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  scripting: {
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
}

const defaultApi = (): SiteApi => browser as unknown as SiteApi;

/** One host, one scheme: `https://raad.zutphen.nl/*`. Broad patterns are never a "site". */
const SITE_PATTERN = /^(https?):\/\/([a-z0-9.-]+)\/\*$/i;

/** The grant pattern for the page at `url`, or null where a site grant makes no sense. */
export function sitePatternFor(url: string | undefined | null): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname || !/^[a-z0-9.-]+$/i.test(u.hostname)) return null; // IPv6 literals and the like
  return `${u.protocol}//${u.hostname.toLowerCase()}/*`;
}

/** May the extension read `url` (its host is a portal or granted)? An error answers no. */
export async function mayReadUrl(url: string, api: Pick<SiteApi, 'permissions'> = defaultApi()): Promise<boolean> {
  const pattern = sitePatternFor(url);
  if (!pattern) return false;
  return api.permissions.contains({ origins: [pattern] }).catch(() => false);
}

/** Hosts Raadslens scans without asking (the manifest's portal list). */
export function isKnownPortal(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return [...VENDOR_HOST_PATTERNS, ...GO_HOSTS].some((p) => hostMatches(p, host));
  } catch {
    return false;
  }
}

export function siteHost(pattern: string): string {
  return SITE_PATTERN.exec(pattern)?.[2] ?? pattern;
}

const scriptId = (pattern: string) => SITE_SCRIPT_PREFIX + pattern;
const manifestPatterns = new Set(PORTAL_MATCH_PATTERNS);

export const SITE_LIST_KEY = 'alwaysScanSites';
const SiteListSchema = z.array(z.string().regex(SITE_PATTERN)).max(1000);
type ListApi = Pick<SiteApi, 'permissions' | 'storage'>;

/**
 * The sites the reader chose to scan always. Before the list existed every site grant counted:
 * the first read keeps those grants as the list, except addresses a PDF prompt must never have
 * granted (IP literals, localhost, local names; see hosts.ts).
 */
export async function listedSites(api: ListApi = defaultApi()): Promise<string[]> {
  const stored = (await api.storage.local.get(SITE_LIST_KEY))[SITE_LIST_KEY];
  if (stored === undefined) {
    const { origins = [] } = await api.permissions.getAll();
    const kept = origins.filter((o) => SITE_PATTERN.test(o) && !manifestPatterns.has(o) && documentHostProblem(`${o.slice(0, -1)}`) === null);
    await api.storage.local.set({ [SITE_LIST_KEY]: kept });
    return kept;
  }
  const parsed = SiteListSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

async function changeList(api: ListApi, change: (list: string[]) => string[]): Promise<void> {
  const list = await listedSites(api);
  await api.storage.local.set({ [SITE_LIST_KEY]: [...new Set(change(list))] });
}

/** Puts patterns on the reader's list (after the browser granted them). */
export function addListedSites(patterns: readonly string[], api: ListApi = defaultApi()): Promise<void> {
  return changeList(api, (list) => [...list, ...patterns.filter((p) => SITE_PATTERN.test(p))]);
}

/** The sites the reader listed and the browser grants (optional host permissions for one host), sorted by host. */
export async function grantedSites(api: ListApi = defaultApi()): Promise<string[]> {
  const listed = new Set(await listedSites(api));
  const { origins = [] } = await api.permissions.getAll();
  return origins
    .filter((o) => SITE_PATTERN.test(o) && !manifestPatterns.has(o) && listed.has(o))
    .sort((a, b) => siteHost(a).localeCompare(siteHost(b)) || a.localeCompare(b));
}

/**
 * Asks for one site, and lists it once granted. Call it directly in the click handler, before
 * any await: browsers only show the prompt for a request that comes from a user gesture.
 */
export function requestSite(pattern: string, api: SiteApi = defaultApi()): Promise<boolean> {
  if (!SITE_PATTERN.test(pattern)) return Promise.reject(new Error(`Geen geldige site: ${pattern}`));
  return api.permissions.request({ origins: [pattern] }).then(async (ok) => {
    if (ok) await addListedSites([pattern], api);
    return ok;
  });
}

/** Makes the registrations match the grants: register what is granted, drop what is not. */
export async function syncSiteScripts(api: SiteApi = defaultApi()): Promise<string[]> {
  const sites = await grantedSites(api);
  const registered = (await api.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(SITE_SCRIPT_PREFIX));
  const wanted = new Set(sites.map(scriptId));
  const stale = registered.filter((id) => !wanted.has(id));
  if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
  const missing = sites.filter((s) => !registered.includes(scriptId(s)));
  if (missing.length) {
    await api.scripting.registerContentScripts(
      missing.map((pattern) => ({
        id: scriptId(pattern),
        matches: [pattern],
        js: [CONTENT_SCRIPT_FILE],
        css: [CONTENT_CSS_FILE],
        runAt: 'document_idle' as const,
        // Chrome keeps it across browser restarts; the start-up sync covers the others.
        persistAcrossSessions: true,
      })),
    );
  }
  return sites;
}

/** Stops scanning a site: off the list, its scanner unregistered, the permission given back. */
export async function revokeSite(pattern: string, api: SiteApi = defaultApi()): Promise<void> {
  await changeList(api, (list) => list.filter((p) => p !== pattern));
  const id = scriptId(pattern);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [id] });
  if (registered.some((s) => s.id === id)) await api.scripting.unregisterContentScripts({ ids: [id] });
  await api.permissions.remove({ origins: [pattern] });
}

/** The reader's open tabs on a newly listed and granted site are scanned at once, not after a reload. */
async function scanOpenTabs(patterns: readonly string[]): Promise<void> {
  const granted = new Set(await grantedSites());
  const sites = patterns.filter((p) => granted.has(p));
  if (sites.length === 0) return;
  for (const tab of await browser.tabs.query({ url: sites })) {
    if (tab.id === undefined) continue;
    // A tab that refuses (a browser page in the meantime) simply stays unscanned.
    await injectScanner(tab.id).catch(() => {});
  }
}

/** What stopping the tabs of a revoked site needs from the browser (tests pass their own). */
interface RevokeTabsApi {
  tabsOn(patterns: string[]): Promise<Array<{ id?: number }>>;
  stopTab(tabId: number): Promise<unknown>;
  dropReport(tabId: number): Promise<void>;
}

const defaultRevokeTabsApi = (): RevokeTabsApi => ({
  tabsOn: (patterns) => browser.tabs.query({ url: patterns }),
  stopTab: (tabId) => sendToTab(tabId, { type: 'stop' }),
  dropReport: clearTabReport,
});

/**
 * Access to a site was taken back: its open tabs stop reading now (highlights gone, no more
 * scans) rather than at their next reload, and their scan reports are dropped.
 */
export async function stopRevokedTabs(patterns: readonly string[], api: RevokeTabsApi = defaultRevokeTabsApi()): Promise<void> {
  const sites = patterns.filter((p) => SITE_PATTERN.test(p) && !manifestPatterns.has(p));
  if (sites.length === 0) return;
  for (const tab of await api.tabsOn(sites)) {
    if (tab.id === undefined) continue;
    // A tab without our script (never scanned, or a browser page by now) has nothing to stop.
    await api.stopTab(tab.id).catch(() => {});
    await api.dropReport(tab.id).catch(() => {});
  }
}

/** Background: keep registrations in step with grants, now and whenever they change. */
export function followSiteGrants(onError: (e: unknown) => void = () => {}): void {
  const sync = () => void syncSiteScripts().catch(onError);
  browser.permissions.onAdded.addListener((added) => {
    void syncSiteScripts()
      .then(() => scanOpenTabs(added.origins ?? []))
      .catch(onError);
  });
  browser.permissions.onRemoved.addListener((removed) => {
    sync();
    void stopRevokedTabs(removed.origins ?? []).catch(onError);
  });
  // The list changes after the grant (the page that asked writes it): sync again then.
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SITE_LIST_KEY];
    if (area !== 'local' || !change) return;
    const before = new Set(SiteListSchema.safeParse(change.oldValue).data ?? []);
    const added = (SiteListSchema.safeParse(change.newValue).data ?? []).filter((p) => !before.has(p));
    void syncSiteScripts()
      .then(() => scanOpenTabs(added))
      .catch(onError);
  });
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync();
}

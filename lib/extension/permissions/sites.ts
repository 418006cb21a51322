// "Deze site altijd scannen": one origin at a time, asked for in the reader's click, then a
// dynamically registered content script for exactly that origin. The grants are the truth: the
// registrations are derived from permissions.getAll() at every start and after every change,
// so a grant survives restarts and a revocation (here or in the browser's own settings) ends
// the scanning. GemeenteOplossingen users add their own raadsinformatie host this way.
import { browser } from 'wxt/browser';
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

/** The sites the reader granted (optional host permissions for one host), sorted by host. */
export async function grantedSites(api: SiteApi = defaultApi()): Promise<string[]> {
  const { origins = [] } = await api.permissions.getAll();
  return origins
    .filter((o) => SITE_PATTERN.test(o) && !manifestPatterns.has(o))
    .sort((a, b) => siteHost(a).localeCompare(siteHost(b)) || a.localeCompare(b));
}

/**
 * Asks for one site. Call it directly in the click handler, before any await: browsers only
 * show the prompt for a request that comes from a user gesture.
 */
export function requestSite(pattern: string, api: SiteApi = defaultApi()): Promise<boolean> {
  if (!SITE_PATTERN.test(pattern)) return Promise.reject(new Error(`Geen geldige site: ${pattern}`));
  return api.permissions.request({ origins: [pattern] });
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

/** Stops scanning a site and gives the permission back. */
export async function revokeSite(pattern: string, api: SiteApi = defaultApi()): Promise<void> {
  const id = scriptId(pattern);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [id] });
  if (registered.some((s) => s.id === id)) await api.scripting.unregisterContentScripts({ ids: [id] });
  await api.permissions.remove({ origins: [pattern] });
}

/** The reader's open tabs on a newly granted site are scanned at once, not after a reload. */
async function scanOpenTabs(patterns: readonly string[]): Promise<void> {
  const sites = patterns.filter((p) => SITE_PATTERN.test(p) && !manifestPatterns.has(p));
  if (sites.length === 0) return;
  for (const tab of await browser.tabs.query({ url: sites })) {
    if (tab.id === undefined) continue;
    // A tab that refuses (a browser page in the meantime) simply stays unscanned.
    await injectScanner(tab.id).catch(() => {});
  }
}

/** What stopping the tabs of a revoked site needs from the browser (tests pass their own). */
export interface RevokeTabsApi {
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
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  sync();
}

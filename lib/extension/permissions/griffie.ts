// The portal hosts the griffie names (policy `portalHosts`, or an imported settings file). A
// browser never lets an extension grant itself host access, policy or not: each host is offered
// to the reader, and once granted it is an ordinary listed site (sites.ts registers the scanner).
import { browser } from 'wxt/browser';
import { hostPatterns } from '../settings/policy';
import { addListedSites, type SiteApi } from './sites';

type GrantApi = Pick<SiteApi, 'permissions' | 'storage'>;
const defaultApi = (): GrantApi => browser as unknown as GrantApi;

/** The griffie's host that `url` is on, if any. */
export function griffieHostOf(url: string | undefined | null, hosts: readonly string[] | undefined): string | null {
  if (!url || !hosts?.length) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return hosts.includes(host) ? host : null;
  } catch {
    return null;
  }
}

/** Granted means the reader can be on either scheme: both patterns held. */
export async function griffieHostGranted(host: string, api: Pick<GrantApi, 'permissions'> = defaultApi()): Promise<boolean> {
  return api.permissions.contains({ origins: hostPatterns(host) });
}

/** Asks for one griffie host. Call it first thing in the click handler (a user gesture). */
export function requestGriffieHost(host: string, api: GrantApi = defaultApi()): Promise<boolean> {
  const origins = hostPatterns(host);
  return api.permissions.request({ origins }).then(async (ok) => {
    if (ok) await addListedSites(origins, api);
    return ok;
  });
}

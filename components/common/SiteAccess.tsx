import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/extension/i18n';
import { grantedSites, isKnownPortal, requestSite, revokeSite, sitePatternFor, siteHost } from '@/lib/extension/permissions';
import { useTabInfo } from '@/lib/extension/ui/hooks';

/** The granted sites, live: changes here, in the popup or in the browser's settings show up. */
function useGrantedSites(): { sites: string[] | null; reload: () => void } {
  const [sites, setSites] = useState<string[] | null>(null);
  const reload = useCallback(() => {
    grantedSites()
      .then(setSites)
      .catch(() => setSites([]));
  }, []);
  usePermissionChanges(reload);
  return { sites, reload };
}

/** Calls `reload` now and after every grant or revocation (here, in the popup, in the browser's settings). */
export function usePermissionChanges(reload: () => void): void {
  useEffect(() => {
    reload();
    browser.permissions.onAdded.addListener(reload);
    browser.permissions.onRemoved.addListener(reload);
    return () => {
      browser.permissions.onAdded.removeListener(reload);
      browser.permissions.onRemoved.removeListener(reload);
    };
  }, [reload]);
}

/**
 * "Sites die Raadslens altijd scant": every site the reader granted, each with "Intrekken".
 * For the options page (embed as is).
 */
export function SiteAccess() {
  const { sites, reload } = useGrantedSites();
  const [error, setError] = useState<string | null>(null);
  const revoke = (pattern: string) => {
    setError(null);
    revokeSite(pattern)
      .catch(() => setError(t('siteAccessRevokeFailed')))
      .finally(reload);
  };
  return (
    <section aria-labelledby="h-site-access" data-testid="site-access">
      <h2 id="h-site-access">{t('siteAccessHeading')}</h2>
      <p class="muted">{t('siteAccessIntro')}</p>
      {sites !== null && sites.length === 0 && <p data-testid="site-access-empty">{t('siteAccessEmpty')}</p>}
      {sites && sites.length > 0 && (
        <ul class="site-list" style={{ listStyle: 'none', padding: 0 }}>
          {sites.map((pattern) => (
            <li
              key={pattern}
              data-testid="granted-site"
              data-pattern={pattern}
              style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.8rem', padding: '0.3rem 0' }}
            >
              <span>{siteHost(pattern)}</span>
              <button type="button" onClick={() => revoke(pattern)} aria-label={t('siteAccessRevokeLabel', siteHost(pattern))} data-testid="revoke-site">
                {t('siteAccessRevoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * "Deze site altijd scannen" for the tab's site: shown on http(s) pages that are not a known
 * portal and not granted yet. The request runs first thing in the click (a user gesture);
 * the background registers the content script when the grant arrives.
 */
export function AlwaysScanButton({ tabId }: { tabId: number | null }) {
  const tab = useTabInfo(tabId);
  const pattern = sitePatternFor(tab?.url);
  const [granted, setGranted] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  useEffect(() => {
    setGranted(null);
    if (!pattern) return;
    browser.permissions
      .contains({ origins: [pattern] })
      .then(setGranted)
      .catch(() => setGranted(false));
  }, [pattern]);
  if (message) {
    return (
      <p class={message.alert ? 'notice' : 'small'} role={message.alert ? 'alert' : 'status'} data-testid="always-scan-result">
        {message.text}
      </p>
    );
  }
  if (!tab || !pattern || isKnownPortal(tab.url) || granted !== false) return null;
  const onClick = () => {
    requestSite(pattern)
      .then((ok) => {
        setGranted(ok);
        setMessage(ok ? { text: t('alwaysScanGranted', siteHost(pattern)), alert: false } : { text: t('alwaysScanDenied'), alert: true });
      })
      .catch(() => setMessage({ text: t('alwaysScanDenied'), alert: true }));
  };
  return (
    <button type="button" data-testid="always-scan" onClick={onClick}>
      {t('alwaysScanSite')}
    </button>
  );
}

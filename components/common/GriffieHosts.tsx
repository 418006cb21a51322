// The griffie's portal hosts, offered to the reader: in the options page as a list, in the side
// panel for the site the tab is on. One click asks the browser; the browser asks the reader
// (no extension can grant itself a site, not even under a policy), and the intro says so.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import { griffieHostGranted, griffieHostOf, requestGriffieHost } from '@/lib/extension/permissions';
import { usePermissionChanges } from './SiteAccess';
import { loadGriffie, watchEffectiveSettings, type GriffieState } from '@/lib/extension/settings';

/** The griffie's settings, live (policy, imported file). */
export function useGriffie(): GriffieState | null {
  const [griffie, setGriffie] = useState<GriffieState | null>(null);
  useEffect(() => {
    let live = true;
    void loadGriffie().then((g) => live && setGriffie(g));
    const stop = watchEffectiveSettings((l) => live && setGriffie(l.griffie));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return griffie;
}

/** Per host: granted or not, live with the browser's grants. */
function useGrants(hosts: readonly string[]): Record<string, boolean> {
  const [grants, setGrants] = useState<Record<string, boolean>>({});
  const key = hosts.join(' ');
  const reload = useCallback(() => {
    void Promise.all(hosts.map((h) => griffieHostGranted(h).catch(() => false))).then((g) =>
      setGrants(Object.fromEntries(hosts.map((h, i) => [h, g[i] ?? false]))),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  usePermissionChanges(reload);
  return grants;
}

function GrantButton({ host, onDone }: { host: string; onDone: (ok: boolean) => void }) {
  // The request is the first thing in the click: browsers prompt only within a user gesture.
  const onClick = () =>
    void requestGriffieHost(host)
      .then(onDone)
      .catch(() => onDone(false));
  return (
    <button type="button" class="primary" data-testid="griffie-host-grant" onClick={onClick} aria-label={t('griffieHostGrantLabel', host)}>
      {t('griffieHostGrant')}
    </button>
  );
}

/** Options: every host the griffie named, granted or with "Toestaan". */
export function GriffieHostList({ hosts }: { hosts: readonly string[] }) {
  const grants = useGrants(hosts);
  const [denied, setDenied] = useState(false);
  if (hosts.length === 0) return null;
  return (
    <div data-testid="griffie-hosts">
      <h3>{t('griffieHostsHeading')}</h3>
      <p class="muted small">{t('griffieHostsIntro')}</p>
      <ul class="site-list" style={{ listStyle: 'none', padding: 0 }}>
        {hosts.map((host) => (
          <li
            key={host}
            data-testid="griffie-host"
            data-host={host}
            data-granted={String(grants[host] === true)}
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.8rem', padding: '0.3rem 0', flexWrap: 'wrap' }}
          >
            <span>
              {host} <span class="badge small">{t('griffieSetBy')}</span>
            </span>
            {grants[host] ? <span class="small">{t('griffieHostGranted')}</span> : <GrantButton host={host} onDone={(ok) => setDenied(!ok)} />}
          </li>
        ))}
      </ul>
      {denied && (
        <p class="notice" role="alert">
          {t('alwaysScanDenied')}
        </p>
      )}
    </div>
  );
}

/** Side panel: the tab is on a griffie host that is not granted yet. */
export function GriffieHostOffer({ url }: { url: string | undefined }) {
  const griffie = useGriffie();
  const host = griffieHostOf(url, griffie?.policy.portalHosts);
  const grants = useGrants(host ? [host] : []);
  const [result, setResult] = useState<boolean | null>(null);
  if (!host || grants[host] !== false) return null;
  return (
    <section class="card" data-testid="griffie-host-offer" aria-labelledby="griffie-offer-h">
      <p id="griffie-offer-h">
        <strong>{t('griffieSetBy')}</strong>: {t('griffieHostOffer', host)}
      </p>
      <p class="small muted">{t('griffieHostsIntro')}</p>
      <GrantButton host={host} onDone={setResult} />
      {result === false && (
        <p class="notice" role="alert">
          {t('alwaysScanDenied')}
        </p>
      )}
    </section>
  );
}

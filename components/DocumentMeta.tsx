import { t } from '@/lib/i18n';
import type { ScanReport } from '@/lib/messages/protocol';

// Layout here rather than in the shared theme.css: two columns, label and value.
const LIST = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.2rem 0.8rem', margin: '0 0 0.4rem' };
const ROW = { display: 'contents' };
const LABEL = { color: 'var(--muted)' };
const VALUE = { margin: 0, overflowWrap: 'anywhere' as const };

/** "Over dit stuk": what the portal page (or, for a PDF tab, its address) says about the document. */
export function DocumentMeta({ report }: { report: Pick<ScanReport, 'portal'> }) {
  const meta = report.portal;
  // The PDFs it links are listed, scannable, in the Bijlagen section right below.
  if (!meta) return null;
  const meeting = [meta?.meeting, meta?.date].filter(Boolean).join(' · ');
  const rows: Array<[string, string | undefined, string]> = [
    [t('metaGemeente'), meta?.gemeente, 'gemeente'],
    [t('metaPortal'), meta?.portal === 'generic' ? t('metaPortalGeneric') : meta?.portalLabel, 'portal'],
    [t('metaTitle'), meta?.title, 'title'],
    [t('metaType'), meta?.documentType, 'type'],
    [meta?.meeting ? t('metaMeeting') : t('metaDate'), meeting || undefined, 'meeting'],
    [t('metaAgendaItem'), meta?.agendaItem, 'agenda-item'],
  ];
  return (
    <section class="card document-meta" aria-labelledby="h-document-meta" data-testid="document-meta">
      <h2 id="h-document-meta">{t('metaHeading')}</h2>
      <dl class="meta-list" style={LIST}>
        {rows
          .filter(([, value]) => value)
          .map(([label, value, key]) => (
            <div class="meta-row" key={key} data-field={key} style={ROW}>
              <dt style={LABEL}>{label}</dt>
              <dd style={VALUE}>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

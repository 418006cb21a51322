import { t } from '@/lib/extension/i18n';
import type { ScanReport } from '@/lib/extension/messages/protocol';
import { formatCalendarDate } from '@/lib/core/time';
import { pageKindText } from '@/lib/extension/ui/page-kind-text';

/** A machine date a portal offers (Gemeenteblad's DC metadata: "2017-06-14"): shown as a reader writes it, "14 juni 2017". */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Layout here rather than in the shared theme.css: two columns, label and value.
const LIST = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.2rem 0.8rem', margin: '0 0 0.4rem' };
const ROW = { display: 'contents' };
const LABEL = { color: 'var(--muted)' };
const VALUE = { margin: 0, overflowWrap: 'anywhere' as const };

/** "Over dit stuk": what the portal page (or, for a PDF tab, its address) says about the document, one row per fact it states. */
export function DocumentMeta({ report }: { report: Pick<ScanReport, 'portal'> }) {
  const meta = report.portal;
  // The PDFs it links are listed, scannable, in the Bijlagen section right below.
  if (!meta) return null;
  // `data-field` names are a contract with checks outside this repository.
  const rows: Array<[string, string | undefined, string]> = [
    [t('metaGemeente'), meta.gemeente, 'gemeente'],
    [t('metaPortal'), meta.portal === 'generic' ? t('metaPortalGeneric') : meta.portalLabel, 'portaal'],
    // A meeting page's heading is the meeting's name: said once, as the meeting.
    [t('metaTitle'), meta.title !== meta.meeting ? meta.title : undefined, 'titel'],
    [t('metaType'), meta.documentType, 'soort'],
    [t('metaMeeting'), meta.meeting, 'vergadering'],
    [t('metaDate'), meta.date, 'datum'],
    [t('metaAgendaItem'), meta.agendaItem, 'agendapunt'],
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
              <dd style={VALUE}>{key === 'datum' && ISO_DATE.test(value!) ? <time dateTime={value}>{formatCalendarDate(value!)}</time> : value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

/** What the page is when it is not a document (bot check, error page, empty list): said instead of findings. */
export function PageKindNotice({ page }: { page: NonNullable<ScanReport['page']> }) {
  const text = pageKindText(page);
  return (
    <section class="card page-kind" role="status" data-testid="page-kind" data-kind={page.kind}>
      <p>{text}</p>
    </section>
  );
}

import { memo } from '../common/memo';
import { useState } from 'preact/hooks';
import { t, tCount } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import { PdfMatchGroups, PdfResults } from './PdfResults';
import type { DocumentChecklist } from '@/lib/extension/ui/use-checklist';
import type { ProposalDecision } from '@/lib/core/questions/proposal';
import { openPdfViewer, type PdfScanState } from './PdfScanState';
import './PdfScan.css';

interface RowProps {
  name: string;
  url: string;
  state: PdfScanState | undefined;
  rules: RuleSet;
  onScan: (fresh: boolean) => void;
  onCancel: () => void;
  /**
   * The row is a PDF's own tab: its verdict above it, its name the link in the row and its count
   * in the panel's header, so the results say neither again.
   */
  verdictAbove?: boolean;
  /** Opens the draft letter about this PDF (offered under its checklist). */
  onLetter?: () => void;
  /** The page the row's callbacks scan for (they are made from it): see ScanRowInList. */
  pageUrl?: string;
  /** The PDF's checklist as the panel keeps it (the PDF in the tab); a row of a list keeps its own. */
  checklist?: DocumentChecklist;
  /** What the list's row that links it says the raad did with it (a list of moties' status column). */
  listed?: ProposalDecision;
}

function progressText(state: PdfScanState & { status: 'running' }): string {
  if (state.phase === 'checking') return t('pdfPhaseChecking');
  if (state.phase === 'fetching') return t('pdfPhaseFetching');
  if (state.phase === 'waiting') return t('pdfPhaseWaiting');
  if (state.page === 0) return t('pdfPhaseReading');
  return t('pdfProgress', state.page, state.pageLimit);
}

/**
 * The row's button: read, read again, or try again after a failure. Its name for a screen reader
 * says which document: a meeting read in full has forty buttons that show "Opnieuw lezen".
 */
export function scanLabel(state: PdfScanState | undefined, name: string): { text: string; aria: string } {
  if (state?.status === 'done') return { text: t('pdfRescan'), aria: t('pdfRescanLabel', name) };
  if (state?.status === 'error' && state.error.kind !== 'cancelled') return { text: t('pdfRetry'), aria: t('pdfRetryLabel', name) };
  return { text: t('pdfScan'), aria: t('pdfScanLabel', name) };
}

/**
 * Whether "Opnieuw proberen" could end otherwise. Not for a host Raadslens will not ask for
 * (another site, this computer, a look-alike name: it would refuse again; the link stays for the
 * reader to open it), nor for a PDF without text or behind a password: the same file reads the
 * same. A failed fetch, a time-out or a damaged download may well succeed the next time.
 */
export function retryCanHelp(state: PdfScanState | undefined): boolean {
  return !(state?.status === 'error' && ['host-refused', 'no-text', 'password'].includes(state.error.kind));
}

/**
 * A document's results, drawn again only when they change: after "Scan alle" every change of the
 * list would otherwise draw all forty results again. They stay in the page while folded, so a
 * search or a check finds them without opening each row. `onOpen` is left out of the comparison:
 * it opens the same row's URL every time.
 */
// Whether it has the letter's button is compared (the panel's hidden Document view has none), not the callback.
const StableResults = memo(PdfResults, (a, b) => a.result === b.result && a.url === b.url && a.name === b.name && a.fromCache === b.fromCache && a.rules === b.rules && a.withVerdict === b.withVerdict && a.folded === b.folded && a.checklist === b.checklist && a.listed === b.listed && !a.onLetter === !b.onLetter);
/** The matches of the pages read so far, drawn again only when more are found (not at every page). */
const LiveMatches = memo(PdfMatchGroups, (a, b) => a.matches === b.matches && a.rules === b.rules);

/** One PDF: its name, Scan / Annuleren, progress per page, then the error or the results. */
export function PdfScanRow({ name, url, state, rules, onScan, onCancel, verdictAbove, onLetter, checklist, listed }: RowProps) {
  // Once opened, a result stays drawn in full (folding it again keeps what was drawn).
  const [opened, setOpened] = useState(false);
  const busy = state?.status === 'running' || state?.status === 'queued';
  const refused = !retryCanHelp(state);
  const label = scanLabel(state, name);
  return (
    <li class="pdf-row" data-testid="pdf-doc" data-url={url}>
      <div class="row pdf-row-head">
        <a class="pdf-name" href={url} target="_blank" rel="noopener noreferrer" title={url}>
          {name}
        </a>
        <span class="spacer" />
        {busy ? (
          <button type="button" class="icon-button" onClick={onCancel} aria-label={t('pdfCancelLabel', name)} data-testid="pdf-cancel">
            {t('pdfCancel')}
          </button>
        ) : refused ? null : (
          <button
            type="button"
            class="icon-button"
            onClick={() => onScan(state?.status === 'done')}
            aria-label={label.aria}
            data-testid="pdf-scan"
          >
            {label.text}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {state?.status === 'running' && (
          <p class="small pdf-progress" data-testid="pdf-progress">
            {state.pageLimit > 0 && <progress max={state.pageLimit} value={state.page} />} {progressText(state)}
            {state.liveMatches > 0 && !state.live?.length && ` · ${t('pdfLiveMatches', state.liveMatches)}`}
          </p>
        )}
        {state?.status === 'error' && (
          <p class={`small ${state.error.kind === 'cancelled' ? 'muted' : 'pdf-error'}`} role={state.error.kind === 'cancelled' ? undefined : 'alert'} data-testid="pdf-error" data-kind={state.error.kind}>
            {state.error.message}
          </p>
        )}
        {state?.status === 'blocked' && (
          <p class="small muted" data-testid="pdf-blocked">
            {t('pdfTabBlocked', state.host)}
          </p>
        )}
      </div>
      {state?.status === 'running' && !!state.live?.length && (
        <details class="pdf-live" data-testid="pdf-live" open={state.expanded}>
          <summary>{t('pdfLiveMatches', state.liveMatches)}</summary>
          <LiveMatches matches={state.live} rules={rules} onOpen={(page, at) => openPdfViewer(url, page, at)} live />
        </details>
      )}
      {state?.status === 'done' && (
        <details class="pdf-result" open={state.expanded} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
          <summary>
            {/* In a PDF's tab the name is the link just above and the count is in the header: said once. */}
            {verdictAbove ? t('pdfTabResults') : `${t('pdfResultsFor', name)} · ${tCount(state.result.matchCount, 'matchCountLabel', 'matchCountLabelOne')}`}
          </summary>
          <StableResults result={state.result} url={url} name={name} fromCache={state.fromCache} rules={rules} onOpen={(page, at) => openPdfViewer(url, page, at)} withVerdict={!verdictAbove} onLetter={onLetter} folded={!state.expanded && !opened} checklist={checklist} listed={listed} />
        </details>
      )}
    </li>
  );
}

/**
 * A row of a list of attachments, drawn again only when its own document changes: the list is
 * drawn at every page of progress of any document, and each of forty rows was drawn with it.
 * The callbacks are left out of the comparison: they are made anew each time from the same
 * URL, page and rules, which are compared.
 */
export const ScanRowInList = memo(PdfScanRow, (a, b) => a.state === b.state && a.url === b.url && a.name === b.name && a.rules === b.rules && a.verdictAbove === b.verdictAbove && a.pageUrl === b.pageUrl && a.listed === b.listed);

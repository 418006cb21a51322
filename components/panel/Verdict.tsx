import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { MessageKey } from '@/lib/extension/i18n';
import { t } from '@/lib/extension/i18n';
import { calmHeadline, scopeParts, type CalmHeadline, type ScanScope, type Verdict as VerdictModel } from '@/lib/core/questions/verdict';
import type { SafeguardStatus } from '@/lib/core/questions/types';
import { Passage, STATUS_MARK, STATUS_OPTION } from './SafeguardChecklist';

/** "14 vondsten", "1 vondst", and the same for a category found through loose words only. */
const CATEGORY_COUNT: readonly (readonly MessageKey[])[] = [
  ['verdictCategoryCount', 'verdictCategoryOne'],
  ['verdictCategoryWeak', 'verdictCategoryWeakOne'],
];

/** The calm headline: no more than what was read (lib/core/questions/verdict.ts calmHeadline). */
const CALM: Readonly<Record<Exclude<CalmHeadline, 'onPage' | 'pdfPart'>, MessageKey>> = {
  none: 'verdictNone',
  page: 'verdictNonePage',
  pageAndRead: 'verdictNonePageAndRead',
  read: 'verdictNoneRead',
  nothing: 'verdictNothingRead',
  pdfNoText: 'verdictNothingReadPdf',
  pdfTextPart: 'verdictNonePdfText',
};

/** The calm headline's words: the counts of what was read where the headline names them. */
function calmText(calm: CalmHeadline, scope: ScanScope): string {
  if (calm === 'onPage') return t('verdictNoneOnPage', scope.attachmentMatches!);
  if (calm === 'pdfPart') return t('verdictNonePdfPart', scope.pages!.read, scope.pages!.of);
  return t(CALM[calm]);
}

interface Props {
  verdict: VerdictModel;
  /** What was read, said in the calm line. */
  scope: ScanScope;
  /** Says what was read instead of `scope` (a PDF: its pages). */
  scopeText?: string;
  /**
   * The line that says what was read when there is more to say than `scope` (attachments, with
   * the button that reads them): said here only, not again in the header.
   */
  scopeNode?: ComponentChildren;
  /** Opens the AP's text of a question where its card is (one click from here). Without it the questions are named, not linked. */
  onQuestion?: (id: string) => void;
  /** Where the whole checklist is (an anchor in the same view); without it the count of the rest is said, not linked. */
  checklistHref?: string;
  /** What the raad did with a motie or an amendement, where its text says ("De raad heeft de motie verworpen. …"). */
  decision?: string;
  /** Rejected or withdrawn: nothing to ask first, so no open points (nor "the checklist finds every safeguard named"). */
  closed?: boolean;
  /** The questions go to the burgemeester (lib/core/questions/addressee.ts): "Vraag de burgemeester:". */
  mayor?: boolean;
}

/**
 * One click from the verdict to a question's AP text: opened, scrolled to and focused. Every
 * <details> around it is opened too (the folded questions; in a PDF's tab, its results).
 */
export function openApText(id: string): void {
  const details = document.getElementById(`ap-text-${id}`);
  if (!(details instanceof HTMLDetailsElement)) return;
  for (let around = details.parentElement?.closest('details'); around; around = around.parentElement?.closest('details')) around.open = true;
  details.open = true;
  details.scrollIntoView({ block: 'start' });
  details.querySelector('summary')?.focus();
}

/** "Gelezen: de tekst van deze pagina, 2 bijlagen; 3 bijlagen niet gelezen". */
function scopeLine(scope: ScanScope): string {
  const p = scopeParts(scope);
  const read = [p.page ? t('verdictScopePage') : t('verdictScopeNoText'), ...(p.read > 0 ? [t('verdictScopeRead', p.read)] : [])];
  return `${t('verdictScopeLabel')} ${read.join(', ')}${p.unread > 0 ? `; ${t('verdictScopeUnread', p.unread)}` : ''}`;
}

/**
 * The top of the Document view, in the first 250 px of a 400 px panel: the kind of technology,
 * the AP questions that apply and the open points to raise first (each by its whole name,
 * wrapped where it must), each opening to why. Without technology: one calm line and what was read, so "nothing" is never taken for
 * more than it is. The same block heads a PDF's results.
 */
export function Verdict({ verdict, scope, scopeText, scopeNode, onQuestion, checklistHref, decision, closed, mayor }: Props) {
  // Several verdicts can share a view (a page's attachments each have one): ids of their own.
  const heading = `h-verdict-${useId()}`;
  const read = scopeNode ?? (
    <p class="small muted" data-testid="verdict-scope">
      {scopeText ?? scopeLine(scope)}
    </p>
  );
  if (!verdict.hasTechnology) {
    const calm = calmHeadline(scope);
    return (
      <section class="verdict calm" data-testid="verdict" data-verdict="none" aria-labelledby={heading}>
        <h2 id={heading} class="visually-hidden">
          {t('verdictHeading')}
        </h2>
        <p class="verdict-none" data-calm={calm}>
          {calmText(calm, scope)}
        </p>
        {read}
      </section>
    );
  }
  const open = verdict.openPoints.length + verdict.moreOpen;
  return (
    <section class="verdict" data-testid="verdict" data-verdict="technology" aria-labelledby={heading}>
      <h2 id={heading} class="visually-hidden">
        {t('verdictHeading')}
      </h2>
      {decision && (
        <p class="verdict-row small" data-testid="verdict-decision">
          {decision}
        </p>
      )}
      <details class="verdict-row" data-testid="verdict-categories">
        <summary>
          <span class="verdict-label">{t('verdictTechnology')}</span>
          <span class="clip">
            {verdict.categories.map((c, i) => (
              <span key={c.category} class={`verdict-cat cat-${c.category}`} data-category={c.category}>
                {i > 0 && ', '}
                <span class="swatch" aria-hidden="true" /> {c.label}
              </span>
            ))}
          </span>
          {verdict.categories.length > 1 && <span class="cat-total muted">({verdict.categories.length})</span>}
        </summary>
        <ul class="verdict-more">
          {verdict.categories.map((c) => (
            <li key={c.category} class={`cat-${c.category}`}>
              <span class="swatch" aria-hidden="true" /> {c.label} <span class="muted">· {t(CATEGORY_COUNT[Number(c.weakOnly)]![Number(c.count === 1)]!, c.count)}</span>
            </li>
          ))}
        </ul>
      </details>
      {verdict.questions.length > 0 && (
        <p class="verdict-row verdict-questions">
          <span class="verdict-label">{t('verdictQuestions')}</span>{' '}
          {/* Wraps rather than ending in "…": at 320 px "Vraag 3" fell off the row. */}
          <span>
            {verdict.questions.map((q, i) => (
              <span key={q.id}>
                {i > 0 && ' · '}
                {onQuestion ? (
                  <a
                    href={`#q-${q.id}`}
                    data-question={q.id}
                    aria-label={t('verdictQuestionAria', q.number, q.title)}
                    title={q.title}
                    onClick={(e) => {
                      e.preventDefault();
                      onQuestion(q.id);
                    }}
                  >
                    {t('verdictQuestionLink', q.number)}
                  </a>
                ) : (
                  <span data-question={q.id} title={q.title}>
                    {t('verdictQuestionLink', q.number)}
                  </span>
                )}
              </span>
            ))}
          </span>
        </p>
      )}
      {closed ? null : verdict.openPoints.length === 0 ? (
        <p class="verdict-row small muted">{t('verdictNoOpen')}</p>
      ) : (
        <div class="verdict-open">
          <p class="verdict-row">
            <span class="verdict-label">{t('verdictOpen')}</span>
            {verdict.moreOpen > 0 &&
              (checklistHref ? (
                <a href={checklistHref} class="small">
                  {t('verdictAllOpen', open)}
                </a>
              ) : (
                <span class="small muted">{t('verdictAllOpen', open)}</span>
              ))}
          </p>
          <ul>
            {verdict.openPoints.map((item) => (
              <li key={item.id} class={`status-${item.status}`} data-testid="verdict-point" data-safeguard={item.id} data-status={item.status}>
                <details>
                  {/* The whole name, wrapped: "Advies van de f…" left the raadslid guessing which safeguard. */}
                  <summary>
                    <span class="mark" aria-hidden="true">
                      {STATUS_MARK[item.status]}
                    </span>
                    <strong class="point-name">{item.label}</strong>
                    <span class="says">{t(STATUS_OPTION[item.status])}</span>
                  </summary>
                  {item.ask && (
                    <p class="small">
                      {t(mayor ? 'questionAskBurgemeester' : 'questionAsk')} {item.ask}
                    </p>
                  )}
                  {item.passages.slice(0, 2).map((p, i) => (
                    <Passage key={i} passage={p} />
                  ))}
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}
      {scopeNode}
    </section>
  );
}

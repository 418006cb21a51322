import { matchesInCategories, t } from '@/lib/extension/i18n';
import { groupByCategory } from '@/lib/extension/ui/category-groups';
import { CategoryGroup } from './CategoryGroup';
import type { RuleSet } from '@/lib/core/rules';
import type { PdfMatch, PdfScanResult } from '@/lib/surface/pdf';
import { QuestionCards } from './QuestionCards';
import { SafeguardChecklist } from './SafeguardChecklist';
import { checklistOf, type ChecklistItem } from '@/lib/core/questions/checklist';
import { verdictOf } from '@/lib/core/questions/verdict';
import { decisionLine, proposalChecklist, proposalClosed, proposalName, proposalQuestions, type ProposalDecision } from '@/lib/core/questions/proposal';
import { shownCategories, technologyAsks } from '@/lib/core/questions/technology';
import { classifyDocumentType } from '@/lib/surface/page/portals/dom';
import { Verdict } from './Verdict';
import { LetterAction } from './LetterAction';
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { memo } from '../common/memo';
import { drawnPerGroup, useProgressive, useStaged } from '@/lib/extension/ui/use-progressive';
import type { DocumentChecklist } from '@/lib/extension/ui/use-checklist';
import { pdfDecision, pdfKind, usePdfChecklist } from '@/lib/extension/ui/use-pdf-checklist';

/**
 * A folded result's matches drawn per task (up to PROGRESSIVE_FIRST): 75 (the page list's step)
 * were 5–7 ms of the panel's thread per task in a meeting, which a loaded machine stretched past
 * 50 ms (meeting21's trace); 25 are about 2 ms.
 */
export const PDF_FOLDED_STEP = 25;

/**
 * A folded result is drawn in parts, one per task (useStaged): the verdict and its lines, the
 * matches, the AP questions, the checklist. Each was part of one 10–15 ms task when a document
 * finished mid-meeting.
 */
export const RESULT_PARTS = 4;

/** The checklist heading of the PDF a tab shows, which its verdict links to. */
export const PDF_TAB_SAFEGUARDS = 'h-pdf-safeguards';

interface Props {
  /** The result is folded (a long match list is drawn in full once it is opened). */
  folded?: boolean;
  result: PdfScanResult;
  /** The PDF's address: its corrections are kept under it, as its notes and flags are. */
  url: string;
  /** What the panel calls the PDF (the title of its stored document). */
  name: string;
  fromCache: boolean;
  rules: RuleSet;
  onOpen: (page?: number, at?: number) => void;
  /** Opens the draft letter about this PDF, offered under its checklist (the PDF in the tab). */
  onLetter?: () => void;
  /** Whether the verdict heads the results (not when the view already shows it above them). */
  withVerdict?: boolean;
  /**
   * The PDF's checklist when the view around keeps it already (the PDF in the tab: the panel's
   * verdict and letter use it), so its corrections are read once; otherwise the results keep their own.
   */
  checklist?: DocumentChecklist;
  /** What the list's row that links it says the raad did with it: used where its own text says nothing. */
  listed?: ProposalDecision;
}

/** "6 vondsten in 2 categorieën · 1 pagina": what reading one PDF found, and over how many pages. */
export function pdfResultSummary(result: PdfScanResult): string {
  // Nothing found: "Geen vondsten · 4 pagina’s", not "0 vondsten in 0 categorieën".
  if (result.matchCount === 0) return `${t('panelSummaryNone')} · ${result.scannedPages === 1 ? t('verdictScopePdfOne') : t('verdictScopePdf', result.scannedPages)}`;
  const categories = new Set(result.matches.map((m) => m.category)).size;
  const [found, within] = matchesInCategories(result.matchCount, categories);
  return result.scannedPages === 1 ? t('pdfResultSummaryOnePage', found, within) : t('pdfResultSummary', found, within, result.scannedPages);
}

/** "Gelezen: 3 pagina’s", or "Gelezen: 50 van 80 pagina’s" when the document was over the limit. */
function pdfScopeLine(result: PdfScanResult): string {
  const pages =
    result.scannedPages < result.pageCount ? t('verdictScopePdfPart', result.scannedPages, result.pageCount)
    : result.scannedPages === 1 ? t('verdictScopePdfOne')
    : t('verdictScopePdf', result.scannedPages);
  // A page without text was opened but not read: "nothing found" must not cover it.
  const textless = result.textlessPages ?? [];
  const unread =
    textless.length === 0 ? ''
    : textless.length === 1 ? t('verdictScopePdfTextlessOne', textless[0]!)
    : t('verdictScopePdfTextless', textless.length, textless.length > 8 ? `${textless.slice(0, 8).join(', ')} …` : textless.join(', '));
  return `${t('verdictScopeLabel')} ${pages}${unread}`;
}

/** The verdict of one PDF, from its own analysis and the reader's corrections (`items`): the same block as a page's. */
export function PdfVerdict({
  result,
  rules,
  items,
  kind: named,
  listed,
  onQuestion,
  checklistHref,
}: {
  result: PdfScanResult;
  rules: RuleSet;
  items?: ChecklistItem[];
  kind?: string;
  /** What the list's row that links this PDF says the raad did (a motie or amendement only). */
  listed?: ProposalDecision;
  /** Where the view has this PDF's AP texts and checklist once (its own tab): links to them. */
  onQuestion?: (id: string) => void;
  checklistHref?: string;
}) {
  const { assessment } = result;
  const kind = pdfKind(result, named);
  const decision = pdfDecision(result, kind, listed);
  const to = result.opening?.addressee;
  // A motie's open points ask what would come before carrying it out, as its letter does, and name
  // only the technology the matches show (technology.ts).
  const checklist = technologyAsks(proposalChecklist(items ?? checklistOf(assessment.safeguards.found, assessment.safeguards.missing, [], rules), kind, proposalQuestions(rules.safeguards, decision, result.opening?.asks), decision, to, rules), shownCategories(assessment));
  const line = pdfScopeLine(result);
  // Pages without text are said with findings too: "niet genoemd" cannot speak for a page nobody read.
  const node = result.textlessPages ? <p class="small muted" data-testid="verdict-scope">{line}</p> : undefined;
  return (
    <Verdict
      verdict={verdictOf({ ...assessment, checklist })}
      scope={{ pageRead: result.chars > 0, attachments: 0, attachmentsRead: 0, pages: { read: result.scannedPages, of: result.pageCount, textless: result.textlessPages?.length ?? 0 } }}
      scopeText={line}
      scopeNode={node}
      decision={decisionLine(kind, decision, to, !!decision && !result.opening?.decision)}
      closed={!!proposalName(kind) && proposalClosed(decision)}
      mayor={to === 'burgemeester'}
      onQuestion={onQuestion}
      checklistHref={checklistHref}
    />
  );
}

/**
 * The findings of one PDF: the verdict, every match with its page, then the AP questions and the
 * checklist for the whole document, which the reader corrects as a page's (kept under its address).
 */
export function PdfResults(props: Props) {
  // Folded (after "Scan alle"): nothing in the task that finished the document, then a part per
  // task; opened, all of it at once.
  const parts = useStaged(RESULT_PARTS, props.folded ?? false);
  if (parts === 0) return null;
  return props.checklist ? <PdfResultsWith {...props} parts={parts} checklist={props.checklist} /> : <PdfResultsOwnChecklist {...props} parts={parts} />;
}

/** A PDF read from an agenda: its results keep its checklist. */
function PdfResultsOwnChecklist(props: Props & { parts: number }) {
  const { url, name, result, rules, listed } = props;
  // The same writer as the viewer page's: stored with gemeente and kind as the panel and the viewer
  // give them for this PDF, whom it asks and what the raad did with it.
  const checklist = usePdfChecklist(url, name, result, rules, listed);
  return <PdfResultsWith {...props} checklist={checklist} />;
}

/**
 * The parts drawn before the next one comes (useStaged) are not drawn again with it: each step
 * of a folded result drew its verdict (and then its matches and questions) again.
 */
const StableVerdict = memo(PdfVerdict);
const StableQuestions = memo(QuestionCards);
const StableMatchGroups = memo(PdfMatchGroups);

/** `parts`: how many of its RESULT_PARTS are drawn yet (in their order on the screen). */
function PdfResultsWith({ name, result, fromCache, rules, onOpen, onLetter, withVerdict = true, folded = false, checklist, listed, parts }: Props & { checklist: DocumentChecklist; parts: number }) {
  const kind = pdfKind(result, classifyDocumentType(name));
  return (
    <div class="pdf-results" data-testid="pdf-results">
      {withVerdict && <StableVerdict result={result} rules={rules} items={checklist.items} kind={classifyDocumentType(name)} listed={listed} />}
      {/* A PDF's tab says its count once, in the panel's header (panel-summary); a list of attachments here. */}
      {withVerdict && (
        <p class="summary-line" data-testid="pdf-summary">
          {pdfResultSummary(result)}
        </p>
      )}
      {result.incomplete ? (
        <p class="small pdf-error" role="alert" data-testid="pdf-error" data-kind="over-budget">
          {t('pdfIncomplete', result.scannedPages, result.pageCount)}
        </p>
      ) : (
        result.truncated && <p class="warning small">{t('pdfTruncated', result.pageCount, result.scannedPages)}</p>
      )}
      {fromCache && <p class="muted small">{t('pdfFromCache')}</p>}
      <p>
        <button type="button" class="icon-button" onClick={() => onOpen()} data-testid="pdf-open-viewer">
          {t('pdfOpenViewer')}
        </button>
      </p>
      {parts >= 2 && <StableMatchGroups matches={result.matches} rules={rules} onOpen={onOpen} folded={folded} emptyText={result.textlessPages ? t('pdfMatchesNoneTextless') : undefined} />}
      {parts >= 3 && <h4>{t('headingQuestions')}</h4>}
      {parts >= 3 && <StableQuestions rules={rules} assessment={result.assessment} kind={kind} decision={pdfDecision(result, kind, listed)} addressee={result.opening?.addressee} asks={result.opening?.asks} />}
      {/* Without its own verdict it is a PDF's tab, whose verdict above links here: the one such heading in the view. */}
      {parts >= 4 && (
        <h4 id={withVerdict ? undefined : PDF_TAB_SAFEGUARDS} tabIndex={withVerdict ? undefined : -1}>
          {t('headingSafeguards')}
        </h4>
      )}
      {parts >= 4 && (
        <SafeguardChecklist
          items={checklist.items}
          hasTechnology={result.assessment.hasTechnology}
          onCorrect={(item, status) => void checklist.correct(item, status)}
          onUndo={(item) => void checklist.undo(item)}
          error={checklist.error}
        />
      )}
      {parts >= 4 && onLetter && result.assessment.hasTechnology && <LetterAction onLetter={onLetter} />}
    </div>
  );
}

/** A match's two page labels, worded once per page of a list (not per match, nor per drawing step). */
type PageLabel = { short: string; open: string };

/**
 * One match of a list, drawn again only when it changes: a long list grows a step at a time (see
 * useProgressive) and a document's live matches grow as its pages are read, and each step drew
 * every match before it again (meeting bench: 300 folded matches per result, drawn in four steps).
 */
const MatchItem = memo(
  function MatchItem({ m, live, label, onOpen }: { m: PdfMatch; live: boolean; label: PageLabel; onOpen: (page: number, at: number) => void }) {
    return (
      <li class="match-item" data-testid={live ? 'pdf-live-match' : 'pdf-match'} data-page={m.page}>
        <button type="button" class="match-show" onClick={() => onOpen(m.page, m.start)} title={label.open}>
          <span>
            <span class="page-chip">{label.short}</span> <strong>{m.text}</strong>
          </span>
          <span class="snippet">{m.snippet}</span>
        </button>
      </li>
    );
  },
  (a, b) => a.m === b.m && a.live === b.live && a.onOpen === b.onOpen && a.label.short === b.label.short && a.label.open === b.label.open,
);

/**
 * Matches per category; each names its page and opens the viewer there. `live`: the matches of a
 * document still being read, under test ids of their own (a finished document's are counted).
 */
export function PdfMatchGroups({ matches, rules, onOpen, live = false, folded = false, emptyText }: { matches: PdfMatch[]; rules: RuleSet; onOpen: (page: number, at: number) => void; live?: boolean; folded?: boolean; emptyText?: string }) {
  const groups = useMemo(() => groupByCategory(rules.categories, matches), [rules, matches]);
  // Each group's first pages, worked out once per list, not at each drawing step over all its matches.
  const firstPages = useMemo(() => groups.map((g) => [...new Set(g.items.map((m) => m.page))].slice(0, 6)), [groups]);
  // A long document's matches are drawn a few hundred per task (the counts are whole at once);
  // while its result is folded, only the first few hundred, and those a few dozen per task.
  const shown = useProgressive(matches.length, folded ? { held: true, start: PDF_FOLDED_STEP, step: PDF_FOLDED_STEP } : {});
  // Worded once per page, not per match: each t() is a call into the extension's i18n API, and a
  // folded result's page list named every match's page (meeting bench: ~0.3 s of the panel's thread).
  // Kept with the list, so each drawing step hands every match the same label.
  const labels = useMemo(() => new Map<number, PageLabel>(), [matches]);
  // One handler for the list's life that calls the latest `onOpen`: a row hands a new one at each
  // drawing, and a new one would draw every match again.
  const latestOpen = useRef(onOpen);
  latestOpen.current = onOpen;
  const open = useCallback((page: number, at: number) => latestOpen.current(page, at), []);
  if (groups.length === 0) return <p class="muted">{emptyText ?? t('matchesNone')}</p>;
  const label = (page: number) => {
    let l = labels.get(page);
    if (!l) labels.set(page, (l = { short: t('pdfPageShort', page), open: t('pdfOpenAtPage', page) }));
    return l;
  };
  const drawn = drawnPerGroup(groups.map((g) => g.items), shown);
  return (
    <div class="groups">
      {groups.map(({ cat, items }, i) => (
        <CategoryGroup
          cat={cat}
          count={items.length}
          testid={live ? 'pdf-live-group' : 'pdf-match-group'}
          key={cat.id}
          extra={<span class="pdf-pages small">{firstPages[i]!.map((page) => label(page).short).join(', ')}</span>}
        >
          <ul class="match-list">
            {drawn[i]!.map((m) => (
              <MatchItem key={m.index} m={m} live={live} label={label(m.page)} onOpen={open} />
            ))}
          </ul>
        </CategoryGroup>
      ))}
    </div>
  );
}

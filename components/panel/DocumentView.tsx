import type { ComponentChildren } from 'preact';
import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import type { MatchSummary, ScanReport } from '@/lib/extension/messages/protocol';
import type { DocumentChecklist } from '@/lib/extension/ui/use-checklist';
import { verdictOf, type ScanScope } from '@/lib/core/questions/verdict';
import { decisionLine, proposalChecklist, proposalClosed, proposalName, proposalQuestions } from '@/lib/core/questions/proposal';
import { shownCategories, technologyAsks } from '@/lib/core/questions/technology';
import { Attachments } from './Attachments';
import { DocumentMeta, PageKindNotice } from './DocumentMeta';
import { LetterAction } from './LetterAction';
import { MatchGroups } from './MatchGroups';
import { QuestionCards } from './QuestionCards';
import { SafeguardChecklist } from './SafeguardChecklist';
import { Verdict, openApText } from './Verdict';
import { useProgressive } from '@/lib/extension/ui/use-progressive';

interface Props {
  report: ScanReport;
  rules: RuleSet;
  onShow: (m: MatchSummary) => void;
  onNote: (m: MatchSummary) => void;
  onFlag?: (m: MatchSummary) => void;
  /** What to say when the page has no match (it may not be the whole document). */
  emptyText?: string;
  /** What the document says per safeguard, with the reader's corrections. */
  checklist: DocumentChecklist;
  /** Opens the draft letter to the college. */
  onLetter?: () => void;
  /** What was read: the page, and how many of its attachments (none read when not said). */
  scope?: ScanScope;
  /** The line on the attachments read and unread (with its button), said once: in the verdict. */
  coverage?: ComponentChildren;
}

/**
 * What the document is about, most telling first: the verdict, every match, what it does (not)
 * say, the AP's questions, then the attachments and the facts about the document.
 */
export function DocumentView({ report, rules, onShow, onNote, onFlag, emptyText, checklist, onLetter, scope, coverage }: Props) {
  // Drawn a part per task at its first drawing: the first screen (the verdict, the match groups),
  // then the checklist and the questions, then the attachments and the facts. In one task the
  // 1 MB council page's first drawing was the panel's longest at its first open (31–59 ms thread
  // at a load of 15–20, panel-tasks bench). A later report (a rescan) is drawn whole.
  const parts = useProgressive(3, { first: 1, step: 1 });
  // Not a document (a bot check, an error page, an empty list): say what it is, report nothing.
  if (report.page) {
    return (
      <>
        <PageKindNotice page={report.page} />
        <DocumentMeta report={report} />
      </>
    );
  }
  const { assessment } = report;
  scope ??= { pageRead: report.chars > 0, attachments: 0, attachmentsRead: 0 };
  // A motie's open points ask what would come before carrying it out, as its letter does.
  // A motie whose text or fields say what the raad did with it ("Status: Aangenomen"): worded as its PDF's.
  // Each names only the technology the matches show, as the letter does (technology.ts).
  const kind = report.portal?.documentType;
  const decision = report.portal?.decision;
  const to = report.portal?.addressee;
  const verdict = verdictOf({ ...assessment, checklist: technologyAsks(proposalChecklist(checklist.items, kind, proposalQuestions(rules.safeguards, decision), decision, to, rules), shownCategories(assessment)) });
  const decided = { decision: decisionLine(kind, decision, to), closed: !!proposalName(kind) && proposalClosed(decision), mayor: to === 'burgemeester' };
  const matches = (
    <section aria-labelledby="h-matches" class="view-section">
      <h2 id="h-matches" tabIndex={-1}>
        {t('headingFindings')}
      </h2>
      <MatchGroups matches={report.matches} categories={rules.categories} onShow={onShow} onNote={onNote} onFlag={onFlag} emptyText={emptyText} />
    </section>
  );
  const questions = (
    <section aria-labelledby="h-questions" class="view-section">
      <h2 id="h-questions" tabIndex={-1}>
        {t('headingQuestions')}
      </h2>
      <QuestionCards rules={rules} assessment={assessment} kind={kind} decision={decision} addressee={to} pageOnly={!assessment.hasTechnology && !!scope.attachmentMatches} />
    </section>
  );
  if (!assessment.hasTechnology) {
    return (
      <>
        <Verdict verdict={verdict} scope={scope} scopeNode={coverage} onQuestion={openApText} {...decided} />
        {parts > 1 && <Attachments report={report} rules={rules} pageUrl={report.url} />}
        {parts > 2 && report.matches.length > 0 && matches}
        {parts > 2 && <DocumentMeta report={report} />}
        {parts > 2 && questions}
      </>
    );
  }
  return (
    <>
      <Verdict verdict={verdict} scope={scope} scopeNode={coverage} onQuestion={openApText} checklistHref="#h-safeguards" {...decided} />
      {matches}
      {parts > 1 && <section aria-labelledby="h-safeguards" class="view-section">
        <h2 id="h-safeguards" tabIndex={-1}>
          {t('headingSafeguards')}
        </h2>
        <SafeguardChecklist
          items={checklist.items}
          hasTechnology={assessment.hasTechnology}
          onCorrect={(item, status) => void checklist.correct(item, status)}
          onUndo={(item) => void checklist.undo(item)}
          error={checklist.error}
        />
        {onLetter && <LetterAction onLetter={onLetter} />}
      </section>}
      {parts > 1 && questions}
      {parts > 2 && <Attachments report={report} rules={rules} pageUrl={report.url} />}
      {parts > 2 && <DocumentMeta report={report} />}
    </>
  );
}

import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import type { MatchSummary, ScanReport } from '@/lib/extension/messages/protocol';
import type { DocumentChecklist } from '@/lib/extension/ui/use-checklist';
import { Attachments } from './Attachments';
import { DocumentMeta, PageKindNotice } from './DocumentMeta';
import { MatchGroups } from './MatchGroups';
import { QuestionCard } from './QuestionCard';
import { SafeguardChecklist } from './SafeguardChecklist';

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
}

/** What the document is about: the AP questions, what it does (not) say, and every match. */
export function DocumentView({ report, rules, onShow, onNote, onFlag, emptyText, checklist, onLetter }: Props) {
  // Not a document (a bot check, an error page, an empty list): say what it is, report nothing.
  if (report.page) {
    return (
      <>
        <PageKindNotice page={report.page} />
        <DocumentMeta report={report} />
      </>
    );
  }
  return (
    <>
      <DocumentMeta report={report} />
      <Attachments report={report} rules={rules} />
      <section aria-labelledby="h-questions">
        <h2 id="h-questions">{t('headingQuestions')}</h2>
        {rules.questions.questions.map((q) => (
          <QuestionCard
            key={q.id}
            question={q}
            assessment={report.assessment.questions.find((a) => a.id === q.id)}
            source={rules.questions.source}
          />
        ))}
      </section>
      <section aria-labelledby="h-safeguards">
        <h2 id="h-safeguards">{t('headingSafeguards')}</h2>
        <SafeguardChecklist
          items={checklist.items}
          hasTechnology={report.assessment.hasTechnology}
          onCorrect={(item, status) => void checklist.correct(item, status)}
          onUndo={(item) => void checklist.undo(item)}
          error={checklist.error}
        />
        {onLetter && report.assessment.hasTechnology && (
          <div class="letter-action">
            <button type="button" class="primary" data-testid="letter-open" onClick={onLetter}>
              {t('letterOpen')}
            </button>
            <p class="small muted">{t('letterOpenHint')}</p>
          </div>
        )}
      </section>
      <section aria-labelledby="h-matches">
        <h2 id="h-matches">{t('headingMatches')}</h2>
        <MatchGroups matches={report.matches} categories={rules.categories} onShow={onShow} onNote={onNote} onFlag={onFlag} emptyText={emptyText} />
      </section>
    </>
  );
}

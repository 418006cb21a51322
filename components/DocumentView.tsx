import { t } from '@/lib/i18n';
import type { RuleSet } from '@/lib/rules';
import type { MatchSummary, ScanReport } from '@/lib/messages/protocol';
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
}

/** What the document is about: the AP questions, what it does (not) say, and every match. */
export function DocumentView({ report, rules, onShow, onNote, onFlag, emptyText }: Props) {
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
        <SafeguardChecklist safeguards={report.assessment.safeguards} />
      </section>
      <section aria-labelledby="h-matches">
        <h2 id="h-matches">{t('headingMatches')}</h2>
        <MatchGroups matches={report.matches} categories={rules.categories} onShow={onShow} onNote={onNote} onFlag={onFlag} emptyText={emptyText} />
      </section>
    </>
  );
}

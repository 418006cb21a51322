import type { RuleSet } from '@/lib/core/rules';
import { proposalFollowUps, proposalName, proposalQuestions, type ProposalDecision } from '@/lib/core/questions/proposal';
import type { Addressee } from '@/lib/core/questions/addressee';
import { reportsInUse } from '@/lib/core/questions/in-use';
import { shownCategories, technologyOf } from '@/lib/core/questions/technology';
import type { AssessmentSummary } from '@/lib/extension/messages/protocol';
import { t } from '@/lib/extension/i18n';
import { QuestionCard } from './QuestionCard';

interface Props {
  rules: RuleSet;
  assessment: AssessmentSummary;
  /** The heading's level and id: a section of its own in the Document view, a sub-heading under a PDF. */
  headingId?: string;
  /** The document's kind: a motie's questions ask what would come before carrying it out. */
  kind?: string;
  /** What the raad did with it, where its text says: adopted, its questions; rejected or withdrawn, none about carrying it out. */
  decision?: ProposalDecision;
  /** Whom the questions go to, where the text says it is the burgemeester's matter. */
  addressee?: Addressee;
  /** 'study': a motie's dictum asks for a study, and its questions ask about that study. */
  asks?: 'study';
  /**
   * The page's text has no technology, the attachments read have some (each with its own questions):
   * "none apply" is said of the page's text, not of the meeting and its documents.
   */
  pageOnly?: boolean;
}

/** The three AP questions with their source named once; folded away when none applies. */
export function QuestionCards({ rules, assessment, headingId, kind, decision, addressee, asks, pageOnly }: Props) {
  const source = rules.questions.source;
  const proposals = proposalName(kind) ? proposalQuestions(rules.safeguards, decision, asks) : null;
  // A report of technology in use asks its own words too (in-use.ts), as the checklist and the letter do.
  const worded = proposals ?? (addressee === 'burgemeester' || reportsInUse(kind) ? {} : null);
  // Each question names only the technology the matches show, as the letter does (technology.ts).
  const shown = shownCategories(assessment);
  const cards = rules.questions.questions.map((q) => {
    const a = assessment.questions.find((x) => x.id === q.id);
    const followUps = a && (worded ? proposalFollowUps(a, kind, worded, decision, addressee, rules) : a.followUps).map((f) => technologyOf(f, shown));
    return <QuestionCard key={q.id} question={q} mayor={addressee === 'burgemeester'} pageOnly={pageOnly} assessment={a && followUps ? { ...a, followUps } : a} />;
  });
  const sourceLine = (
    <p class="source">
      {t('sourceLabel')}{' '}
      <a href={source.url} target="_blank" rel="noreferrer noopener">
        {source.publisher}, ‘{source.title}’, {source.version}
      </a>
    </p>
  );
  if (!assessment.questions.some((q) => q.applies)) {
    return (
      <details class="questions-folded" id={headingId}>
        <summary>{t(pageOnly ? 'questionsNoneApplyPage' : 'questionsNoneApply')}</summary>
        {cards}
        {sourceLine}
      </details>
    );
  }
  return (
    <>
      {cards}
      {sourceLine}
    </>
  );
}

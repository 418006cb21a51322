import { useMemo, useState } from 'preact/hooks';
import { CATEGORY_IDS } from '@/lib/core/rules/schema';
import { t, tCount } from '@/lib/extension/i18n';
import { compileLookup, type LookupIndex } from '@/lib/core/lookup';
import { buildAnswers, type InstrumentRef, type LookupAnswer } from '@/lib/core/lookup/answer';
import type { RuleSet } from '@/lib/core/rules';

const CATEGORY_COUNT = CATEGORY_IDS.length;

// Compiled on first use and kept: typing must not rebuild the index.
let cached: { rules: RuleSet; index: LookupIndex } | null = null;
function indexFor(rules: RuleSet): LookupIndex {
  if (cached?.rules !== rules) cached = { rules, index: compileLookup(rules) };
  return cached.index;
}

function Instruments({ list }: { list: InstrumentRef[] }) {
  if (list.length === 0) return null;
  return (
    <p class="small">
      <strong>{t('questionInstruments')}</strong> {list.map((i) => i.label).join(' · ')}
    </p>
  );
}

function AnswerCard({ answer }: { answer: LookupAnswer }) {
  switch (answer.kind) {
    case 'category':
      return (
        <li class={`card lookup-card cat-${answer.category}`} data-testid="lookup-result" data-kind="category" data-category={answer.category}>
          <p class="lookup-kind small muted">{t('lookupKindCategory')}</p>
          <h3>
            <span class="swatch" aria-hidden="true" /> {answer.label}
          </h3>
          {answer.via.length > 0 && <p class="small muted">{t('lookupVia', answer.via.slice(0, 3).join(', '))}</p>}
          <p class="small">{answer.description}</p>
          <h4>{t('questionAsk')}</h4>
          <ol class="lookup-questions">
            {answer.questions.map((q) => (
              <li key={q.id}>
                <strong>{q.title}</strong>
                <p class="small">
                  <span class="muted">{t('lookupWhy')}</span> {q.reason}
                </p>
              </li>
            ))}
          </ol>
          <Instruments list={answer.instruments} />
          {answer.registers.length > 0 && (
            <p class="small">
              <strong>{t('lookupRegisters')}</strong> {answer.registers.join(' · ')}
            </p>
          )}
        </li>
      );
    case 'question':
      return (
        <li class="card lookup-card" data-testid="lookup-result" data-kind="question" data-question={answer.question.id}>
          <p class="lookup-kind small muted">{t('lookupKindQuestion')}</p>
          <h3>
            {t('questionNumber', answer.question.number)} {answer.question.title}
          </h3>
          <p class="small">{answer.question.toelichting}</p>
          <Instruments list={answer.instruments} />
        </li>
      );
    case 'instrument':
      return (
        <li class="card lookup-card" data-testid="lookup-result" data-kind="instrument" data-instrument={answer.instrument.id}>
          <p class="lookup-kind small muted">{t('lookupKindInstrument')}</p>
          <h3>{answer.instrument.label}</h3>
          <p class="small">{answer.instrument.description}</p>
          {answer.questions.length > 0 && (
            <p class="small">
              <strong>{t('lookupQuestions')}</strong> {answer.questions.map((q) => t('questionNumber', q.number) + ' ' + q.title).join(' · ')}
            </p>
          )}
          {answer.categories.length > 0 && (
            <p class="small">
              {/* An instrument that goes with every category (a DPIA) says so, instead of listing all ten. */}
              <strong>{t('lookupCategories')}</strong>{' '}
              {answer.categories.length >= CATEGORY_COUNT ? t('lookupAllCategories') : answer.categories.map((c) => c.label).join(' · ')}
            </p>
          )}
        </li>
      );
    case 'register':
      return (
        <li class="card lookup-card" data-testid="lookup-result" data-kind="register">
          <p class="lookup-kind small muted">{t('lookupKindRegister')}</p>
          <h3>{answer.register}</h3>
          <p class="small">
            <strong>{t('lookupCategories')}</strong> {answer.categories.map((c) => c.label).join(' · ')}
          </p>
        </li>
      );
  }
}

/** Search box over terms, categories, AP questions and instruments, with the answers below it. */
export function Lookup({ rules }: { rules: RuleSet }) {
  const [query, setQuery] = useState('');
  const answers = useMemo(() => {
    if (query.trim() === '') return null;
    return buildAnswers(rules, indexFor(rules).search(query, 24), 4);
  }, [query, rules]);

  return (
    <section class="lookup" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('lookupHeading')}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="lookup-input" class="small">
          {t('lookupLabel')}
        </label>
        <input
          id="lookup-input"
          type="search"
          class="text-input"
          data-testid="lookup-input"
          autoComplete="off"
          spellcheck={false}
          maxLength={200}
          placeholder={t('lookupPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">
        {answers === null ? '' : answers.length === 0 ? t('lookupNone', query.trim()) : tCount(answers.length, 'lookupCount', 'lookupCountOne')}
      </p>
      {answers !== null && answers.length === 0 && <p class="muted small">{t('lookupNone', query.trim())}</p>}
      {answers !== null && answers.length > 0 && (
        <ul class="lookup-results" data-testid="lookup-results">
          {answers.map((a) => (
            <AnswerCard key={a.key} answer={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

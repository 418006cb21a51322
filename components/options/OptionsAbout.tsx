import { browser } from 'wxt/browser';
import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';

export function OptionsAbout({ rules }: { rules: RuleSet }) {
  let version = '';
  try {
    version = browser.runtime.getManifest().version;
  } catch {
    version = '?';
  }
  const sources = [rules.questions.source, rules.questions.basedOn].filter((s) => s !== undefined);
  return (
    <section class="options-section" aria-labelledby="opt-about" data-testid="options-about">
      <h2 id="opt-about">{t('optionsAboutHeading')}</h2>
      <p>{t('optionsVersion', version)}</p>
      <p class="privacy-statement" data-testid="privacy-statement">
        {t('optionsPrivacy')}
      </p>
      <p>{t('optionsSources')}</p>
      <ul>
        {sources.map((s) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.title}
            </a>{' '}
            <span class="muted small">{t('optionsSourceLine', s.publisher, s.version, s.date)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { t } from '@/lib/extension/i18n';
import { loadBuiltinRules } from '@/lib/core/rules';
import { DataTransfer } from '../common/DataTransfer';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { OptionsAbout } from './OptionsAbout';
import { OptionsCategories } from './OptionsCategories';
import { OptionsGriffie } from './OptionsGriffie';
import { OptionsCouncilFile } from './OptionsCouncilFile';
import { OptionsHighlight } from './OptionsHighlight';
import { OptionsOwnTerms } from './OptionsOwnTerms';
import { OptionsStatus } from './OptionsStatus';
import { SiteAccess } from '../common/SiteAccess';
import { useSettings } from './OptionsState';

const rules = loadBuiltinRules();

/** The options page: every section saves on change; one live status line says so. */
export function Options() {
  const { settings, griffie, invalidStored, status, policy, update } = useSettings();
  const locked = griffie?.locked ?? new Set();
  return (
    <main class="options" data-policy={policy}>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="small muted">{t('privacyLine')}</p>
      </header>
      {invalidStored && (
        <p class="notice" role="alert" data-testid="settings-invalid">
          {t('optionsInvalidStored')}
        </p>
      )}
      <OptionsStatus status={status} policy={policy} />
      <ErrorBoundary>
        <OptionsGriffie griffie={griffie} />
      </ErrorBoundary>
      {settings === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <ErrorBoundary>
          <OptionsCategories rules={rules} settings={settings} update={(s) => void update(s)} locked={locked.has('disabledCategories')} policy={policy} />
          <OptionsOwnTerms rules={rules} settings={settings} update={update} />
          <OptionsHighlight rules={rules} settings={settings} update={(s) => void update(s)} locked={locked.has('highlight')} policy={policy} />
          <OptionsCouncilFile rules={rules} settings={settings} griffie={griffie} />
        </ErrorBoundary>
      )}
      {/* SiteAccess brings its own section and heading. */}
      <div class="options-section" data-testid="options-sites">
        <ErrorBoundary>
          <SiteAccess />
        </ErrorBoundary>
      </div>
      {/* Export, import and "alles verwijderen" stay usable whatever else fails: they are the way
          out. The card brings its own section and heading ("Gegevens" above it said it twice). */}
      <div class="options-section" data-testid="options-data">
        <ErrorBoundary>
          <DataTransfer level={2} />
        </ErrorBoundary>
      </div>
      <OptionsAbout rules={rules} />
    </main>
  );
}

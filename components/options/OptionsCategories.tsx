import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import type { CategoryId } from '@/lib/core/rules/schema';
import type { Settings } from '@/lib/extension/settings';
import { LockedNote, settingDisabled } from './LockedNote';
import type { PolicyWait } from './OptionsState';

export function OptionsCategories({ rules, settings, update, locked = false, policy = 'answered' }: { rules: RuleSet; settings: Settings; update: (s: Settings) => void; locked?: boolean; policy?: PolicyWait }) {
  const toggle = (id: CategoryId, on: boolean) => {
    const off = new Set(settings.disabledCategories);
    if (on) off.delete(id);
    else off.add(id);
    update({ ...settings, disabledCategories: rules.categories.map((c) => c.id).filter((c) => off.has(c)) });
  };
  return (
    <section class="options-section" aria-labelledby="opt-categories">
      <h2 id="opt-categories">{t('optionsCategoriesHeading')}</h2>
      <p class="muted small">{t('optionsCategoriesIntro')}</p>
      <LockedNote setting="disabledCategories" locked={locked} />
      <fieldset class="plain-fieldset" disabled={settingDisabled(locked, policy)}>
      <ul class="option-list">
        {rules.categories.map((c) => {
          const id = `cat-toggle-${c.id}`;
          return (
            <li key={c.id} class={`cat-${c.id}`}>
              <input
                type="checkbox"
                id={id}
                data-testid="category-toggle"
                data-category={c.id}
                checked={!settings.disabledCategories.includes(c.id)}
                onChange={(e) => toggle(c.id, (e.target as HTMLInputElement).checked)}
                aria-describedby={`${id}-desc`}
              />
              <span class="swatch" aria-hidden="true" />
              <label for={id}>{c.label}</label>
              <span id={`${id}-desc`} class="small muted option-desc">
                {c.description}
              </span>
            </li>
          );
        })}
      </ul>
      </fieldset>
    </section>
  );
}

import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import type { CategoryId } from '@/lib/core/rules/schema';
import { addOwnTerm, removeOwnTerm, type Settings } from '@/lib/extension/settings';

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function OptionsOwnTerms({
  rules,
  settings,
  update,
}: {
  rules: RuleSet;
  settings: Settings;
  update: (s: Settings, okText?: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState<CategoryId>(rules.categories[0]?.id ?? 'camera');
  const [error, setError] = useState<string | null>(null);
  // One add at a time: a second one while the first is stored would start from the settings
  // without the first term and write over it.
  const [saving, setSaving] = useState(false);
  // Read at submit time: a click right after typing may come before the re-render with the text.
  const input = useRef<HTMLInputElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const labelOf = (id: CategoryId) => rules.categories.find((c) => c.id === id)?.label ?? id;

  const add = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const typed = input.current?.value ?? text;
    const chosen = (select.current?.value as CategoryId | undefined) ?? category;
    const change = addOwnTerm(settings, typed, chosen, newId());
    if (!change.ok) {
      setError(change.message);
      return;
    }
    const added = change.settings.ownTerms.at(-1)?.text ?? typed;
    setSaving(true);
    try {
      if (await update(change.settings, t('optionsOwnTermAdded', added))) {
        // Only what was added is cleared, not a next word typed meanwhile.
        if ((input.current?.value ?? '') === typed) setText('');
        setError(null);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="options-section" aria-labelledby="opt-own">
      <h2 id="opt-own">{t('optionsOwnTermsHeading')}</h2>
      <p class="muted small">{t('optionsOwnTermsIntro')}</p>
      <form class="own-term-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="own-term-text">{t('optionsOwnTermText')}</label>
          <input
            ref={input}
            id="own-term-text"
            class="text-input"
            data-testid="own-term-input"
            value={text}
            maxLength={200}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'own-term-error' : undefined}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="own-term-category">{t('optionsOwnTermCategory')}</label>
          <select
            ref={select}
            id="own-term-category"
            class="text-input"
            data-testid="own-term-category"
            value={category}
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value as CategoryId)}
          >
            {rules.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" data-testid="own-term-add" disabled={saving}>
          {t('optionsOwnTermAdd')}
        </button>
      </form>
      {error && (
        <p id="own-term-error" class="status error" role="alert" data-testid="own-term-error">
          {error}
        </p>
      )}
      {settings.ownTerms.length === 0 ? (
        <p class="muted small">{t('optionsOwnTermsNone')}</p>
      ) : (
        <ul class="option-list own-terms">
          {settings.ownTerms.map((term) => (
            <li key={term.id} data-testid="own-term" class={`cat-${term.category}`}>
              <span class="swatch" aria-hidden="true" />
              <strong>{term.text}</strong>
              <span class="small muted">{labelOf(term.category)}</span>
              <span class="spacer" />
              <button
                type="button"
                class="icon-button"
                aria-label={t('optionsOwnTermRemove', term.text)}
                onClick={() => void update(removeOwnTerm(settings, term.id), t('optionsOwnTermRemoved', term.text))}
              >
                {t('noteDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import type { CategoryId } from '@/lib/core/rules/schema';
import { LockedNote, settingDisabled } from './LockedNote';
import type { PolicyWait } from './OptionsState';
import { coloursFor, textOn, type HighlightStyle, type Settings } from '@/lib/extension/settings';
import { HIGHLIGHT_DRAWS_LINES } from '@/lib/surface/page/highlight/highlight-rule';

/** A preview of how a term looks in the page: the same declarations the content script uses. */
function previewStyle(style: HighlightStyle, category: CategoryId): Record<string, string> {
  const { fill, line } = coloursFor(style, category);
  const hc = style.palette === 'high-contrast';
  if (style.mode === 'underline') {
    // As the page shows it: where highlights draw no line (Firefox), a light fill (highlight-css.ts).
    return { textDecoration: `underline ${hc ? 4 : 3}px ${line}`, background: HIGHLIGHT_DRAWS_LINES ? 'transparent' : `${fill}4d` };
  }
  return hc
    ? { background: fill, color: textOn(fill), textDecoration: `underline 2px ${line}` }
    : { background: `${fill}8c`, textDecoration: `underline 2px ${line}` };
}

export function OptionsHighlight({ rules, settings, update, locked = false, policy = 'answered' }: { rules: RuleSet; settings: Settings; update: (s: Settings) => void; locked?: boolean; policy?: PolicyWait }) {
  const style = settings.highlight;
  const set = (h: Partial<HighlightStyle>) => update({ ...settings, highlight: { ...style, ...h } });
  const setColour = (id: CategoryId, colour: string | null) => {
    const colours = { ...style.colours };
    if (colour === null) delete colours[id];
    else colours[id] = colour.toLowerCase();
    set({ colours });
  };
  return (
    <section class="options-section" aria-labelledby="opt-highlight">
      <h2 id="opt-highlight">{t('optionsHighlightHeading')}</h2>
      <LockedNote setting="highlight" locked={locked} />
      {/* A disabled fieldset disables every control inside: a locked setting cannot be changed here. */}
      <fieldset class="plain-fieldset" disabled={settingDisabled(locked, policy)}>
      <div class="row">
        <fieldset class="radio-group">
          <legend>{t('optionsHighlightMode')}</legend>
          {(['background', 'underline'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name="hl-mode" value={mode} data-testid={`mode-${mode}`} checked={style.mode === mode} onChange={() => set({ mode })} />{' '}
              {mode === 'background' ? t('optionsModeBackground') : t('optionsModeUnderline')}
            </label>
          ))}
          {style.mode === 'underline' && !HIGHLIGHT_DRAWS_LINES && <p class="small muted" data-testid="underline-firefox">{t('optionsUnderlineFirefox')}</p>}
        </fieldset>
        <fieldset class="radio-group">
          <legend>{t('optionsPalette')}</legend>
          {(['standard', 'high-contrast'] as const).map((palette) => (
            <label key={palette}>
              <input
                type="radio"
                name="hl-palette"
                value={palette}
                data-testid={`palette-${palette}`}
                checked={style.palette === palette}
                onChange={() => set({ palette })}
              />{' '}
              {palette === 'standard' ? t('optionsPaletteStandard') : t('optionsPaletteHighContrast')}
            </label>
          ))}
        </fieldset>
      </div>
      <table class="colour-table">
        <caption class="visually-hidden">{t('optionsPreview')}</caption>
        <tbody>
          {rules.categories.map((c) => {
            const { fill } = coloursFor(style, c.id);
            return (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                <td>
                  <input
                    type="color"
                    value={fill}
                    data-testid="colour-input"
                    data-category={c.id}
                    aria-label={t('optionsColourFor', c.label)}
                    onChange={(e) => setColour(c.id, (e.target as HTMLInputElement).value)}
                  />
                </td>
                <td class="page-sample">
                  <span class="preview-text" style={previewStyle(style, c.id)} data-testid="colour-preview" data-category={c.id}>
                    {c.terms[0]?.text ?? c.label}
                  </span>
                </td>
                <td>
                  {style.colours[c.id] && (
                    <button type="button" class="link-button small" onClick={() => setColour(c.id, null)}>
                      {t('optionsColourReset', c.label)}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </fieldset>
    </section>
  );
}

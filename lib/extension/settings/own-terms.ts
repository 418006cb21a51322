// Adding and removing own terms: the matcher's own validation plus the list's own rules.
import { t } from '../i18n';
import { foldText, validateOwnTerm } from '../../core/match';
import type { CategoryId } from '../../core/rules/schema';
import { MAX_OWN_TERMS, type Settings } from './schema';

export type OwnTermChange = { ok: true; settings: Settings } | { ok: false; message: string };

export function addOwnTerm(settings: Settings, text: string, category: CategoryId, id: string): OwnTermChange {
  const checked = validateOwnTerm(text);
  if (!checked.ok) return checked;
  if (settings.ownTerms.length >= MAX_OWN_TERMS) {
    return { ok: false, message: t('ownTermTooMany', MAX_OWN_TERMS) };
  }
  const folded = foldText(checked.text).folded;
  if (settings.ownTerms.some((o) => foldText(o.text).folded === folded)) {
    return { ok: false, message: t('ownTermDuplicate', checked.text) };
  }
  return { ok: true, settings: { ...settings, ownTerms: [...settings.ownTerms, { id, text: checked.text, category }] } };
}

export function removeOwnTerm(settings: Settings, id: string): Settings {
  return { ...settings, ownTerms: settings.ownTerms.filter((t) => t.id !== id) };
}

// A reader's own terms are literals typed in the options page. They go into the same automaton
// as the rule terms, so nothing here can make matching slow or unsafe; the checks only keep
// out terms that would light up half of every document.
import { foldText, isAlnum } from './fold';

export const OWN_TERM_MAX_LENGTH = 60;

export type OwnTermValidation = { ok: true; text: string } | { ok: false; message: string };

/** Checks a reader's own term; on success returns it trimmed, with whitespace runs made single spaces. */
export function validateOwnTerm(text: string): OwnTermValidation {
  const trimmed = text.replace(/\s+/gu, ' ').trim();
  if (trimmed === '') return { ok: false, message: 'Vul een woord of woordgroep in.' };
  if (trimmed.length > OWN_TERM_MAX_LENGTH) {
    return {
      ok: false,
      message: `Een eigen term mag hoogstens ${OWN_TERM_MAX_LENGTH} tekens lang zijn; deze is ${trimmed.length} tekens.`,
    };
  }
  const { folded } = foldText(trimmed);
  let letters = 0;
  let alnums = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (!isAlnum(c)) continue;
    alnums++;
    if (c < 48 || c > 57) letters++;
  }
  if (letters === 0) {
    return {
      ok: false,
      message: 'Een eigen term moet minstens één letter bevatten; alleen cijfers of leestekens worden niet gezocht.',
    };
  }
  if (alnums < 2) {
    return { ok: false, message: 'Een eigen term moet minstens twee letters of cijfers hebben; één letter komt overal voor.' };
  }
  return { ok: true, text: trimmed };
}

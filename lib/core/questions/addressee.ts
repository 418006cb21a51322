// Whom a letter's questions go to: the college, or the burgemeester where the document says it is
// his or her own matter (a motie's dictum "Verzoekt de burgemeester", cameratoezicht under
// artikel 151c Gemeentewet: lib/core/questions/document-kind.ts). The rules' questions are written
// to the college ("Acht het college …", "voordat het {uitvoert}"); asked of the burgemeester, the
// college as their subject becomes the burgemeester, so the letter says one of them throughout.
// The burgemeester gets no pronoun (hij or zij); where the rules say "het" for the college again
// ("Vraagt het college, voordat het {uitvoert}, …") the clause turns passive ("voordat de motie
// wordt uitgevoerd"), so a question does not name the burgemeester twice. Pure.
import type { Addressee } from '../rules/document-kind';

export type { Addressee } from '../rules/document-kind';

interface AddresseeWords {
  /** "het college", "de burgemeester": as a subject or object in a question. */
  name: string;
  /** The letter's first line, before the gemeente's name. */
  aan: string;
  /** The letter's salutation. */
  aanhef: string;
}

export const ADDRESSEE: Readonly<Record<Addressee, AddresseeWords>> = {
  college: { name: 'het college', aan: 'Aan het college van burgemeester en wethouders van de gemeente', aanhef: 'Geacht college,' },
  burgemeester: { name: 'de burgemeester', aan: 'Aan de burgemeester van de gemeente', aanhef: 'Geachte burgemeester,' },
};

/**
 * Whom a document's questions go to once its text was read (`opening`: what its opening says, a
 * page's portal facts), the college where it names no one else; undefined while it is not read,
 * so that a record keeps what an earlier read said rather than taking "college" for it.
 */
export function addresseeRead(opening: { addressee?: Extract<Addressee, 'burgemeester'> } | null | undefined): Addressee | undefined {
  return opening ? (opening.addressee ?? 'college') : undefined;
}

const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);

/** `from` replaced by `to` where it stands as whole words. */
function replaceWords(text: string, from: string, to: string): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + from.length)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + from.length])) continue;
    out += text.slice(last, at) + to;
    last = at + from.length;
  }
  return out + text.slice(last);
}

/**
 * A question template of the rules (before "{uitvoert}" is filled) asked of `to`: the college's
 * pronoun before "{uitvoert}" ("voordat het {uitvoert}") made passive ("{uitgevoerd}": "voordat
 * de motie wordt uitgevoerd"), then the college itself named.
 */
export function templateFor(template: string, to: Addressee | undefined): string {
  if (to !== 'burgemeester') return template;
  return textFor(template.replaceAll('het {uitvoert}', '{uitgevoerd}'), to);
}

/** A question asked of `to`: "het college" and "Het college" as words become "de burgemeester", "De burgemeester". */
export function textFor(text: string, to: Addressee | undefined): string {
  if (to !== 'burgemeester') return text;
  const name = ADDRESSEE.burgemeester.name;
  return replaceWords(replaceWords(text, 'het college', name), 'Het college', name.charAt(0).toUpperCase() + name.slice(1));
}

// Each question of a letter says each thing once: over every document of the compose-golden set
// (the status eval's tune set and the demo pages) and the demo raadsvoorstel, as the kind its
// opening shows and as a motie (open, adopted, to the burgemeester), and in "Alles" letters about
// several of them (one letter per addressee), no question repeats a run of five words, spells out a
// defined term twice, names the burgemeester twice in a sentence, names the addressee, the FG, the
// gemeente, the raad, the leverancier or the document twice, says a clause word ("wanneer") or a
// word ("het het") twice, names an abbreviation again where "die" would do, quotes a name twice, or
// closes a quote with a stop after the one it ends with (“…,”. “….””.);
// nor does a paragraph of the letter's opening (./repetition.ts).
import { describe, expect, it } from 'vitest';
import { buildLetters, letterQuestions, type LetterInput } from '../../../../lib/record/export/letter';
import { goldenLetters, KIND_READINGS, MOTIE_READINGS } from './golden-letters';
import { namesTwice, quotedAgain, repetitionsIn } from './repetition';

/** Each question of `input`'s letter that says something twice, with what and where. */
function repeatedIn(input: LetterInput, where: string): string[] {
  return buildLetters(input).flatMap((letter) => [
    ...letter.inleiding.split('\n\n').flatMap((p) => {
      const again = repetitionsIn(p);
      return again.length ? [`${where}, opening [${again.join('; ')}]: ${p}`] : [];
    }),
    ...letterQuestions(letter).flatMap((q) => {
      const again = [...repetitionsIn(q.text), ...namesTwice(q.text)];
      return again.length ? [`${where} [${again.join('; ')}]: ${q.text}`] : [];
    }),
    ...quotedAgain(letterQuestions(letter).map((q) => q.text)).map((q) => `${where} [a passage quoted again]: ${q}`),
    ...letterQuestions(letter).flatMap((q) => (STOP_TWICE.test(q.text) ? [`${where} [a stop twice]: ${q.text}`] : [])),
  ]);
}

/** A quote closed with a stop after one it ends with already: “… is aangetoond,”. or “… besluit.””. */
const STOP_TWICE = /,”\.|[.!?…]["”’']”\./;

async function repeatedQuestions(): Promise<string[]> {
  return (await goldenLetters([...MOTIE_READINGS, ...KIND_READINGS])).flatMap(({ where, input }) => repeatedIn(input, where));
}

describe('a letter’s question says each thing once', () => {
  it('finds repetition where there is some', () => {
    expect(repetitionsIn('Het stuk noemt geen alternatieven waarbij de gemeente minder verwerkt. Welke alternatieven waarbij de gemeente minder verwerkt zijn onderzocht?')).toEqual(['alternatieven waarbij de gemeente minder', 'waarbij de gemeente minder verwerkt', 'alternatieven ×2']);
    expect(repetitionsIn('Is de functionaris gegevensbescherming (FG) gevraagd? Heeft de functionaris gegevensbescherming (FG) geantwoord?')).toContain('(FG) twice');
    expect(repetitionsIn('Is er een IAMA? Is een Impact Assessment Mensenrechten en Algoritmes (IAMA) gedaan?')).toContain('IAMA before (IAMA)');
    expect(repetitionsIn('Het raadsvoorstel zegt niet hoe inwoners over de technologie worden geïnformeerd. Hoe worden inwoners uit eigen beweging geïnformeerd?')).toEqual(['niet hoe … hoe (inwoners, geïnformeerd)']);
    // The gap named, then asked: not a repetition; nor "hoe" asked about something else.
    expect(repetitionsIn('Het raadsvoorstel zegt niets over informatie aan inwoners. Hoe worden inwoners uit eigen beweging geïnformeerd?')).toEqual([]);
    expect(repetitionsIn('Het raadsvoorstel zegt niet hoe de gemeente de gegevens bewaart. Hoe controleert de gemeente de leverancier?')).toEqual([]);
    expect(repetitionsIn('Het college schrijft: “de raad krijgt de uitkomst te zien.” Krijgt de raad de uitkomst te zien?')).toEqual([]);
    // A quote that holds a quote of its own („…”) is the document's words to its end.
    expect(repetitionsIn('De indieners schrijven: “Amendement „Kort bewaren” vraagt het college om de foto’s te wissen.” Hoe zorgt het college daarvoor?')).toEqual([]);
    expect(repetitionsIn('Vraagt het college de FG, voordat het college besluit?')).toEqual(['het college twice']);
  });

  it('finds a clause word twice, a word twice in a row, an abbreviation named again and a quoted name twice', () => {
    expect(repetitionsIn('Wanneer en hoe wordt de inzet geëvalueerd wanneer de burgemeester de motie uitvoert, ook op privacy?')).toEqual(['wanneer … wanneer']);
    expect(repetitionsIn('De vragen gaan over wat het college doet voordat het het gewijzigde besluit uitvoert.')).toEqual(['het het']);
    expect(repetitionsIn('Het raadsvoorstel noemt geen DPIA. Is er vooraf een DPIA uitgevoerd, en wat was de uitkomst? Kan de raad de DPIA inzien?')).toEqual(['DPIA ×3']);
    expect(repetitionsIn('Het raadsvoorstel noemt geen Impact Assessment Mensenrechten en Algoritmes (IAMA). Is er een IAMA uitgevoerd?')).toEqual(['IAMA ×2']);
    expect(repetitionsIn('Het raadsvoorstel noemt het Algoritmeregister niet. Wordt het algoritme opgenomen in het Algoritmeregister?')).toEqual(['Algoritmeregister ×2']);
    expect(repetitionsIn('Het raadsvoorstel noemt geen verwerkersovereenkomst. Is er met de leverancier een verwerkersovereenkomst gesloten?')).toEqual(['verwerkersovereenkomst ×2']);
    expect(repetitionsIn('Het raadsvoorstel noemt geen verwerkersovereenkomst. Is er met de leverancier toch een gesloten?')).toEqual([]);
    expect(repetitionsIn('Welke alternatieven ziet het college om te bereiken wat de motie “F_8 FVD motie Onderzoek AI” wil, als de motie “F_8 FVD motie Onderzoek AI” wordt aangenomen?')).toEqual(['“F_8 FVD motie Onderzoek AI” twice']);
    // Said once, then "die", "een", "nog een"; a quote and a placeholder are not the letter's own words.
    expect(repetitionsIn('Het raadsvoorstel noemt geen DPIA. Is er toch vooraf een uitgevoerd, en zo ja: wat was de uitkomst, en kan de raad die inzien?')).toEqual([]);
    expect(repetitionsIn('In het raadsvoorstel staat: “Er is een DPIA gedaan.” Wanneer is de DPIA klaar?')).toEqual([]);
    expect(repetitionsIn('Op grond van artikel [artikel …] van het Reglement van orde stelt de fractie van [fractie] deze vragen.')).toEqual([]);
    // Two documents of one portal: their addresses share a start, the letter says nothing twice.
    expect(repetitionsIn('- de motie “A” (https://example.org/pages/record-brief-drones.html)\n- de motie “B” (https://example.org/pages/record-versie-1.html)')).toEqual([]);
  });

  it('finds who or what a question names twice, outside what it quotes', () => {
    expect(namesTwice('Het raadsvoorstel zegt niet of de functionaris gegevensbescherming (FG) om advies is gevraagd. Heeft de FG op tijd advies gegeven?')).toEqual(['de FG ×2']);
    expect(namesTwice('Het college schrijft in het raadsvoorstel: “…” Laat het college die alsnog uitvoeren?')).toEqual(['het college ×2']);
    expect(namesTwice('In de motie “Camera’s” staat: “…” Als de motie “Camera’s” wordt aangenomen: wordt er dan eerst een DPIA uitgevoerd?')).toEqual(['het stuk (motie) ×2']);
    expect(namesTwice('Is er met de leverancier een verwerkersovereenkomst gesloten, en hoe controleert de gemeente of de leverancier zich eraan houdt?')).toEqual(['de leverancier ×2']);
    // Said once, then "die", "zij" or "het": once; the document's own words (a quote, one inside a quote) are not the letter's.
    expect(namesTwice('Het raadsvoorstel zegt niet of de functionaris gegevensbescherming (FG) om advies is gevraagd. Is dat gebeurd, en zo ja: op tijd?')).toEqual([]);
    expect(namesTwice('In het raadsvoorstel staat: “Het college laat de leverancier „volgens het college” werken.” Laat het college die alsnog uitvoeren?')).toEqual([]);
    expect(namesTwice('Is er met de leverancier een verwerkersovereenkomst gesloten, en hoe controleert de gemeente of die zich eraan houdt?')).toEqual([]);
  });

  it('finds a quote closed with a stop after the one it ends with', () => {
    expect(STOP_TWICE.test('De indieners schrijven: “de camera’s te evalueren als de noodzaak niet is aangetoond,”. Is het college bereid?')).toBe(true);
    expect(STOP_TWICE.test('De indieners schrijven: “het wordt „geëvalueerd voordat de raad besluit.””. Wanneer?')).toBe(true);
    expect(STOP_TWICE.test('In de brief staat: “Er is geen DPIA.” Waarom niet?')).toBe(false);
  });

  it('finds a passage of the document quoted in a second question of the letter', () => {
    const passage = '“Voordat de burgemeester een gebied aanwijst, wordt een DPIA uitgevoerd en wordt de FG om advies gevraagd.”';
    expect(quotedAgain([`In het raadsvoorstel staat: ${passage} Is er een DPIA?`, `In het raadsvoorstel staat: ${passage} Is de FG gevraagd?`])).toEqual([`In het raadsvoorstel staat: ${passage} Is de FG gevraagd?`]);
    // A title is the document's name, said in each question of a letter about several documents; a reference back is no quote.
    expect(quotedAgain(['In de motie “Camera’s in het Stationsgebied” staat: “Er is geen DPIA.” Waarom niet?', 'Hoe beoordeelt het college de motie “Camera’s in het Stationsgebied”?', 'Is de FG gevraagd? (Over dezelfde passage als vraag 1.)'])).toEqual([]);
    // Two documents of an Alles letter with the same sentence: each quoted under its own title.
    expect(quotedAgain(['In de brief “A” staat: “Een IAMA is daarom niet uitgevoerd.” Waarom niet?', 'In de brief “B” staat: “Een IAMA is daarom niet uitgevoerd.” Waarom niet?'])).toEqual([]);
    expect(quotedAgain(['In de brief “A” staat: “Een IAMA is daarom niet uitgevoerd.” Waarom niet?', 'In de brief “A” staat: “Een IAMA is daarom niet uitgevoerd.” Komt die er?'])).toHaveLength(1);
  });

  it('in no letter for the compose-golden documents', { timeout: 120_000 }, async () => {
    expect(await repeatedQuestions()).toEqual([]);
  });
});

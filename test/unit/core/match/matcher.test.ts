import { describe, expect, it } from 'vitest';
import { compileMatcher, compileTerms, OWN_TERM_PREFIX, type TermMatch } from '../../../../lib/core/match';
import type { OwnTerm } from '../../../../lib/core/rules/schema';
import { TEST_PACKS } from './packs';

const matcher = compileMatcher(TEST_PACKS);

function checked(text: string, matches: TermMatch[]): TermMatch[] {
  for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  return matches;
}

/** [termId, matched original text] for every match. */
function found(text: string, m = matcher): [string, string][] {
  return checked(text, m.match(text)).map((x) => [x.termId, x.text]);
}

describe('compounds and inflections', () => {
  it.each([
    ['Het cameratoezicht wordt uitgebreid.', 'camera', 'cameratoezicht'],
    ['Handhavers krijgen een bodycamera.', 'bodycam', 'bodycamera'],
    ['Handhavers krijgen een borstcamera.', 'camera', 'borstcamera'],
    ['Er hangen toezichtcamera\'s bij het station.', 'camera', "toezichtcamera's"],
    ['Er hangen toezichtcamera’s bij het station.', 'camera', 'toezichtcamera’s'],
    ['De camera’s in het centrum.', 'camera', 'camera’s'],
    ['Geen gezichtsherkenningssystemen in de stad.', 'gezichtsherkenning', 'gezichtsherkenningssystemen'],
    ['Zie het algoritmeregister.', 'algoritme', 'algoritmeregister'],
    ['Welke algoritmen gebruikt de gemeente?', 'algoritme', 'algoritmen'],
    ['Welke algoritmes gebruikt de gemeente?', 'algoritme', 'algoritmes'],
    ['Het sensorenregister is openbaar.', 'sensor', 'sensorenregister'],
    ['Meer sensoren in de wijk.', 'sensor', 'sensoren'],
    ['Zes drones boven het strand.', 'drone', 'drones'],
    ['De bodycams van boa’s.', 'bodycam', 'bodycams'],
    ['Een proefproject met de gemeente.', 'proef', 'proefproject'],
  ])('%s', (text, termId, word) => {
    expect(found(text)).toEqual([[termId, word]]);
  });

  it('reports one match for a hyphenated compound with an acronym and a plural', () => {
    // camera is the longer hit, so it names the match
    expect(found('Er komen ANPR-camera’s aan de rand.')).toEqual([['camera', 'ANPR-camera’s']]);
    expect(found('Er komt ANPR aan de rand.')).toEqual([['anpr', 'ANPR']]);
    // a pack that wants ANPR to name the compound gives the acronym a longer form
    const m = compileTerms([
      { term: { id: 'camera', text: 'camera', match: 'stem' }, group: 'camera' },
      { term: { id: 'anpr', text: 'ANPR', match: 'acronym', forms: ['ANPR-camera'] }, group: 'tracking' },
    ]);
    expect(m.match('ANPR-camera’s').map((x) => [x.termId, x.text])).toEqual([['anpr', 'ANPR-camera’s']]);
  });

  it('prefers the longest hit inside one word, then the earliest', () => {
    const m = compileTerms([
      { term: { id: 'kort', text: 'toezicht', match: 'stem', compound: 'both' }, group: 'x' },
      { term: { id: 'lang', text: 'cameratoezicht', match: 'word' }, group: 'x' },
      { term: { id: 'camera', text: 'camera', match: 'stem', compound: 'both' }, group: 'x' },
    ]);
    expect(m.match('mobiel cameratoezichtbeleid').map((x) => [x.termId, x.text])).toEqual([['kort', 'cameratoezichtbeleid']]);
    expect(m.match('mobiel cameratoezicht').map((x) => [x.termId, x.text])).toEqual([['lang', 'cameratoezicht']]);
  });

  it('prefers a strong term over a weak one in the same word', () => {
    // proef (5 letters) and camera (6) both hit; camera is longer AND strong
    expect(found('De proefcamera staat klaar.')).toEqual([['camera', 'proefcamera']]);
    const m = compileTerms([
      { term: { id: 'proef', text: 'proefopstelling', match: 'stem', compound: 'modifier', weak: true }, group: 'x' },
      { term: { id: 'camera', text: 'camera', match: 'stem', compound: 'both' }, group: 'x' },
    ]);
    expect(m.match('proefopstellingcamera')[0]?.termId).toBe('camera');
  });

  it('respects the compound position of a stem', () => {
    const m = compileTerms([
      { term: { id: 'mod', text: 'kenteken', match: 'stem', compound: 'modifier' }, group: 'x' },
      { term: { id: 'head', text: 'scan', match: 'stem', compound: 'head' }, group: 'x' },
    ]);
    const ids = (text: string) => m.match(text).map((x) => x.termId);
    expect(ids('kentekencamera')).toEqual(['mod']);
    expect(ids('autokenteken')).toEqual([]);
    expect(ids('gezichtsscan')).toEqual(['head']);
    expect(ids('gezichtsscans')).toEqual(['head']);
    expect(ids('scanauto')).toEqual([]);
  });

  it('matches a word only as a whole word with an inflection', () => {
    expect(found('Dronten ligt in Flevoland.')).toEqual([]);
    expect(found('De piloot vloog.')).toEqual([]);
    expect(found('Een pilot en twee pilots.')).toEqual([
      ['pilot', 'pilot'],
      ['pilot', 'pilots'],
    ]);
    expect(found('Het dronetje vloog.')).toEqual([['drone', 'dronetje']]);
  });
});

describe('acronyms', () => {
  it.each(['AIVD', 'draaien', 'e-mail', 'Kaai', 'detail', 'Ai', 'ai', 'MAIL', 'IOT', 'iot', 'Anpr'])('%s stays silent', (text) => {
    expect(found(`Zie ${text} hier.`)).toEqual([]);
  });

  it.each([
    ['Inzet van AI bij de gemeente.', 'AI'],
    ['De AI-verordening geldt.', 'AI-verordening'],
    ['Twee AI’s naast elkaar.', 'AI’s'],
    ['AI', 'AI'],
    ['(AI)', 'AI'],
    ['Gebruik van A.I. in de zorg.', 'A.I.'],
  ])('%s', (text, word) => {
    expect(found(text)).toEqual([['ai', word]]);
  });

  it('matches IoT only in its own spelling', () => {
    expect(found('IoT-sensoren en IoT')).toEqual([
      ['sensor', 'IoT-sensoren'],
      ['iot', 'IoT'],
    ]);
  });
});

describe('compound families', () => {
  const family = compileTerms([
    {
      term: { id: 'model', text: 'voorspellingsmodel', match: 'stem', compound: 'head', compounds: { modifiers: ['voorspellings', 'risico', 'AI-'], heads: ['model', 'modellen'] } },
      group: 'algoritme',
    },
    { term: { id: 'taxatie', text: 'risicotaxatie-instrument', match: 'word', compounds: { modifiers: ['risicotaxatie'], heads: ['instrument', 'tool'] } }, group: 'algoritme' },
    { term: { id: 'signalen', text: 'wifisignalen', match: 'word', compounds: { modifiers: ['wifi', 'wifi-', 'bluetooth'], heads: ['signalen', 'baken'] } }, group: 'tracking' },
  ]);
  const hits = (text: string) => checked(text, family.match(text) as unknown as TermMatch[]).map((m) => m.text);

  it('matches every modifier with every head, with a hyphen where Dutch writes one or the modifier has it', () => {
    expect(hits('Een voorspellingsmodel, twee risicomodellen en een AI-model.')).toEqual(['voorspellingsmodel', 'risicomodellen', 'AI-model']);
    // Vowels meeting: both spellings; otherwise only the joined one.
    expect(hits('Het risicotaxatie-instrument, het risicotaxatieinstrument, de risicotaxatietool.')).toEqual([
      'risicotaxatie-instrument',
      'risicotaxatieinstrument',
      'risicotaxatietool',
    ]);
    expect(hits('Een risico-model.')).toEqual([]);
    // A regular plural comes with the head: baken → bakens.
    expect(hits('Bluetoothbakens en wifi-signalen.')).toEqual(['Bluetoothbakens', 'wifi-signalen']);
  });

  it('lets a head stem take a further modifier in front, a word not', () => {
    expect(hits('Het fraudevoorspellingsmodel en het WOZ-risicomodel.')).toEqual(['fraudevoorspellingsmodel', 'WOZ-risicomodel']);
    expect(hits('Gratis stadswifisignalen.')).toEqual([]);
  });

  it('never matches a modifier or a head on its own', () => {
    expect(hits('Het model van de risico’s; de bakens verzet; slechte signalen; de wifi doet het.')).toEqual([]);
  });
});

describe('spellings as real text writes them', () => {
  const written = compileTerms([
    { term: { id: 'iot', text: 'internet of things', match: 'phrase' }, group: 'sensor' },
    { term: { id: 'gps', text: 'gps-tracker', match: 'word' }, group: 'tracking' },
  ]);
  const hits = (text: string) => checked(text, written.match(text) as unknown as TermMatch[]).map((m) => m.text);

  it('matches a phrase written with hyphens, also over a line end (a capital keeps the hyphen)', () => {
    expect(hits('Het Internet-of-Things.')).toEqual(['Internet-of-Things']);
    expect(hits('Het Internet-of-\nThings.')).toEqual(['Internet-of-\nThings']);
    expect(hits('Het internet  of\nthings.')).toEqual(['internet  of\nthings']);
  });

  it('matches a hyphenated word broken at its hyphen at a line end, and written with a space', () => {
    // Folding joins "gps-⏎tracker" into "gpstracker" (a lower-case word before the hyphen).
    expect(hits('Elke wagen heeft een gps-\ntracker.')).toEqual(['gps-\ntracker']);
    expect(hits('Elke wagen heeft een gps-tracker en een gps tracker.')).toEqual(['gps-tracker', 'gps tracker']);
  });
});

describe('phrases and forms', () => {
  it.each([
    ['Renkum plaatst slimme lantaarnpalen.', 'slimme lantaarnpalen'],
    ['Een slimme lantaarnpaal bij de school.', 'slimme lantaarnpaal'],
    ['Een slimme lantaarnpaaltje.', 'slimme lantaarnpaaltje'],
    ['Een Slimme\nLantaarnpaal.', 'Slimme\nLantaarnpaal'],
    ['Een slimme\u00a0lantaarnpaal.', 'slimme\u00a0lantaarnpaal'],
    ['Een slimme \u202f\t lantaarnpaal.', 'slimme \u202f\t lantaarnpaal'],
  ])('%j', (text, phrase) => {
    expect(found(text)).toEqual([['slimme-lantaarnpaal', phrase]]);
  });

  it('does not match a phrase that is only half there', () => {
    expect(found('Een slimme oplossing bij de lantaarnpaal.')).toEqual([]);
  });

  it.each(['wifitracking', 'wifi-tracking', 'wifi tracking', 'Wifi-Tracking', 'WiFi‑tracking'])('%s', (text) => {
    expect(found(`De gemeente stopt met ${text} op de Wallen.`)).toEqual([['wifitracking', text]]);
  });

  it('matches across diacritics', () => {
    expect(found('Over artificiële intelligentie.')).toEqual([['artificiele-intelligentie', 'artificiële intelligentie']]);
    expect(found('Over artificiele intelligentie.')).toEqual([['artificiele-intelligentie', 'artificiele intelligentie']]);
    // decomposed ë (e + combining diaeresis) is how some PDFs deliver it
    const nfd = 'Over artificie\u0308le intelligentie.';
    expect(found(nfd)).toEqual([['artificiele-intelligentie', 'artificie\u0308le intelligentie']]);
  });

  it('matches data-analyse with and without hyphen', () => {
    expect(found('De data-analyse en de data analyse en de dataanalyse.').map(([id]) => id)).toEqual([
      'data-analyse',
      'data-analyse',
      'data-analyse',
    ]);
  });

  it('lets a phrase win over a word inside it (leftmost-longest)', () => {
    const m = compileTerms([
      { term: { id: 'camera', text: 'camera', match: 'stem' }, group: 'x' },
      { term: { id: 'slimme-camera', text: 'slimme camera', match: 'phrase' }, group: 'y' },
    ]);
    expect(m.match('Drie slimme camera’s en een camera.').map((x) => [x.termId, x.group, x.text])).toEqual([
      ['slimme-camera', 'y', 'slimme camera’s'],
      ['camera', 'x', 'camera'],
    ]);
  });
});

describe('hits that reach back into an earlier word', () => {
  it('keeps leftmost-longest when a later hit starts its span before an earlier one', () => {
    // "bb" ends first (span "bb-cc"), the phrase ends later but its span starts at "aa".
    const m = compileTerms([
      { term: { id: 'bb', text: 'bb', match: 'word' }, group: 'x' },
      { term: { id: 'aa-bb-cc', text: 'aa bb-cc', match: 'phrase' }, group: 'y' },
      { term: { id: 'dd', text: 'dd', match: 'word' }, group: 'x' },
    ]);
    expect(m.match('zz aa bb-cc dd bb').map((x) => [x.termId, x.text])).toEqual([
      ['aa-bb-cc', 'aa bb-cc'],
      ['dd', 'dd'],
      ['bb', 'bb'],
    ]);
  });
});

describe('exceptions and traps', () => {
  it.each([
    'De cameraman filmde.',
    'Het camerawerk was goed.',
    'Het Camerata-orkest speelt.',
    'Kinderen met sensorische prikkels.',
    'Het sensorisch profiel.',
    'Het beeldkwaliteitsplan voor de wijk.',
    'De beeldvormende vergadering.',
    'Hij rondde zijn proefschrift af.',
    'Na het proefverlof.',
    'In de proeftijd.',
    'De vergaderdata staan online.',
    'Een piloot en een Dronten.',
  ])('%s stays silent', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('silences only the hit the exception covers', () => {
    expect(found('De cameraman bediende de camera.')).toEqual([['camera', 'camera']]);
    expect(found('De cameramannen en de beeldherkenning.')).toEqual([['beeld', 'beeldherkenning']]);
  });

  it('lets an exception silence only its own term', () => {
    // "cameraman" silences camera, not the own term "man" that the reader added.
    const own: OwnTerm[] = [{ id: 'm', text: 'cameraman', category: 'camera' }];
    const m = compileMatcher(TEST_PACKS, { ownTerms: own });
    expect(found('De cameraman.', m)).toEqual([[`${OWN_TERM_PREFIX}m`, 'cameraman']]);
  });

  it('can silence with a multi-word exception', () => {
    const m = compileTerms([
      {
        term: { id: 'camera', text: 'camera', match: 'stem', except: ["camera's in de raadzaal"] },
        group: 'camera',
      },
    ]);
    expect(m.match('De camera’s in de raadzaal en de camera’s op straat.').map((x) => x.start)).toEqual([33]);
  });
});

describe('folding of document accidents', () => {
  it('ignores soft hyphens inside a word', () => {
    expect(found('Het came\u00adra\u00adtoe\u00adzicht.')).toEqual([['camera', 'came\u00adra\u00adtoe\u00adzicht']]);
  });

  it('joins a word broken at a line end', () => {
    expect(found('Het camera-\ntoezicht wordt')).toEqual([['camera', 'camera-\ntoezicht']]);
    expect(found('Het camera-  \r\n   toezicht wordt')).toEqual([['camera', 'camera-  \r\n   toezicht']]);
    expect(found('gezichts-\nherkenning')).toEqual([['gezichtsherkenning', 'gezichts-\nherkenning']]);
    expect(found('slimme lantaarn-\npalen')).toEqual([['slimme-lantaarnpaal', 'slimme lantaarn-\npalen']]);
  });

  it('keeps the hyphen after an acronym at a line end', () => {
    expect(found('De AI-\nverordening')).toEqual([['ai', 'AI-\nverordening']]);
  });

  it('does not join a hyphen that is not at a line end', () => {
    expect(found('camera- en beeldtoezicht')).toEqual([
      ['camera', 'camera'],
      ['beeld', 'beeldtoezicht'],
    ]);
  });

  it('ignores zero-width characters', () => {
    expect(found('came\u200bra\u200d’s')).toEqual([['camera', 'came\u200bra\u200d’s']]);
  });

  it('handles ligatures from PDF text', () => {
    const m = compileTerms([{ term: { id: 'profiel', text: 'risicoprofiel', match: 'stem' }, group: 'x' }]);
    expect(m.match('Het risicoproﬁel is klaar.').map((x) => x.text)).toEqual(['risicoproﬁel']);
  });
});

describe('own terms and options', () => {
  it('matches own terms literally, never as a pattern', () => {
    const own: OwnTerm[] = [
      { id: '1', text: 'a.b*', category: 'data' },
      { id: '2', text: '(x+y)?', category: 'data' },
      { id: '3', text: 'Blauwe Zone', category: 'tracking' },
    ];
    const m = compileMatcher(TEST_PACKS, { ownTerms: own });
    expect(found('zie a.b* en aXbbb en ab en (x+y)? en xy', m)).toEqual([
      ['own:1', 'a.b*'],
      ['own:2', '(x+y)?'],
    ]);
    const blue = m.match('De blauwe zones in het centrum.');
    expect(blue.map((x) => [x.termId, x.category, x.text])).toEqual([['own:3', 'tracking', 'blauwe zones']]);
  });

  it('skips disabled categories, also for own terms', () => {
    const own: OwnTerm[] = [{ id: '1', text: 'telraam', category: 'camera' }];
    const m = compileMatcher(TEST_PACKS, { ownTerms: own, disabledCategories: ['camera', 'pilot'] });
    expect(found('camera, telraam, pilot en sensor', m)).toEqual([['sensor', 'sensor']]);
  });

  it('reports categories from the packs', () => {
    const cats = matcher.match('camera, AI, sensor, wifi-tracking, gezichtsherkenning, drone, pilot').map((x) => x.category);
    expect(cats).toEqual(['camera', 'algoritme', 'sensor', 'tracking', 'biometrie', 'drone', 'pilot']);
  });

  it('returns nothing for empty or term-free text', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('De raad vergadert op dinsdag over de begroting.')).toEqual([]);
  });
});

describe('offsets', () => {
  it('maps every match back to the original substring in a messy text', () => {
    const text =
      '\u00a0\u00a0Het  came\u00adra-\n toezicht (ANPR-camera’s), 𝒜 emoji 😀 drones, artificie\u0308le\u00a0\u00a0intelligentie\u200b; ' +
      'slimme\n\nlantaarn\u00ad\npalen en Gezichts­herkenningssystemen.';
    const ms = checked(text, matcher.match(text));
    expect(ms.map((m) => m.termId)).toEqual([
      'camera',
      'camera',
      'drone',
      'artificiele-intelligentie',
      'slimme-lantaarnpaal',
      'gezichtsherkenning',
    ]);
    expect(ms[3]?.text).toBe('artificie\u0308le\u00a0\u00a0intelligentie');
  });
});

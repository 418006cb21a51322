// The shipped packs through the real matcher, on Dutch sentences: the terms the research found
// in raadsstukken are found in the right category, and the traps of §4.12 stay silent.
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileTerms, termSpellings } from '../../../../lib/core/match';
import { assessDocument } from '../../../../lib/core/questions';
import { loadBuiltinRules, safeguardTermEntries } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
const matcher = compileMatcher(rules.categories);
const safeguardMatcher = compileTerms(safeguardTermEntries(rules.safeguards));

describe('real packs, real matcher: technology is found in its category', () => {
  it.each([
    ['Het college wil het cameratoezicht in de binnenstad uitbreiden.', 'cameratoezicht', 'camera'],
    ['Handhavers dragen voortaan een bodycamera.', 'bodycamera', 'camera'],
    ['Er komen vier toezichtcamera\'s bij het station.', "toezichtcamera's", 'camera'],
    ['De milieuzone wordt gehandhaafd met ANPR-camera’s.', 'ANPR-camera’s', 'camera'],
    ['De politie test gezichtsherkenningssystemen.', 'gezichtsherkenningssystemen', 'biometrie'],
    ['Het algoritme wordt opgenomen in het algoritmeregister.', 'algoritmeregister', 'algoritme'],
    ['Alle sensoren staan in het sensorenregister.', 'sensorenregister', 'sensor'],
    ['De gemeente stopt met wifi-tracking in het centrum.', 'wifi-tracking', 'tracking'],
    ['Langs de dijk komen slimme lantaarnpalen.', 'slimme lantaarnpalen', 'sensor'],
    ['De inzet van artificiële intelligentie vraagt om spelregels.', 'artificiële intelligentie', 'algoritme'],
    ['Met AI worden aanvragen vooraf gesorteerd.', 'AI', 'algoritme'],
    ['Een drone maakt beelden van het festivalterrein.', 'drone', 'drone'],
    ['Toezichthouders gebruiken nepaccounts op sociale media.', 'nepaccounts', 'online'],
    ['De analyse is datagedreven opgezet.', 'datagedreven', 'data'],
    ['De gegevens staan in de cloud van de leverancier.', 'cloud', 'cloud'],
    ['Bezoekers worden geteld met wifisensoren.', 'wifisensoren', 'tracking'],
    // Issue 12: families real documents use.
    // Profiling and risk models, and the compounds Dutch makes of them.
    ['De gemeente gebruikt risicoprofielen om aanvragen te selecteren.', 'risicoprofielen', 'algoritme'],
    ['Elk dossier krijgt een risicoscore.', 'risicoscore', 'algoritme'],
    ['Veilig Thuis werkt met een risicotaxatie-instrument.', 'risicotaxatie-instrument', 'algoritme'],
    ['Welke risicotaxatie-instrumenten gebruiken de wijkteams?', 'risicotaxatie-instrumenten', 'algoritme'],
    ['De profileringscriteria zijn niet openbaar.', 'profileringscriteria', 'algoritme'],
    ['Een voorspellingsmodel berekent piekmomenten.', 'voorspellingsmodel', 'algoritme'],
    ['Zijn er voorspellingsmodellen in gebruik?', 'voorspellingsmodellen', 'algoritme'],
    ['Het voorspelmodel is getraind op oude dossiers.', 'voorspelmodel', 'algoritme'],
    ['Wij onderzoeken een fraudevoorspellingsmodel.', 'fraudevoorspellingsmodel', 'algoritme'],
    ['Het AI-model komt van een Amerikaanse aanbieder.', 'AI-model', 'algoritme'],
    ['Van etnisch profileren is geen sprake.', 'etnisch profileren', 'algoritme'],
    ['De politie verkent predictive policing.', 'predictive policing', 'algoritme'],
    // The signals devices send.
    ['Kastjes vangen wifi- en bluetoothsignalen op.', 'bluetoothsignalen', 'tracking'],
    ['Drukte wordt gemeten met wifisignalen.', 'wifisignalen', 'tracking'],
    ['De sensoren slaan MAC-adressen op.', 'MAC-adressen', 'tracking'],
    ['In de stallingen hangen bluetooth-bakens.', 'bluetooth-bakens', 'tracking'],
    ['In de hal hangen beacons.', 'beacons', 'tracking'],
    ['De leverancier vangt signalen van mobiele telefoons op.', 'signalen van mobiele telefoons', 'tracking'],
    ['Fietsers worden geteld via GSM-signalen.', 'GSM-signalen', 'tracking'],
    ['Telefoonsignalen zijn herleidbaar.', 'Telefoonsignalen', 'tracking'],
    // English names, as written, misspellings included.
    ['Een oplossing op basis van Artificial Intelligence.', 'Artificial Intelligence', 'algoritme'],
    ['Powered by Artifical Intelligence.', 'Artifical Intelligence', 'algoritme'],
    ['De garage werkt met Automatic Number Plate Recognition.', 'Automatic Number Plate Recognition', 'camera'],
    ['Het Internet of Things maakt dit mogelijk.', 'Internet of Things', 'sensor'],
    ['Het Internet-of-Things maakt dit mogelijk.', 'Internet-of-Things', 'sensor'],
    ['De meeste IOT-toepassingen werken met LoRa.', 'IOT-toepassingen', 'sensor'],
    ['Belastingen gebruikt machine-learning.', 'machine-learning', 'algoritme'],
    ['Medewerkers mogen geen Chat-GPT gebruiken.', 'Chat-GPT', 'algoritme'],
    ['Andere Large Language Models zijn verboden.', 'Large Language Models', 'algoritme'],
    ['Worden er algorithmes gebruikt?', 'algorithmes', 'algoritme'],
  ])('%s', (sentence, text, category) => {
    expect(matcher.match(sentence)).toContainEqual(expect.objectContaining({ text, category }));
  });
});

describe('every spelling in the packs is reachable', () => {
  // An exception, a case rule or a longer term could shadow a spelling without anyone noticing.
  it('finds each term text and form, whole, in its own category or group', () => {
    const unreachable: string[] = [];
    for (const c of rules.categories) {
      for (const t of c.terms) {
        for (const s of termSpellings(t)) {
          if (!matcher.match(`Zie ${s} hier.`).some((m) => m.category === c.id && m.text === s)) unreachable.push(`${t.id}: ${s}`);
        }
      }
    }
    for (const { term, group } of safeguardTermEntries(rules.safeguards)) {
      for (const s of termSpellings(term)) {
        if (!safeguardMatcher.match(`Zie ${s} hier.`).some((m) => m.group === group && m.text === s)) unreachable.push(`${term.id}: ${s}`);
      }
    }
    expect(unreachable).toEqual([]);
  });
});

describe('real packs, real matcher: traps stay silent', () => {
  it.each([
    'Het beeldkwaliteitsplan voor de nieuwe wijk ligt ter inzage.',
    'De vergaderdata voor 2025 zijn vastgesteld.',
    'Zij rondde onlangs haar proefschrift af.',
    'Het kind is gevoelig voor sensorische prikkels.',
    'De AIVD heeft een ambtsbericht gestuurd.',
    'De Veiligheidsmonitor laat een daling zien.',
    'De werkdruk bij de afdeling is hoog.',
    'Het functieprofiel van de griffier is herzien.',
    'In de bibliotheek is gratis wifi.',
    'Deze website gebruikt tracking cookies.',
    'De cameraman van de lokale omroep filmde de raadsvergadering.',
    'Het Camerata-ensemble speelt in de schouwburg.',
    'Het risicoprofiel van de grondexploitatie is verlaagd.',
    'De raad stelt de modelverordening vast; zie ook het handelsregister.',
    'Er is een quickscan gedaan van de begroting.',
    'De uitkering valt onder de Participatiewet.',
    'We willen slimmer werken met een slimme oplossing.',
    'Het nieuwe apparaat staat in het appartement.',
    'De wijkteams werken samen met de gemeente Dronten.',
    'De piloten van de traumahelikopter landen op het dak.',
    'De wind waait over de Kaai; het e-mailadres staat onderaan.',
    // Issue 12: from the real Den Helder besluitenlijst, and what the new families must leave alone.
    'In te stemmen met de statutenwijziging, geregistreerd onder nummer AI15.02693.',
    'De profielschetsen voor de Raad van Toezicht en haar leden worden vastgesteld.',
    'Het amendement vraagt een app voor de begroting 2017.',
    'Het risicoprofiel van de gemeente is ongewijzigd.',
    'De financiële risicoprofielen van de grondexploitaties zijn herzien.',
    'De risicoprofielen van de verbonden partijen staan in de paragraaf.',
    'De veiligheidsregio maakt een risicotaxatie van het evenement.',
    'De selectiecriteria staan in de aanbesteding.',
    'Het verdienmodel van de stichting en de modelverordening van de VNG.',
    'Met dit programma verzetten wij de bakens.',
    'De vaarwegbakens in de Vecht worden vervangen.',
    'Er komen signalen uit de wijk over overlast.',
    'Het wifisignaal in de bibliotheek is zwak.',
    'Het gsm-signaal in het buitengebied is slecht.',
    'Het Gemini Ziekenhuis in Den Helder breidt uit.',
    'De copiloot van de traumahelikopter.',
  ])('%s', (sentence) => {
    expect(matcher.match(sentence)).toEqual([]);
  });

  it('keeps a pilot weak: it is found, but the pilot category is weak-only', () => {
    const matches = matcher.match('De pilot start in maart.');
    expect(matches.map((m) => m.category)).toEqual(['pilot']);
    const a = assessDocument({ text: 'De pilot start in maart.', matches, safeguardHits: [], rules, layout: 'wrapped' });
    expect(a.questions.some((q) => q.applies)).toBe(false);
  });
});

describe('real safeguard packs', () => {
  it.each([
    ['Er is geen DPIA uitgevoerd.', 'dpia'],
    ['Een gegevensbeschermingseffectbeoordeling volgt.', 'dpia'],
    ['De functionaris gegevensbescherming is gehoord.', 'fg'],
    ['Het FG-advies is bijgevoegd.', 'fg'],
    ['Minder ingrijpende middelen zijn overwogen.', 'alternatieven'],
    ['Volgens privacy-by-design ontworpen.', 'privacy-by-design'],
    ['De beelden worden na 28 dagen automatisch verwijderd.', 'bewaartermijn'],
    ['Er komen borden; de bebording volgt de APV.', 'informeren'],
    ['Het algoritme komt in het Algoritmeregister.', 'algoritmeregister'],
    ['Het gaat om kinderen op het schoolplein.', 'kinderen'],
    ['De camera’s hangen in de openbare ruimte.', 'openbare-ruimte'],
    ['De leverancier beheert het systeem.', 'leverancier'],
  ])('%s', (sentence, group) => {
    expect(safeguardMatcher.match(sentence).map((m) => m.group)).toContain(group);
  });

  it('does not take an adjective, a waste processor or a template heading as a safeguard', () => {
    const text = 'Alternatieve dekking via de afvalverwerker. Communicatie: n.v.t. Arbeidsparticipatie stijgt.';
    expect(safeguardMatcher.match(text)).toEqual([]);
  });
});

describe('a raadsvoorstel, end to end', () => {
  const text =
    'Raadsvoorstel cameratoezicht Stationsplein. Het college stelt voor om als proef drie camera’s te plaatsen ' +
    'in de openbare ruimte rond het station. De beelden worden 28 dagen bewaard. De leverancier levert ook ' +
    'de software voor beeldanalyse.';

  it('asks about DPIA, FG, alternatives and informing inwoners, and shows what it found', () => {
    const matches = matcher.match(text);
    const safeguardHits = safeguardMatcher.match(text);
    const a = assessDocument({ text, matches, safeguardHits, rules, layout: 'wrapped' });
    expect(a.categories.map((c) => [c.category, c.weakOnly])).toEqual([['camera', false], ['pilot', true]]);
    expect(a.questions.every((q) => q.applies)).toBe(true);
    expect(a.safeguards.found.map((f) => f.id)).toEqual(['bewaartermijn']);
    expect(a.safeguards.missing.map((m) => m.id)).toEqual(expect.arrayContaining(['dpia', 'fg', 'alternatieven', 'informeren']));
    expect(a.signals.map((s) => s.id)).toEqual(['proefproject', 'openbare-ruimte', 'leverancier']);
    expect(a.questions[0]!.signals.map((s) => s.id)).toEqual(['leverancier']);
  });
});

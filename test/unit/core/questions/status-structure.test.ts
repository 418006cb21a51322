// The structural reading of a safeguard mention (lib/core/questions/status/structure.ts), per family
// with hand sentences through the real matcher, rules and shipped model: a table row's answer cell,
// a planning heading, a present act with a time ahead, a claim nobody checked, and the sentence
// pair read as one unit up to the next safeguard.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { assessDocument, readMentions } from '../../../../lib/core/questions';
import { compiledStatusRules, readStructure, rowAnswer, segmentText, statusFeatures } from '../../../../lib/core/questions/status';
import { loadBuiltinRules } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const compiled = compiledStatusRules(rules.status);
const TECH = 'Het college wil twaalf camera’s plaatsen in de binnenstad.\n\n';

/** "safeguard:status" (with "?" for a stated without ✓) for every mention, in text order. */
function read(body: string): string[] {
  const text = TECH + body;
  const { matches, safeguardHits } = analyser.find(text);
  const input = { matches, safeguardHits, text, rules, layout: 'wrapped' as const };
  const { hasTechnology } = assessDocument(input);
  return readMentions(input, hasTechnology).map((r) => `${r.hit.group}:${r.status!.status}${r.status!.certain === false ? '?' : ''}`);
}

/** The structural cues of each mention. */
function cues(body: string): string[][] {
  const text = TECH + body;
  const { safeguardHits } = analyser.find(text);
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const mentions = safeguardHits.filter((h) => ids.has(h.group)).map((h) => ({ start: h.start, end: h.end, safeguard: h.group, termId: h.termId ?? '' }));
  const compiled = compiledStatusRules(rules.status);
  return readStructure(text, mentions, segmentText(text, compiled.segment, 'wrapped'), compiled).map((s) => s.cues);
}

describe('structure: a table row answers with its answer cell', () => {
  it('reads cells split by runs of spaces, tabs and bars', () => {
    const at = (line: string) => rowAnswer(line, 0, 4, compiled);
    expect(at('DPIA        nee         start februari')?.status).toBe('negated');
    expect(at('DPIA\tja\tbijlage 2')?.status).toBe('stated');
    expect(at('DPIA | deels | alleen de pilot')?.status).toBe('stated');
    expect(at('DPIA  in voorbereiding  -')?.status).toBe('planned');
    // Two time columns: the last answer, the document's own time.
    expect(at('DPIA uitgevoerd     nee      in uitvoering')?.status).toBe('planned');
    expect(at('IAMA      nee      ja (sinds juni 2026)')?.status).toBe('stated');
  });

  it('does not read prose, a negated label or a cell of prose that starts like an answer', () => {
    const at = (line: string, term = 'DPIA') => rowAnswer(line, line.indexOf(term), line.indexOf(term) + term.length, compiled);
    expect(at('Er is een DPIA uitgevoerd en die is nee.')).toBeUndefined();
    expect(at('Voor de pilot is nog geen DPIA\tja')).toBeUndefined();
    expect(at('Een DPIA  is nog niet nodig, vindt het college.')).toBeUndefined();
    expect(at('Er is voor de pilot op het plein een DPIA  nee')).toBeUndefined();
    expect(at('DPIA      na de zomer volgt een besluit van het college over')).toBeUndefined();
  });

  it('reads a row as pdftotext lays it out: the label line, then answer lines', () => {
    const text = 'Advies FG\nnee\n\nVerwerkersovereenkomst\nja\n';
    expect(rowAnswer(text, 7, 9, compiled)?.status).toBe('negated');
    expect(rowAnswer(text, text.indexOf('Verwerkers'), text.indexOf('\nja'), compiled)?.status).toBe('stated');
    // A wrapped sentence whose next line happens to be "nog niet" and goes on in lower case is prose.
    expect(rowAnswer('De FG\nnog niet\nbij de pilot betrokken.', 3, 5, compiled)).toBeUndefined();
  });

  it('decides the status of the row, whatever cue stands in another row of the flattened table', () => {
    const table = [
      'Tabel 2. Stand waarborgen',
      'Waarborg                 Stand        Toelichting',
      'DPIA uitgevoerd          ja           maart 2026',
      'Advies FG                nee          -',
      'IAMA                     nee          niet voorzien',
      'Verwerkersovereenkomst   in concept   -',
      'Bebording plein          deels        3 van 5 ingangen',
      '',
      'Wij vragen u kennis te nemen van deze stand.',
    ].join('\n');
    // The status is the row's; whether "deels" earns a ✓ is the model's call.
    expect(read(table).map((s) => s.replace('?', ''))).toEqual(['dpia:stated', 'fg:negated', 'iama:negated', 'verwerkersovereenkomst:planned', 'informeren:stated']);
  });

  it('leaves "nee" for keeping to the retention rule: not keeping is an arrangement', () => {
    expect(cues('Beelden bewaard          nee          in de camera overschreven\n')[0]).toContain('row2:negated');
    expect(read('Beelden bewaard          nee          in de camera overschreven\n')).not.toEqual(['bewaartermijn:negated']);
  });
});

describe('structure: a planning heading governs what stands under it', () => {
  it('marks the items under "Planning", "Vervolgstappen", "Hoe verder?"', () => {
    for (const head of ['Planning', 'Vervolgstappen', 'Hoe verder?', 'Nog te doen']) {
      expect(cues(`${head}\n\n- In maart de DPIA.\n- Daarna het advies van de FG.\n`), head).toEqual([
        expect.arrayContaining(['under-planning']),
        expect.arrayContaining(['under-planning']),
      ]);
    }
    expect(cues('Uitvoering\n\n- In maart de DPIA.\n')[0]).not.toContain('under-planning');
  });

  it('an item that names the planning of a safeguard is planned', () => {
    expect(read('Bijlagen\n1. Raadsbesluit\n2. Planning DPIA en advies\n')).toEqual(['dpia:planned']);
  });
});

describe('structure: a present act with a time ahead is planned', () => {
  it('reads "wordt vóór <date> aangevuld", "wordt in 2027 uitgevoerd", "volgt in het derde kwartaal"', () => {
    expect(read('De DPIA wordt vóór Koningsdag 2027 aangevuld met de nieuwe camera’s.')).toEqual(['dpia:planned']);
    expect(read('De DPIA wordt in 2027 uitgevoerd door een extern bureau.')).toEqual(['dpia:planned']);
    expect(read('De privacyverklaring wordt vóór 1 april aangepast.')).toEqual(['informeren:planned']);
    expect(read('Een DPIA volgt in het derde kwartaal.')).toEqual(['dpia:planned']);
  });

  it('leaves a standing arrangement and a done act stated', () => {
    // The status is the structure's; whether the ✓ is certain is the model's (round 20's retrain puts this one under τ).
    expect(read('De beelden worden na 28 dagen automatisch verwijderd.').map((s) => s.replace('?', ''))).toEqual(['bewaartermijn:stated']);
    expect(read('De DPIA is in maart 2026 uitgevoerd.')).toEqual(['dpia:stated']);
    expect(read('De burgemeester evalueert het cameratoezicht jaarlijks.').map((s) => s.replace('?', ''))).toEqual(['evaluatie:stated']);
  });
});

describe('structure: a claim nobody checked gets no ✓', () => {
  it('someone else’s word, and a check that was not done, in the same or the next sentence', () => {
    expect(cues('Volgens de leverancier worden de beelden 28 dagen bewaard.')[0]).toContain('claim');
    expect(read('Volgens de leverancier worden de beelden 28 dagen bewaard.')).not.toContain('bewaartermijn:stated');
  });

  it('negates someone else’s claim that the document says nobody checked (round 11), and quotes the check', () => {
    expect(read('De leverancier zegt dat de beelden direct en automatisch verwijderd worden. Wij hebben dat nog niet zelf kunnen controleren.')).toEqual(['bewaartermijn:negated']);
    expect(read('De parkmanager schrijft dat het systeem volgens het principe van privacy by design is ontworpen, maar niemand bij de gemeente heeft dat nagekeken.')).toEqual(['privacy-by-design:negated']);
    expect(read('De fabrikant noemt de scanner ‘privacy by design’. Dat hebben wij niet zelf laten toetsen.')).toEqual(['privacy-by-design:negated']);
    const body = 'Volgens de leverancier worden de kentekens na een week automatisch verwijderd. Wij hebben dat niet zelf gecontroleerd.\n';
    const text = TECH + body;
    const { matches, safeguardHits } = analyser.find(text);
    const input = { matches, safeguardHits, text, rules, layout: 'wrapped' as const };
    const [kept] = readMentions(input, assessDocument(input).hasTechnology);
    expect(kept!.status!.status).toBe('negated');
    expect(kept!.status!.text).toContain('Wij hebben dat niet zelf gecontroleerd.');
  });

  it('leaves a claim that was checked, and our own unchecked edge case, as they were', () => {
    expect(read('Volgens de leverancier worden de kentekens na een week automatisch verwijderd. Wij hebben dat laten controleren door een extern bureau.')[0]).not.toBe('bewaartermijn:negated');
    expect(read('Wij hebben de beelden bij de bron gepseudonimiseerd.')[0]).toMatch(/^privacy-by-design:stated/);
  });

  it('a check of something else leaves the ✓', () => {
    expect(read('De beelden worden 28 dagen bewaard.')).toEqual(['bewaartermijn:stated']);
    expect(read('De beelden worden automatisch verwijderd. Wij hebben dat gecontroleerd.')).toEqual(['bewaartermijn:stated']);
    expect(cues('Er is een DPIA uitgevoerd. Wij kunnen niet controleren of medewerkers de regels kennen.')[0]).not.toContain('unchecked');
  });
});

describe('structure: the sentence pair, read up to the next safeguard', () => {
  it('a limit or a negation after the term or in the next sentence is a cue of the pair', () => {
    expect(cues('Tot nu toe is de FG alleen mondeling bijgepraat; een formeel advies heeft zij nog niet gegeven.')[0]).toEqual(
      expect.arrayContaining(['pair:clause-limit', 'pair:own-limit']),
    );
    expect(cues('Er is een verwerkersovereenkomst gesloten. Die gaat over de app en niet over het model.')[0]).toContain('pair:next-neg');
  });

  it('ends at a mention of another safeguard: the FG’s negation is not the DPIA’s', () => {
    expect(cues('Er is een DPIA uitgevoerd, maar de FG is niet geraadpleegd.')[0]).not.toContain('pair:own-neg');
    expect(read('Er is een DPIA uitgevoerd, maar de FG is niet geraadpleegd.')).toEqual(['dpia:stated', 'fg:negated']);
  });
});

describe('structure: a dated planning list is planned item by item', () => {
  it('reads an item led by a month, a quarter or a season and a colon, with no verb of its own', () => {
    expect(read('Wat nog komt\n  •  april 2027: gesprek met de FG\n  •  Q3: plaatsing in het algoritmeregister\n  •  voorjaar 2028: evaluatie met de wijkraad\n')).toEqual([
      'fg:planned',
      'algoritmeregister:planned',
      'evaluatie:planned',
    ]);
    expect(cues('Stappen\n- 1 juni: DPIA naar de raad\n')[0]).toContain('dated-item');
  });

  it('reads a bare noun phrase under a planning heading as planned', () => {
    expect(read('Vervolgstappen\n- advies van de functionaris gegevensbescherming\n- aanpassing van de privacyverklaring\n')).toEqual(['fg:planned', 'informeren:planned']);
  });

  it('leaves an item with a past of its own, a list under a heading of what went before, and a numbered list', () => {
    expect(read('Planning\n- januari 2026: DPIA was gereed\n').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
    expect(read('Voorgeschiedenis\n- maart 2025: advies van de FG\n')).not.toEqual(['fg:planned']);
    expect(cues('Besluit\n1: de DPIA vast te stellen.\n')[0]).not.toContain('dated-item');
    // Under a planning heading an item with a verb is read by its own words: a standing arrangement stays.
    expect(read('Hoe verder?\n- De sensoren blijven; die verwerken geen persoonsgegevens.\n')).not.toEqual(['alternatieven:planned']);
  });
});

describe('structure: a next sentence that denies the claim before it', () => {
  it('negates the mentions of the sentence it denies, and quotes both sentences', () => {
    expect(read('De wethouder meldde dat de FG om advies was gevraagd. Dat klopt niet.')).toEqual(['fg:negated']);
    expect(read('Het team dacht dat er een verwerkersovereenkomst lag. Dat bleek niet zo te zijn: er was alleen een offerte.')).toEqual(['verwerkersovereenkomst:negated']);
    expect(read('In de aanbesteding is afgesproken de slimme camera’s na een jaar te evalueren. Dat is nooit gebeurd.')).toEqual(['evaluatie:negated']);
    const text = `${TECH}Volgens de planning zou de DPIA in mei klaar zijn. Dat is niet gebeurd.`;
    const { matches, safeguardHits } = analyser.find(text);
    const input = { matches, safeguardHits, text, rules, layout: 'wrapped' as const };
    const [m] = readMentions(input, assessDocument(input).hasTechnology);
    expect(m!.status!.status).toBe('negated');
    expect(text.slice(m!.status!.sentence.start, m!.status!.sentence.end)).toBe('Volgens de planning zou de DPIA in mei klaar zijn. Dat is niet gebeurd.');
  });

  it('reads a denial only when the sentence is nothing more than that', () => {
    expect(read('Er is een DPIA uitgevoerd. Dat is niet meer dan redelijk.').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
    expect(read('Er is een DPIA uitgevoerd. Dat was wettelijk niet verplicht.').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
    expect(read('Er is een verwerkersovereenkomst gesloten. Dat is niet gebeurd bij de vorige leverancier.').map((s) => s.replace('?', ''))).toEqual(['verwerkersovereenkomst:stated']);
    // A denial that names another thing is about that thing.
    expect(read('De DPIA is uitgevoerd in het kader van het convenant. Dat convenant is nooit getekend.').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
    // A question is not denied: it claims nothing.
    expect(read('Is er een DPIA uitgevoerd? Dat weten wij niet.')).toEqual(['dpia:absent']);
  });
});

describe('structure: an assumption is not a statement of fact', () => {
  it('marks what someone assumed or expected, whatever follows', () => {
    expect(cues('De projectgroep nam aan dat de opnamen 28 dagen worden bewaard.')[0]).toContain('assumption');
    expect(cues('Wij gingen ervan uit dat de FG al had geadviseerd.')[0]).toContain('assumption');
    expect(cues('De FG heeft geadviseerd dat de opnamen 28 dagen worden bewaard.').flat()).not.toContain('assumption');
  });

  it('never shows a ✓ on an assumption', () => {
    expect(read('De projectgroep nam aan dat de opnamen 28 dagen worden bewaard.')).not.toContain('bewaartermijn:stated');
    expect(read('Wij gingen ervan uit dat de FG al had geadviseerd.')).not.toContain('fg:stated');
  });
});

describe('rules: a search or an explanation that nobody made is a negation', () => {
  it('negates a safeguard nobody researched or could explain', () => {
    expect(read('Naar minder ingrijpende middelen is geen onderzoek gedaan.')).toEqual(['alternatieven:negated']);
    expect(read('Niemand kon de commissie uitleggen waarom de scanauto noodzakelijk is.')).toEqual(['noodzaak:negated']);
    expect(read('De wethouder kon niet uitleggen waarom de inzet proportioneel is.')).toEqual(['noodzaak:negated']);
  });

  it('leaves research that was done', () => {
    expect(read('Uit het onderzoek naar alternatieven blijkt dat een poortteller volstaat.').map((s) => s.replace('?', ''))).toEqual(['alternatieven:stated']);
  });
});

describe('rules: a request with the subject after the verb', () => {
  it('reads "vragen wij om", "vraagt de fractie om" as a request', () => {
    expect(read('Daarom vragen wij om een verwerkersovereenkomst die ook de sensoren dekt.')).toEqual(['verwerkersovereenkomst:planned']);
    expect(read('Namens de oppositie vraagt de fractie de burgemeester om de FG te raadplegen.')).toEqual(['fg:planned']);
  });
});

describe('structure: what a safeguard’s document covers, and what not', () => {
  it('negates a document whose next sentence says it covers something else', () => {
    expect(read('Er is een verwerkersovereenkomst met de leverancier. Die gaat over de opslag in de cloud, niet over het herkennen van gezichten.\n')).toEqual(['verwerkersovereenkomst:negated']);
    expect(read('Voor de parkeerapp is een DPIA gemaakt. Dat document betreft de betaalfunctie en niet de kentekenscan.\n')).toEqual(['dpia:negated']);
  });

  it('negates the term as subject, or a clause after it that points back', () => {
    expect(read('De DPIA geldt voor de vaste camera’s, niet voor de mobiele unit.\n')).toEqual(['dpia:negated']);
    expect(read('Wel is er een verwerkersovereenkomst getekend, maar die gaat over het beheer en niet over de analyse van beelden.\n')).toEqual(['verwerkersovereenkomst:negated']);
    // The next sentence names it again: that mention carries the limit, the first stays stated.
    expect(read('Er is een DPIA uitgevoerd. Die DPIA gaat over de proef in het centrum, niet over de uitbreiding naar de wijken.\n')).toEqual(['dpia:stated', 'dpia:negated']);
  });

  it('leaves a hedge, a bare negation of an aspect, another clause and a non-document alone', () => {
    expect(cues('De evaluatie gaat vooral over de kosten en niet over de privacy.\n')[0]).not.toContain('coverage');
    expect(cues('De DPIA gaat niet over de kosten van het project.\n')[0]).not.toContain('coverage');
    expect(cues('De verwerkersovereenkomst gaat ervan uit dat de leverancier de beelden niet voor andere doelen gebruikt.\n')[0]).not.toContain('coverage');
    // The FG is a person, not a document with a scope: her advice "over A en niet over B" is advice given.
    expect(cues('De FG heeft vorig jaar geadviseerd. Dat advies ging over de camera’s en niet over de app.\n')[0]).not.toContain('covered-next');
    // Another safeguard named in between: "Die" points to it, not to the first.
    expect(cues('Er is een DPIA gemaakt en de FG heeft advies gegeven. Die gaat over de proef, niet over de uitrol.\n')[0]).not.toContain('covered-next');
  });
});

describe('structure: an advice or request to do it', () => {
  it('plans what an advice asks, also when the advice was taken over', () => {
    expect(read('Het advies van de FG om vooraf een DPIA uit te voeren, nemen wij in artikel 4 over.\n')[1]).toBe('dpia:planned');
    expect(read('De aanbeveling om de camera’s na een jaar te evalueren is overgenomen.\n')).toEqual(['evaluatie:planned']);
  });

  it('leaves an advice that was carried out, and a purpose clause without such a noun', () => {
    expect(cues('Het advies om een DPIA uit te voeren is opgevolgd: de DPIA is in maart afgerond.\n')[0]).not.toContain('advice');
    expect(read('Het advies om een DPIA uit te voeren is opgevolgd: de DPIA is in maart afgerond.\n')[0]).not.toBe('dpia:planned');
    expect(cues('Wij hebben de camera’s verplaatst om de DPIA te kunnen afronden.\n')[0]).not.toContain('advice');
  });
});

describe('structure: planning and a moment still to come', () => {
  it('reads "gereed" in a dated item as no past, and "voor de start" as a time ahead', () => {
    expect(read('Planning\n- september 2027: DPIA gereed\n')).toEqual(['dpia:planned']);
    expect(cues('Omwonenden worden voor de ingebruikname per brief geïnformeerd.\n')[0]).toContain('present-ahead');
  });
});

describe('structure: keeping without a term', () => {
  it('negates keeping when its sentence or the next says no term was set', () => {
    expect(read('De opnamen worden opgeslagen en bewaard zolang het project loopt. Een bewaartermijn is daarmee nergens vastgesteld.\n')).toEqual(['bewaartermijn:negated', 'bewaartermijn:negated']);
    expect(read('De meetgegevens worden sinds 2023 bewaard zonder dat daarvoor een termijn is afgesproken.\n')).toEqual(['bewaartermijn:negated']);
    expect(read('De foto’s worden bewaard zolang de vergunning geldt, wat geen termijn is.\n')).toEqual(['bewaartermijn:negated']);
  });

  it('quotes the next sentence in the passage when that is where no term was set', () => {
    const body = 'De opnamen worden bewaard zolang het project loopt. Een termijn is nergens vastgesteld.\n';
    const text = TECH + body;
    const { matches, safeguardHits } = analyser.find(text);
    const input = { matches, safeguardHits, text, rules, layout: 'wrapped' as const };
    const [kept] = readMentions(input, assessDocument(input).hasTechnology);
    expect(kept!.status!.status).toBe('negated');
    expect(kept!.status!.text).toBe('De opnamen worden bewaard zolang het project loopt. Een termijn is nergens vastgesteld.');
  });

  it('leaves a term beside the mention, and a longer term judged not needed', () => {
    expect(read('De beelden worden vier weken bewaard. Voor de tellingen is geen termijn vastgesteld.\n')[0]).toBe('bewaartermijn:stated');
    expect(cues('De beelden worden 28 dagen bewaard. Een langere termijn is niet nodig.\n')[0]).not.toContain('no-term');
  });
});

describe('structure: keeping without end (round 11)', () => {
  it('negates keeping "onbeperkt" or "voor onbepaalde tijd"', () => {
    expect(read('De meldingen worden onbeperkt bewaard in het systeem van de leverancier.\n')).toEqual(['bewaartermijn:negated']);
    expect(read('Foto’s van de controles worden voor onbepaalde tijd bewaard.\n')).toEqual(['bewaartermijn:negated']);
  });

  it('leaves keeping that is said not to be without end', () => {
    expect(cues('De gegevens worden niet onbeperkt bewaard, maar hooguit drie maanden.\n')[0]).not.toContain('unlimited');
  });
});

describe('structure: a denial that names the act the claim needed (round 11)', () => {
  it('negates a subverwerker whose permission the next sentence says was not given', () => {
    expect(read('De leverancier wil een subverwerker in Canada inschakelen voor de back-up. Die toestemming is niet gegeven.\n')).toEqual(['verwerkersovereenkomst:negated']);
    expect(read('De hostingpartij wilde een subverwerker buiten de EU gebruiken. Die goedkeuring heeft de gemeente niet verleend.\n')[0]).not.toBe('verwerkersovereenkomst:stated');
  });

  it('leaves a denial that names another thing', () => {
    expect(cues('De leverancier gebruikt een subverwerker in Ierland. Dat contract is niet openbaar.\n')[0]).not.toContain('denied');
  });
});

describe('structure: a document covers something else, the verb last (round 11)', () => {
  it('negates the term as the subject of a clause with the verb of covering at its end', () => {
    expect(read('De fractie merkt op dat die DPIA over de eerste fase gaat en niet over de gezichtsherkenning.\n')).toEqual(['dpia:negated']);
    expect(read('Wij zien dat de verwerkersovereenkomst over de opslag ging, niet over de analyse.\n')).toEqual(['verwerkersovereenkomst:negated']);
  });

  it('leaves a clause without the contrast', () => {
    expect(cues('Wij weten dat de DPIA over de camera’s gaat.\n')[0]).not.toContain('coverage');
  });
});

describe('structure: a one-off act per future case (round 11)', () => {
  it('plans a test or a step that happens per case', () => {
    expect(read('Artikel 3\nDe toets op de noodzaak gebeurt per inzet, door de teamleider.\n')).toContain('noodzaak:planned');
    expect(read('Voor iedere inzet wordt de FG om advies gevraagd.\n')).toEqual(['fg:planned']);
  });

  it('leaves what was done per case, and a standing arrangement of keeping', () => {
    expect(cues('De noodzaak is per geval beoordeeld en vastgelegd.\n')[0]).not.toContain('per-case');
    expect(read('De beelden worden per melding 30 dagen bewaard.\n')).toEqual(['bewaartermijn:stated']);
  });
});

describe('structure: a DPIA still to come named as the place of the work (round 11)', () => {
  it('plans the DPIA in which something will be judged', () => {
    expect(read('Of de camera’s ook ’s nachts aan moeten, beoordelen wij in de DPIA.\n')).toContain('dpia:planned');
    expect(read('Het risico op een verkeerde match wordt in de DPIA getoetst.\n')).toEqual(['dpia:planned']);
    expect(cues('Of de camera’s ook ’s nachts aan moeten, beoordelen wij in de DPIA.\n').flat()).toContain('in-document');
    expect(cues('Het risico op een verkeerde match wordt in de DPIA getoetst.\n')[0]).toContain('in-document');
  });

  it('leaves a DPIA in which it was done, or that leaves it out', () => {
    expect(cues('Het risico is in de DPIA beoordeeld en klein bevonden.\n')[0]).not.toContain('in-document');
    expect(cues('De kentekens komen in de DPIA niet voor.\n')[0]).not.toContain('in-document');
  });
});

describe('round 12: a dated item under a planning heading, with only a participle, is the state aimed at', () => {
  it('reads "mei 2027: verwerkersovereenkomst getekend" under "Planning" as planned', () => {
    expect(read('Planning\n- mei 2027: verwerkersovereenkomst getekend\n- juni 2027: DPIA afgerond\n')).toEqual(['verwerkersovereenkomst:planned', 'dpia:planned']);
  });

  it('leaves an item with an auxiliary, and a list under a heading of what went before', () => {
    expect(read('Planning\n- januari 2026: DPIA was gereed\n').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
    expect(read('Voorgeschiedenis\n- maart 2025: DPIA afgerond\n').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
  });
});

describe('round 12: the necessity test applied to data that is not processed', () => {
  it('reads "Het is niet noodzakelijk X te kennen" and "… dat de gemeente … ziet" as stated', () => {
    expect(read('Het is niet noodzakelijk de naam te kennen; de postcode volstaat.\n').map((s) => s.replace('?', ''))).toEqual(['noodzaak:stated']);
    expect(read('Het is niet noodzakelijk dat de gemeente de namen ziet.\n').map((s) => s.replace('?', ''))).toEqual(['noodzaak:stated']);
    expect(cues('Het is niet noodzakelijk de naam te kennen.\n')[0]).toContain('data-test');
  });

  it('leaves a judgement with a voice of its own negated', () => {
    expect(read('Zij vindt het niet noodzakelijk dat de camera’s ’s nachts filmen.\n')).toEqual(['noodzaak:negated']);
    expect(read('Het is volgens ons niet noodzakelijk om het gesprek op te nemen.\n')).toEqual(['noodzaak:negated']);
    expect(read('De camera’s zijn niet noodzakelijk.\n')).toEqual(['noodzaak:negated']);
  });
});

describe('round 12: a table row whose answer cell is a participle, in two time columns', () => {
  it('reads "uitgevoerd", "getekend", "voldaan" as stated and "niet voldaan" as negated, the last column deciding', () => {
    const at = (line: string, term: string) => rowAnswer(line, line.indexOf(term), line.indexOf(term) + term.length, compiled);
    expect(at('DPIA camera’s        nee          uitgevoerd', 'DPIA')?.status).toBe('stated');
    expect(at('Verwerkersovereenkomst    nee     getekend', 'Verwerkersovereenkomst')?.status).toBe('stated');
    expect(at('Verwerkersovereenkomst    ja     niet voldaan', 'Verwerkersovereenkomst')?.status).toBe('negated');
    expect(at('DPIA    voldaan', 'DPIA')?.status).toBe('stated');
  });
});

describe('round 12: "als" right after the term compares, and the predicate still denies it', () => {
  it('negates "Een alternatief als … is evenmin bekeken", however far the denial stands', () => {
    expect(read('Een alternatief als een papieren formulier met een handtekening van de ouder is evenmin bekeken.\n')).toEqual(['alternatieven:negated']);
    expect(read('Een alternatief als een papieren formulier is niet onderzocht.\n')).toEqual(['alternatieven:negated']);
  });

  it('leaves "als" as a condition where it does not follow the term', () => {
    expect(read('Er zijn alternatieven onderzocht, als de wethouder het goed zegt.\n')).not.toEqual(['alternatieven:negated']);
  });
});

describe('round 12: the people informed, and data named in a compound', () => {
  const far = 'De raad vergaderde op dinsdag. Het weer was goed. De wethouder kwam later. Er was koffie. De vergadering duurde lang. Daarna ging iedereen naar huis. Het regende. De bus was laat. De griffier sloot af. Er kwam niemand meer. Het werd stil. De lichten gingen uit. ';
  it('reads informing employees and users as informing (the guideline: like inwoners)', () => {
    expect(read('De leerkrachten zijn via de medezeggenschapsraad geïnformeerd.\n').map((s) => s.replace('?', ''))).toEqual(['informeren:stated']);
    expect(read('Gebruikers worden bij de installatie geïnformeerd over wat de app doet.\n').map((s) => s.replace('?', ''))).toEqual(['informeren:stated']);
  });

  it('reads keeping data named in a compound as retention, far from the technology; keeping objects stays another sense', () => {
    expect(read(far + 'De klikgegevens worden een jaar bewaard.\n').map((s) => s.replace('?', ''))).toEqual(['bewaartermijn:stated']);
    expect(read(far + 'De kluisjes worden een jaar bewaard.\n')).toEqual(['bewaartermijn:absent']);
  });
});

describe('round 12: the technology as the subject of a necessity claim', () => {
  it('reads "De camera’s zijn noodzakelijk voor …" as stated, not left to the model', () => {
    expect(read('De camera is noodzakelijk voor het toezicht.\n').map((s) => s.replace('?', ''))).toEqual(['noodzaak:stated']);
    expect(read('De drone is noodzakelijk voor de inspectie van daken.\n').map((s) => s.replace('?', ''))).toEqual(['noodzaak:stated']);
  });

  it('leaves an indirect question, a condition and another subject to the other rules', () => {
    expect(read('Of de camera’s noodzakelijk zijn, hangt af van de cijfers.\n')).toEqual(['noodzaak:absent']);
    // Another subject: the technology-subject rule does not decide it, and it never gets a ✓. Round 14:
    // the retrained model reads it as an unsure stated ("Genoemd — lees de passage") where round 13's
    // read absent; the rule engine's reading (default) is unchanged.
    expect(read('Het krediet is noodzakelijk voor de aanschaf.\n')).not.toContain('noodzaak:stated');
  });
});

describe('round 13: the necessity test with an adverbial between "is" and "niet"', () => {
  it('reads "Het is voor de controle niet noodzakelijk X te kennen" as stated', () => {
    expect(read('Het is voor de controle aan de poort niet noodzakelijk de geboortedatum te kennen; een vinkje volstaat.\n').map((s) => s.replace('?', ''))).toEqual(['noodzaak:stated']);
    expect(read('Het was bij de melding niet noodzakelijk dat de centrale het kenteken ziet.\n').map((s) => s.replace('?', ''))).toEqual(['noodzaak:stated']);
    expect(cues('Het is voor het parkeerbeheer niet noodzakelijk het kenteken te weten.\n')[0]).toContain('data-test');
  });

  it('leaves a voice between them, and an adverbial that is a clause of its own, negated', () => {
    expect(read('Het is volgens de raad niet noodzakelijk om de beelden op te slaan.\n')).toEqual(['noodzaak:negated']);
    expect(read('Het is voor de camera’s, die al hangen, niet noodzakelijk.\n')).toEqual(['noodzaak:negated']);
  });
});

describe('round 13: a flattened table, two object or two time columns', () => {
  const at = (line: string, term: string) => rowAnswer(line, line.indexOf(term), line.indexOf(term) + term.length, compiled)?.status;

  it('keeps the earlier answer when a later column says "n.v.t." (another object) or is a dash', () => {
    expect(at('DPIA                 ja                 n.v.t.', 'DPIA')).toBe('stated');
    expect(at('Verwerkersovereenkomst   in concept   niet van toepassing', 'Verwerkersovereenkomst')).toBe('planned');
    expect(at('Bewaartermijn     afgerond     –', 'Bewaartermijn')).toBe('stated');
    // Alone in its row "n.v.t." is still the answer.
    expect(at('Verwerkersovereenkomst   n.v.t.   n.v.t.', 'Verwerkersovereenkomst')).toBe('negated');
  });

  it('reads a participle with a remark in brackets, a set term and "geen" as whole answers', () => {
    expect(at('IAMA            nee              afgerond (sept.)', 'IAMA')).toBe('stated');
    expect(at('Bewaartermijn kentekens    geen       14 dagen', 'Bewaartermijn')).toBe('stated');
    expect(at('Bewaartermijn kentekens    geen', 'Bewaartermijn')).toBe('negated');
    // Prose after the participle is not a cell.
    expect(at('DPIA   afgerond omdat de wethouder dat wilde', 'DPIA')).toBeUndefined();
  });

  it('reads a negation joined to a word in the label as part of a compound', () => {
    expect(at('Bewaartermijn niet-leden     6 maanden', 'Bewaartermijn')).toBe('stated');
    expect(at('Bewaartermijn niet bekend     6 maanden', 'Bewaartermijn')).toBeUndefined();
  });
});

describe('round 13: "echter" inside a clause is an adverb, not the end of a scope', () => {
  it('lets the denial of coverage reach the term past "echter"', () => {
    expect(read('Voor de camera’s is een DPIA uitgevoerd. Die DPIA gaat echter niet over de kentekenherkenning.\n').map((s) => s.replace('?', ''))).toEqual(['dpia:stated', 'dpia:negated']);
    expect(read('De FG is echter niet geraadpleegd.\n')).toEqual(['fg:negated']);
  });

  it('keeps "echter" after a comma as the end of a scope', () => {
    expect(read('De FG is geraadpleegd, echter niet over de opslag bij de leverancier.\n').map((s) => s.replace('?', ''))).toEqual(['fg:stated']);
  });
});

describe('round 13: a heading that opens with a question word names a topic', () => {
  it('reads "Wat de FG heeft geadviseerd" above its paragraph as absent, the paragraph keeps its claim', () => {
    expect(read('Wat de FG heeft geadviseerd\nDe FG heeft in maart geadviseerd de beelden te vervagen.\n').map((s) => s.replace('?', ''))).toEqual(['fg:absent', 'fg:stated']);
  });

  it('leaves a heading that is a full claim', () => {
    expect(read('De FG heeft niet geadviseerd\nDe gemeente heeft het advies niet gevraagd.\n')).toEqual(['fg:negated']);
  });
});

describe('round 13: a safeguard as what something else belongs to', () => {
  it('reads "de kosten van de DPIA en de IAMA" as absent', () => {
    expect(read('De kosten van de DPIA en de IAMA komen uit het budget voor informatiebeveiliging.\n')).toEqual(['dpia:absent', 'iama:absent']);
    expect(read('Het budget voor een verwerkersovereenkomst is gereserveerd.\n')).toEqual(['verwerkersovereenkomst:absent']);
  });

  it('leaves the term outside such a phrase', () => {
    expect(read('De DPIA is uitgevoerd; de kosten vallen binnen het budget.\n').map((s) => s.replace('?', ''))).toEqual(['dpia:stated']);
  });
});

describe('round 13: a claim nobody checked, with the claimant behind an apposition or a phrasal verb', () => {
  it('negates the leverancier’s claim past an apposition between commas, or told by "laten weten"', () => {
    expect(read('De leverancier, Camerahuis B.V., noemt het systeem “privacy by design”. Wij hebben dat niet zelf laten toetsen.\n')).toEqual(['privacy-by-design:negated']);
    expect(read('De leverancier heeft ons laten weten dat de opnamen na een week automatisch verwijderd worden. Wij hebben dat niet kunnen controleren.\n')).toEqual(['bewaartermijn:negated']);
  });

  it('leaves a claim the gemeente checked', () => {
    expect(read('De leverancier, Camerahuis B.V., noemt het systeem “privacy by design”. Wij hebben dat laten toetsen en het klopt.\n').map((s) => s.replace('?', ''))).not.toContain('privacy-by-design:negated');
  });
});

const bare = (xs: string[]) => xs.map((s) => s.replace('?', ''));

describe('round 14: a claim qualified in the next sentence or in its own', () => {
  it('reads a check object that opens the next sentence ("Of dit zo is, …")', () => {
    expect(read('Volgens de fabrikant worden de vingerafdrukken na een jaar automatisch verwijderd. Of dit zo is, hebben wij niet kunnen nagaan.\n')).toEqual(['bewaartermijn:negated']);
  });

  it('takes a party by its name after "volgens" or before a claim verb', () => {
    expect(read('De opnamen worden volgens Sensorix na een week automatisch verwijderd. Dat hebben wij niet gecontroleerd.\n')).toEqual(['bewaartermijn:negated']);
    expect(read('Het systeem is volgens de afdeling privacy by design gebouwd. Dat is niet getoetst.\n').map((s) => s.replace('?', ''))).not.toContain('privacy-by-design:negated');
  });

  it('negates a claim its own sentence contradicts with "terwijl"', () => {
    expect(read('De aanbieder, Veltrix, schrijft in zijn voorstel dat de beelden worden geanonimiseerd, terwijl het gezicht herkenbaar blijft.\n')).toEqual(['privacy-by-design:negated']);
    // The gemeente's own statement is no claim of another party.
    expect(bare(read('De gemeente anonimiseert de beelden, terwijl de oude camera’s dat niet konden.\n'))).not.toContain('privacy-by-design:negated');
  });

  it('reads "noemt A, maar niet B" after a complement of the term as coverage', () => {
    expect(read('De privacyverklaring van de bibliotheek noemt de uitleenregistratie, maar niet de camera’s.\n')).toEqual(['informeren:negated']);
  });
});

describe('round 14: a present tense that promises', () => {
  it('plans what the raad receives or is sent at a moment to come', () => {
    expect(bare(read('De raad krijgt de DPIA vóór de aanschaf.\n'))).toEqual(['dpia:planned']);
    expect(bare(read('De uitkomst van de evaluatie sturen wij u dan toe.\n'))).toEqual(['evaluatie:planned']);
    expect(bare(read('Voordat de sensoren worden opgehangen, ligt er een DPIA.\n'))).toEqual(['dpia:planned']);
  });

  it('leaves a standing arrangement with a sequence in it, and "langer dan"', () => {
    expect(bare(read('De beelden worden een week bewaard en daarna gewist.\n'))).toEqual(['bewaartermijn:stated']);
    expect(bare(read('De gegevens worden gepseudonimiseerd voordat de analist ze ziet.\n'))).toEqual(['privacy-by-design:stated']);
  });
});

describe('round 14: run-in headings', () => {
  it('gives "Over X:" the status of the same safeguard in the claim after the colon', () => {
    expect(read('Over de FG: de wethouder geeft toe dat de FG vooraf niet is geraadpleegd.\n')).toEqual(['fg:negated', 'fg:negated']);
  });

  it('reads "Over X." and a bare term as a heading of its paragraph', () => {
    expect(bare(read('Over het algoritmeregister. De wethouder heeft het algoritme in het algoritmeregister gezet.\n'))).toEqual(['algoritmeregister:absent', 'algoritmeregister:stated']);
    expect(bare(read('Vorige alinea.\nDPIA. Er is in mei een DPIA uitgevoerd.\n'))).toEqual(['dpia:absent', 'dpia:stated']);
  });

  it('leaves a list item that is only the term', () => {
    expect(read('Wat ontbreekt:\n- DPIA.\n- Advies van de FG.\n')).toEqual(['dpia:negated', 'fg:negated']);
  });
});

describe('round 14: a motie’s items and a norm table', () => {
  it('negates necessity nobody can judge, also as an item under "constaterende dat"', () => {
    expect(read('constaterende dat:\n- de raad niet kan beoordelen of de camera’s noodzakelijk zijn;\n- de wethouder de motie ontraadt;\n')).toEqual(['noodzaak:negated']);
    expect(read('Wij kunnen niet beoordelen of er een minder ingrijpende manier is.\n')).toEqual(['alternatieven:negated']);
  });

  it('reads a normenkader row by its verdict cell, whatever the length of the norm', () => {
    const table = 'Norm                                              Oordeel\n3. De bewaartermijn is vastgesteld en wordt gevolgd      niet voldaan\n4. De FG is vooraf om advies gevraagd                  deels voldaan\n';
    expect(bare(read(table))).toEqual(['bewaartermijn:negated', 'fg:stated']);
    const row = '5. Voor de opnamen is een bewaartermijn afgesproken en die wordt      niet voldaan';
    const at = row.indexOf('bewaartermijn');
    expect(rowAnswer(row, at, at + 13, compiled)).toEqual({ status: 'negated', shape: 'norm' });
    const partly = '2. Het advies van de FG is gevraagd en gewogen      deels voldaan';
    expect(rowAnswer(partly, partly.indexOf('FG'), partly.indexOf('FG') + 2, compiled)?.status).toBe('stated');
  });
});

describe('round 14: the safeguard’s own act denied after a connector', () => {
  it('negates "…, maar heeft geen advies gegeven" after the FG', () => {
    expect(read('De FG is vooraf betrokken, maar heeft geen oordeel gegeven.\n')).toEqual(['fg:negated']);
  });

  it('leaves a denial of something else', () => {
    expect(bare(read('De DPIA is afgerond, maar is niet gepubliceerd.\n'))).toEqual(['dpia:stated']);
  });
});

describe('round 14: "verwerker" as a role', () => {
  it('reads "is daarmee verwerker" and "wordt verwerker" as absent, the agreement keeps its own status', () => {
    expect(read('De installateur kan de beelden op afstand zien en is daarmee verwerker. Een verwerkersovereenkomst is er niet.\n')).toEqual(['verwerkersovereenkomst:absent', 'verwerkersovereenkomst:negated']);
    expect(read('De beheerder wordt verwerker voor de gemeente.\n')).toEqual(['verwerkersovereenkomst:absent']);
  });

  it('leaves a subverwerker, which is about the permission', () => {
    expect(bare(read('De beheerder schakelt een opslagbedrijf in als subverwerker, met toestemming van de gemeente.\n'))).toEqual(['verwerkersovereenkomst:stated']);
  });
});

/** "safeguard:status" from the rule engine and structure alone (no model): the levers' own reading. */
function ruled(body: string): string[] {
  const text = TECH + body;
  const { matches, safeguardHits } = analyser.find(text);
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const hits = safeguardHits.filter((h) => ids.has(h.group));
  const tech = matches.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
  const mentions = hits.map((h) => ({ start: h.start, end: h.end, safeguard: h.group, termId: h.termId ?? '' }));
  return statusFeatures(text, mentions, tech, rules.status, 'wrapped').rule.map((r, i) => `${mentions[i]!.safeguard}:${r.status}`);
}

describe('round 15: claims with their source after them, and checks of another verb', () => {
  it('reads "…, aldus de leverancier" as a claim the next sentence says nobody checked', () => {
    expect(ruled('De opnamen worden na een maand automatisch verwijderd, aldus de fabrikant. Dat heeft de gemeente niet zelf gecontroleerd.\n')).toEqual(['bewaartermijn:negated']);
    expect(bare(read('De opnamen worden na een maand automatisch verwijderd, aldus de fabrikant. Dat heeft de gemeente niet zelf gecontroleerd.\n'))).toEqual(['bewaartermijn:negated']);
  });

  it('counts "niet zelf beoordeeld" as no check', () => {
    expect(ruled('De fabrikant stelt dat het systeem volgens privacy by design is ontworpen, maar dat de gemeente dat niet zelf heeft beoordeeld.\n')).toEqual(['privacy-by-design:negated']);
  });
});

describe('round 15: what was not examined, conditions, and what was considered', () => {
  it('negates necessity and alternatives nobody examined ("niet onderzocht of")', () => {
    expect(ruled('Het college heeft niet onderzocht of de kentekencamera’s noodzakelijk zijn.\n')).toEqual(['noodzaak:negated']);
    expect(ruled('Wij hebben niet nagegaan of een minder ingrijpende manier mogelijk is.\n')).toEqual(['alternatieven:negated']);
    // Examining still to come stays an indirect question inside a planned act.
    expect(ruled('Wij gaan onderzoeken of de camera’s noodzakelijk zijn.\n')).not.toContain('noodzaak:negated');
  });

  it('plans the conditions listed after "onder voorwaarden:", also in the perfect tense', () => {
    expect(ruled('Wij zetten de camera’s aan onder voorwaarden: de DPIA is afgerond en de FG heeft geadviseerd.\n')).toEqual(['dpia:planned', 'fg:planned']);
  });

  it('negates a step considered and not taken ("overwogen …, maar …"), not a bare "overwogen"', () => {
    expect(ruled('Wij hebben overwogen een externe evaluatie te laten doen, maar de eigen rapportage geeft genoeg beeld.\n')).toEqual(['evaluatie:negated']);
    expect(ruled('Wij hebben overwogen ook een externe evaluatie te laten doen.\n')).not.toContain('evaluatie:negated');
  });
});

describe('round 15: run-in headings, lists and toezeggingen', () => {
  it('negates "Over de X:" when the claim after the colon denies it without naming it', () => {
    expect(ruled('Over de DPIA: de wethouder geeft toe dat er nog geen is gemaakt.\n')).toEqual(['dpia:negated']);
    // "geen" with a noun of its own denies something else.
    expect(ruled('Over de FG: zij heeft geen bezwaar tegen de camera’s.\n')).not.toContain('fg:negated');
  });

  it('does not take a sentence closed inside quotes as a list’s lead-in', () => {
    expect(ruled('Een inspreker zegt: „Wij willen dit niet.”\n- De wethouder zegt toe dat de DPIA in maart klaar is.\n')).toEqual(['dpia:planned']);
  });

  it('plans a present of sending under "Toezeggingen"', () => {
    expect(ruled('Toezeggingen\n- De wethouder stuurt de DPIA met een korte toelichting aan de leden van de commissie.\n')).toEqual(['dpia:planned']);
  });

  it('states what a toezegging promises to send when it exists already ("die al is afgerond")', () => {
    expect(ruled('De wethouder zegt toe de DPIA, die al is afgerond, aan de raad te sturen.\n')).toEqual(['dpia:stated']);
  });
});

describe('round 15: the document’s technology settles the sense of informing, necessity and alternatives', () => {
  const far = 'De raad vergaderde op dinsdag. Het weer was goed. De wethouder kwam later. Er was koffie. De vergadering duurde lang. Daarna ging iedereen naar huis. Het regende. De bus was laat. De griffier sloot af. Er kwam niemand meer. Het werd stil. De lichten gingen uit. ';
  it('reads informing the people concerned far from the technology term', () => {
    expect(ruled(far + 'Bewoners worden bij de intake met een folder geïnformeerd.\n')).toEqual(['informeren:stated']);
    expect(ruled(far + 'Werknemers worden bij de start per brief geïnformeerd.\n')).toEqual(['informeren:stated']);
  });

  it('counts kiezers and aanvragers among the people informed', () => {
    expect(ruled('Kiezers worden bij de ingang met een bord over de camera’s geïnformeerd.\n')).toEqual(['informeren:stated']);
    expect(ruled('Aanvragers worden in de ontvangstbevestiging over de camera’s geïnformeerd.\n')).toEqual(['informeren:stated']);
  });

  it('still reads keeping objects far from the technology as another sense', () => {
    expect(ruled(far + 'De kluisjes worden een jaar bewaard.\n')).toEqual(['bewaartermijn:absent']);
  });
});

describe('round 16: a time ahead with any verb, conditions first, work still to do', () => {
  it('plans a present of any verb with a dated moment ahead, not a state from a date or a rule per period', () => {
    expect(ruled('Wij passen de privacyverklaring aan vóór de zomerronde van 2027.\n')).toEqual(['informeren:planned']);
    expect(ruled('Wij evalueren de camera’s na de kermis van 2027.\n')).toEqual(['evaluatie:planned']);
    expect(ruled('De eerste evaluatie vindt plaats in 2031.\n')).toEqual(['evaluatie:planned']);
    // A state from a date on, a past year, and a rule per period stay what they were.
    expect(ruled('Die DPIA ligt vanaf 1 december ter inzage.\n')).toEqual(['dpia:stated']);
    expect(ruled('De burgemeester vindt de inzet proportioneel, omdat het in 2024 misging.\n')).toEqual(['noodzaak:stated']);
    expect(ruled('Wij evalueerden de camera’s na de kermis van 2025.\n')).not.toContain('evaluatie:planned');
  });

  it('plans what happens only after something else ("pas na"), not a retention rule', () => {
    expect(ruled('Over de uitbreiding besluiten wij pas na een nieuwe DPIA.\n')).toEqual(['dpia:planned']);
    expect(ruled('De beelden worden pas na 28 dagen gewist.\n')).not.toContain('bewaartermijn:planned');
  });

  it('plans work still to be done ("gaat uitwerken", "in concept")', () => {
    expect(ruled('Een kleinere proef is een alternatief dat de wethouder met de wijkraad gaat uitwerken.\n')).toEqual(['alternatieven:planned']);
    expect(ruled('De verwerkersovereenkomst ligt in concept bij de leverancier.\n')).toEqual(['verwerkersovereenkomst:planned']);
  });

  it('plans what someone asks or advises to do with a te-infinitive, not an indirect question', () => {
    expect(ruled('De ondernemingsraad steunt de proef, maar vraagt een DPIA te laten maken voordat de camera’s aangaan.\n')).toEqual(['dpia:planned']);
    expect(ruled('De FG adviseert de IAMA af te ronden.\n')).toEqual(['fg:stated', 'iama:planned']);
    // The FG that leads its clause advises now: a time ahead in it is the IAMA's.
    expect(ruled('De FG adviseert positief, vóór de zomerronde van 2027.\n')).toEqual(['fg:stated']);
    expect(ruled('De fractie vraagt of de DPIA al af is.\n')).toEqual(['dpia:absent']);
  });

  it('plans "Over de X:" when the claim after the colon is still to come, not when a later clause is', () => {
    expect(ruled('Over de bewaartermijn: de wethouder zoekt uit hoe lang de leverancier de opnamen houdt.\n')).toEqual(['bewaartermijn:planned']);
    expect(ruled('Over het informeren: de wethouder erkent dat de bewoners alleen uit de krant konden weten dat er camera’s komen.\n')).not.toContain('informeren:planned');
  });
});

describe('round 16: what a document covers, what nobody weighed, and the DPIA’s own title', () => {
  it('negates a privacyverklaring that covers one part and leaves this one out ("…, maar noemt X niet")', () => {
    expect(ruled('De privacyverklaring geldt voor het stadhuis, maar noemt de camera’s in de parkeergarage niet.\n')).toEqual(['informeren:negated']);
    expect(ruled('De privacyverklaring geldt voor alle locaties, maar noemt niet alleen de camera’s.\n')).not.toContain('informeren:negated');
  });

  it('negates necessity nobody weighed ("nergens gewogen of")', () => {
    expect(ruled('Er is nergens gewogen of de camera’s bij de sporthal noodzakelijk zijn.\n')).toEqual(['noodzaak:negated']);
  });

  it('states the DPIA named by the document’s own title, not a section heading further on', () => {
    expect(ruled('Samenvatting gegevensbeschermingseffectbeoordeling (DPIA) Slimme camera’s Markt\n\nDe camera’s tellen bezoekers.\n')).toEqual(['dpia:stated', 'dpia:stated']);
    expect(ruled('Samenvatting DPIA\n\nDe camera’s tellen bezoekers.\n')).toEqual(['dpia:stated']);
    const far = 'De camera’s tellen bezoekers op de markt en geven een signaal bij drukte. '.repeat(6);
    expect(ruled(far + '\n\nSamenvatting DPIA\n\nDe camera’s tellen bezoekers.\n')).toEqual(['dpia:absent']);
    expect(ruled('Bijlage: DPIA\n\nDe camera’s tellen bezoekers.\n')).toEqual(['dpia:absent']);
  });
});

describe('round 17: who is informed and about what, told late, ready by a date, a split act of our own', () => {
  it('hears people named by what they do as the ones informed, not companies, things or a technology', () => {
    expect(ruled('Afhalers worden aan de balie vooraf geïnformeerd.\n')).toEqual(['informeren:stated']);
    expect(ruled('Woningzoekenden worden niet geïnformeerd.\n')).toEqual(['informeren:negated']);
    expect(ruled('Inburgeraars worden in hun eigen taal geïnformeerd.\n')).toEqual(['informeren:stated']);
    expect(ruled('Mensen op de foto’s worden niet geïnformeerd.\n')).toEqual(['informeren:negated']);
    // Companies and things of the same shape are not the people whose data is processed.
    expect(ruled('Horecaondernemers worden geïnformeerd.\n')).toEqual(['informeren:absent']);
    expect(ruled('Met deze brief informeren wij u over de stickers.\n')).toEqual(['informeren:absent']);
  });

  it('reads informing about the works or the planning as another topic, not beside the data', () => {
    expect(ruled('De bewoners worden per brief geïnformeerd over de werkzaamheden.\n')).toEqual(['informeren:absent']);
    expect(ruled('De wethouder zegt toe de omwonenden op de hoogte te houden van de planning van de bouwwerkzaamheden.\n')).toEqual(['informeren:absent']);
    // A complement about the data or the technology in the same sentence keeps it.
    expect(ruled('De bewoners worden per brief geïnformeerd over de camera’s en over de werkzaamheden.\n')).not.toContain('informeren:absent');
  });

  it('negates informing and the FG told only after the fact ("pas … toen", "pas …, nadat" with a past)', () => {
    expect(ruled('Ouders zijn pas geïnformeerd toen de camera’s al hingen.\n')).toEqual(['informeren:negated']);
    expect(ruled('De FG is pas op 2 oktober ingelicht, nadat de analyse al was gedaan.\n')).toEqual(['fg:negated']);
    // Late but done, without "pas", stays; so does a rule for cases to come.
    expect(ruled('De FG heeft geadviseerd, steeds nadat het contract al was getekend.\n')).toEqual(['fg:stated']);
    expect(ruled('Bewoners worden pas geïnformeerd nadat de camera hangt.\n')).not.toContain('informeren:negated');
  });

  it('plans what is "klaar" or "gereed" by a time ahead, not what was', () => {
    expect(ruled('De DPIA is in juni klaar.\n')).toEqual(['dpia:planned']);
    expect(ruled('Die verwerkersovereenkomst is voor de zomer gereed.\n')).toEqual(['verwerkersovereenkomst:planned']);
    expect(ruled('De DPIA was in juni klaar.\n')).toEqual(['dpia:stated']);
  });

  it('plans the college’s own one-off act with a split separable verb, without a date', () => {
    expect(ruled('Dat alternatief werken wij nu uit met de leverancier.\n')).toEqual(['alternatieven:planned']);
    expect(ruled('Wij passen de privacyverklaring daarop aan.\n')).toEqual(['informeren:planned']);
    expect(ruled('Wij hebben de privacyverklaring daarop aangepast.\n')).toEqual(['informeren:stated']);
    expect(ruled('Wij werken met een verwerkersovereenkomst op basis van het model van de VNG.\n')).toEqual(['verwerkersovereenkomst:stated']);
  });
});

describe('round 18: a statement before the colon that opens its questions, the necessity of a safeguard or a step', () => {
  it('reads a statement whose colon opens the questions it will answer as no question', () => {
    expect(ruled('In maart 2028 evalueren wij de camera’s: zijn de beelden bruikbaar, en hoe vaak worden ze bekeken?\n')).toEqual(['evaluatie:planned']);
    expect(ruled('De inzet wordt na een half jaar geëvalueerd: hoeveel meldingen zijn er opgelost?\n')).toEqual(['evaluatie:planned']);
    // A question before the colon, or an indirect question, stays a question.
    expect(ruled('Wordt de inzet geëvalueerd: en zo ja, wanneer?\n')).toEqual(['evaluatie:absent']);
    expect(ruled('Zij vraagt of de inzet wordt geëvalueerd: door wie?\n')).toEqual(['evaluatie:absent']);
  });

  it('reads the necessity of a safeguard or a step as absent for noodzaak, not that of the processing', () => {
    expect(ruled('Een IAMA achten wij niet noodzakelijk, omdat het model alleen adviseert.\n')).toContain('noodzaak:absent');
    expect(ruled('Een langere bewaartermijn zou niet proportioneel zijn.\n')).toContain('noodzaak:absent');
    expect(ruled('Stopzetten vindt de wethouder niet noodzakelijk.\n')).toEqual(['noodzaak:absent']);
    // The processing judged in a clause of its own, or a safeguard after a preposition, keeps the judgement.
    expect(ruled('Uit de DPIA blijkt dat de inzet niet noodzakelijk is.\n')).toContain('noodzaak:negated');
    expect(ruled('Volgens de DPIA is het filmen van de gevels niet noodzakelijk.\n')).toContain('noodzaak:negated');
  });
});

describe('round 19: what a list under an asking lead-in asks, requests made, money, the object first', () => {
  it('reads an item in a te-infinitive under a lead-in that asks or advises as planned', () => {
    expect(ruled('De FG adviseert:\n• de opnamen niet langer dan twee weken te bewaren;\n• de inzet na een jaar te evalueren.\n')).toEqual(['fg:stated', 'bewaartermijn:planned', 'evaluatie:planned']);
    expect(ruled('De raad verzoekt het college:\n• de bewaartermijn van de foto’s te verkorten.\n')).toEqual(['bewaartermijn:planned']);
    // A lead-in that does not ask keeps the item's own claim; an item that says it was done is done.
    expect(ruled('Zo werkt het nu:\n• de opnamen worden na twee weken automatisch verwijderd.\n')).toEqual(['bewaartermijn:stated']);
    expect(ruled('De FG adviseert:\n• de bewaartermijn te verkorten, wat inmiddels is gedaan.\n')).toEqual(['fg:stated', 'bewaartermijn:stated']);
  });

  it('reads a request made to another party, and an agreement awaiting signature, as planned', () => {
    expect(ruled('Wij hebben de leverancier gevraagd de bewaartermijn te verkorten tot een maand.\n')).toEqual(['bewaartermijn:planned']);
    expect(ruled('De gemeente heeft de stichting verzocht een DPIA te laten uitvoeren.\n')).toEqual(['dpia:planned']);
    expect(ruled('De verwerkersovereenkomst ligt bij de leverancier ter ondertekening.\n')).toEqual(['verwerkersovereenkomst:planned']);
    // An indirect question stays one.
    expect(ruled('Wij hebben de leverancier gevraagd of de bewaartermijn korter kan.\n')).toEqual(['bewaartermijn:absent']);
  });

  it('reads the necessity of money as absent for noodzaak, whatever it pays for', () => {
    expect(ruled('Extra budget is noodzakelijk om de wachtlijst weg te werken.\n')).toEqual(['noodzaak:absent']);
    expect(ruled('Het krediet van 1,2 miljoen euro is noodzakelijk voor de camera’s en de meldkamer.\n')).toEqual(['noodzaak:absent']);
    // The processing judged keeps its status.
    expect(ruled('Het college vindt de camera’s noodzakelijk voor de veiligheid.\n')).toEqual(['noodzaak:stated']);
  });

  it('reads the object first with our subject after the verb as a present act', () => {
    expect(ruled('Dat alternatief onderzoeken wij in het voorjaar.\n')).toEqual(['alternatieven:planned']);
    expect(ruled('Het advies over de bewaartermijn nemen wij over.\n')).toEqual(['bewaartermijn:planned']);
    // A perfect or a recurring act is no act to come.
    expect(ruled('Dat alternatief hebben wij vorig jaar onderzocht.\n')).toEqual(['alternatieven:stated']);
    expect(ruled('De bewaartermijn bekijken wij elk jaar opnieuw.\n')).toEqual(['bewaartermijn:stated']);
  });
});

describe('round 20: a past asking lead-in, a sole "Uitvoering" heading, a retention set by a device', () => {
  it('reads an item in a te-infinitive under a lead-in that asked or advised as planned', () => {
    expect(ruled('De FG adviseerde in maart:\n• de opnamen niet langer dan twee weken te bewaren;\n• de inzet na een jaar te evalueren.\n')).toEqual(['fg:stated', 'bewaartermijn:planned', 'evaluatie:planned']);
    expect(ruled('De ondernemersraad vroeg het college:\n• de bewaartermijn van de foto’s te verkorten.\n')).toEqual(['bewaartermijn:planned']);
    // What the item says was done is done.
    expect(ruled('De FG adviseerde:\n• de bewaartermijn te verkorten, wat inmiddels is gedaan.\n')).toEqual(['fg:stated', 'bewaartermijn:stated']);
  });

  it('reads a dated item with a bare participle under a heading that is only "Uitvoering" as planned', () => {
    expect(ruled('Uitvoering\n• juni 2028: DPIA afgerond\n• juli 2028: verwerkersovereenkomst getekend\n')).toEqual(['dpia:planned', 'verwerkersovereenkomst:planned']);
    // A heading with more words may look back: the participle keeps its past.
    expect(ruled('Uitvoering van de proef\n• juni 2025: DPIA afgerond\n')).toEqual(['dpia:stated']);
  });

  it('reads keeping because a device was set so as no term set, whatever the days beside it', () => {
    expect(ruled('De beelden werden zestig dagen bewaard, omdat de recorder zo was ingesteld.\n')).toEqual(['bewaartermijn:negated']);
    expect(ruled('De foto’s bleven een jaar bewaard, doordat het systeem zo is geprogrammeerd.\n')).toEqual(['bewaartermijn:negated']);
    // A cause that is no device's setting leaves the term set.
    expect(ruled('De beelden worden zestig dagen bewaard, omdat de politie ze zo lang nodig heeft.\n')).toEqual(['bewaartermijn:stated']);
  });
});

describe('round 21: what a rejected motie or amendement asks, what a toezegging is about, "niemand" setting no term', () => {
  it('reads the title and dictum of a proposal the raad rejected as negated, of one it adopted as planned', () => {
    const block = (outcome: string) =>
      `Motie M4 "Eerst een IAMA" (Lokaal Belang)\nVerzoekt het college vóór de start een IAMA te laten uitvoeren en de camera’s op te nemen in het algoritmeregister.\nBesluit: ${outcome} met 14 stemmen voor en 17 tegen.\n`;
    expect(ruled(block('verworpen'))).toEqual(['iama:negated', 'iama:negated', 'algoritmeregister:negated']);
    expect(ruled(block('aangenomen'))).toEqual(['iama:planned', 'iama:planned', 'algoritmeregister:planned']);
    // The items under the dictum's lead-in, past a line that ends in a colon.
    expect(ruled('Amendement A3 (D66)\nbesluit het ontwerpbesluit te wijzigen:\nmet dien verstande dat:\n– de beelden worden verwijderd na een week;\n– de proef na een jaar wordt geëvalueerd.\nVerworpen met 10 stemmen voor en 21 tegen.\n')).toEqual(['bewaartermijn:negated', 'evaluatie:negated']);
  });

  it('leaves what is no ask in a rejected proposal: the preadvies, overwegingen, a stemverklaring', () => {
    expect(ruled('Motie M5 (SP)\nVerzoekt het college de camera’s na een jaar te evalueren.\nPreadvies: ontraden; de wethouder laat de evaluatie in 2028 uitvoeren.\nBesluit: verworpen met 9 stemmen voor en 22 tegen.\n')).toEqual(['evaluatie:negated', 'evaluatie:planned']);
    expect(ruled('Motie M6 (PvdA)\noverwegende dat:\n– een IAMA wordt uitgevoerd voordat het systeem aangaat;\nVerzoekt het college de proef na een jaar te evalueren.\nBesluit: verworpen met 9 stemmen voor en 22 tegen.\n')).toEqual(['iama:planned', 'evaluatie:negated']);
  });

  it('reads what a toezegging is about as planned, also in the present', () => {
    expect(ruled('CDA: "Wij stemmen tegen. De toezegging over de DPIA en het advies van de FG is voor ons genoeg."\n')).toEqual(['dpia:planned', 'fg:planned']);
    expect(ruled('VVD: "Met de toezegging over de evaluatie is het geregeld."\n')).toEqual(['evaluatie:planned']);
    // What the sentence says was carried out is done.
    expect(ruled('De toezegging over de DPIA is inmiddels nagekomen.\n')).toEqual(['dpia:stated']);
  });

  it('reads keeping where "niemand" set a term as no term set', () => {
    expect(ruled('De opnames werden op een server bewaard; een termijn had niemand vastgesteld.\n')).toEqual(['bewaartermijn:negated']);
  });
});

describe('round 22: a one-off act with its moment after the term, a claim of a party by its name or in the plural', () => {
  it('reads an act whose moment comes after the term as planned', () => {
    expect(ruled('Over de DPIA: die wordt gemaakt voordat de camera’s aangaan.\n')).toEqual(['dpia:planned']);
    expect(ruled('De verwerkersovereenkomst wordt getekend na de gunning.\n')).toEqual(['verwerkersovereenkomst:planned']);
    expect(ruled('Dat gebeurt na de nieuwe DPIA, voordat de camera’s aangaan.\n')).toEqual(['dpia:planned']);
    // A split act of our own, its particle before such a clause.
    expect(ruled('Wij passen de privacyverklaring aan voordat de camera’s aangaan.\n')).toEqual(['informeren:planned']);
  });

  it('leaves a done act and a standing mechanism with a moment after them', () => {
    expect(ruled('De FG heeft geadviseerd voordat de camera’s aangingen.\n')).toEqual(['fg:stated']);
    expect(ruled('De beelden worden gepseudonimiseerd voordat een medewerker ze ziet.\n')).toEqual(['privacy-by-design:stated']);
    // The tense of the moment's own clause says nothing about the act.
    expect(ruled('De verwerkersovereenkomst was al getekend na de gunning.\n')).toEqual(['verwerkersovereenkomst:stated']);
  });

  it('reads a claim of a party named at the start of the sentence, or of parties in the plural, that nobody checked as negated', () => {
    expect(ruled('Parkwerk zegt dat de beelden worden geanonimiseerd. Wij hebben dat niet zelf kunnen nagaan.\n')).toEqual(['privacy-by-design:negated']);
    expect(ruled('Twee leveranciers noemen hun product "privacy by design". De gemeente heeft dat niet zelf beoordeeld.\n')).toEqual(['privacy-by-design:negated']);
    // A check sentence after the claim reaches every safeguard the claim names.
    expect(ruled('Volgens de leverancier worden de adressen gepseudonimiseerd en na een dag automatisch verwijderd. Wij hebben dat niet zelf gecontroleerd.\n')).toEqual(['privacy-by-design:negated', 'bewaartermijn:negated']);
  });

  it('does not take a plural subject or a pronoun at the start of the sentence for a named party', () => {
    expect(ruled('Ouders weten dat de beelden worden geanonimiseerd. Wij hebben dat niet zelf kunnen nagaan.\n')).toEqual(['privacy-by-design:stated']);
    expect(ruled('Hij zegt dat de beelden worden geanonimiseerd. Wij hebben dat niet zelf kunnen nagaan.\n')).toEqual(['privacy-by-design:stated']);
  });
});

describe('round 23: an act still awaited, a step after another, a norm table written with bars', () => {
  it('reads a perfect after "tot" or "voordat" as still to come, a negation before the word as the main clause’s', () => {
    expect(ruled('De camera’s blijven uit tot de DPIA klaar is en de FG heeft geadviseerd.\n')).toEqual(['dpia:planned', 'fg:planned']);
    expect(ruled('De camera’s gaan niet aan voordat de FG opnieuw heeft geadviseerd.\n')).toEqual(['fg:planned']);
  });

  it('leaves a real past and a comma that closed the waiting clause', () => {
    expect(ruled('De camera’s stonden al aan voordat de FG had geadviseerd.\n')).toEqual(['fg:stated']);
    expect(ruled('Voordat de camera’s aangingen, heeft de leverancier een DPIA laten uitvoeren.\n')).toEqual(['dpia:stated']);
  });

  it('reads a present with "daarna" as still to come, not an indirect question in it', () => {
    expect(ruled('De leverancier past de software aan. De FG geeft daarna opnieuw advies.\n')).toEqual(['fg:planned']);
    expect(ruled('Daarna heeft de FG opnieuw geadviseerd.\n')).toEqual(['fg:stated']);
    expect(ruled('Pas daarna besluiten wij of het filmen van de hele straat noodzakelijk blijft.\n')).not.toContain('noodzaak:planned');
  });

  it('reads a norm table whose rows open and close with a bar by its verdict cell', () => {
    const table = '| Norm | Oordeel |\n| De FG is vooraf om advies gevraagd | voldaan |\n| Er is een verwerkersovereenkomst met de leverancier | niet voldaan |\n| Bewoners worden geïnformeerd over de camera’s | deels voldaan |\n';
    expect(ruled(table)).toEqual(['fg:stated', 'verwerkersovereenkomst:negated', 'informeren:stated']);
  });
});

describe('round 23: a preferred alternative and a norm with a condition are absent', () => {
  it('reads an alternative someone prefers as absent, not one examined or found missing', () => {
    expect(ruled('De fractie vindt een papieren kaart een beter alternatief.\n')).toEqual(['alternatieven:absent']);
    expect(ruled('Een buurtwacht is het alternatief dat wij liever zien.\n')).toEqual(['alternatieven:absent']);
    expect(ruled('Wij hebben een beter alternatief onderzocht en gekozen.\n')).toEqual(['alternatieven:stated']);
  });

  it('reads "alleen proportioneel als" as a norm with a condition, absent', () => {
    expect(ruled('Cameratoezicht is alleen proportioneel als er een concrete dreiging is.\n')).toEqual(['noodzaak:absent']);
    expect(ruled('Het college vindt cameratoezicht proportioneel zolang de beelden kort worden bewaard.\n')[0]).toBe('noodzaak:stated');
  });
});

describe('round 24: a voted proposal’s title, a vote closing its paragraph, a document that exists, a run-in heading with a complement', () => {
  it('gives a motie’s or amendement’s quoted title the proposal’s fate, whatever its grammar', () => {
    expect(ruled('Amendement A2 (VVD): "Bewaren meetgegevens".\nHet amendement wil de gegevens vijf jaar laten bewaren.\nBesluit: verworpen met 9 stemmen voor en 20 tegen.\n')[0]).toBe('bewaartermijn:negated');
    expect(ruled('Motie M1 (D66): "Omwonenden op de hoogte".\nVerzoekt het college de buurt per brief te informeren.\nBesluit: aangenomen met algemene stemmen.\n')[0]).toBe('informeren:planned');
    expect(ruled('Motie M2 (SP): "Geen camera’s zonder IAMA".\nBesluit: aangenomen met 20 stemmen voor en 9 tegen.\n')).toEqual(['iama:planned']);
    // A whole "Titel:" line is the title.
    expect(ruled('Titel: Bewaren van meetgegevens\nDe raad spreekt uit dat de gegevens een jaar worden bewaard.\nBesluit: aangenomen met 20 stemmen voor en 9 tegen.\n')[0]).toBe('bewaartermijn:planned');
  });

  it('leaves a title line’s text outside the quotes, and a title nobody voted on', () => {
    expect(ruled('Motie M1 (D66): "Buurt weet ervan". De FG heeft al geadviseerd.\nBesluit: verworpen met 9 stemmen voor en 20 tegen.\n')).toEqual(['fg:stated']);
    expect(ruled('Motie M1 (D66): "Omwonenden op de hoogte".\nDe motie wordt nog besproken.\n')[0]).not.toBe('informeren:planned');
  });

  it('reads a vote that closes the ask’s own paragraph', () => {
    expect(ruled('Amendement 8.2 (D66) – "Kortere termijn"\nHet amendement regelt dat de gegevens worden verwijderd na drie maanden. Verworpen met 15 stemmen voor en 22 tegen.\n')).toEqual(['bewaartermijn:negated']);
    expect(ruled('Amendement A2 (SP): "Eerst een evaluatie": de kaart pas te publiceren na een proef. Verworpen met 9 stemmen voor en 26 tegen.\n')).toEqual(['evaluatie:negated']);
  });

  it('negates what a rejected ask asks also where the structure made it planned', () => {
    expect(ruled('Amendement A2 (SP): "Volg niets".\nHet amendement vraagt vóór de ingebruikname een IAMA te laten uitvoeren.\nVerworpen met 12 stemmen voor en 25 tegen.\n')).toEqual(['iama:negated']);
  });

  it('reads a document handed over as existing: "al" and a participle before the term, or its date after it', () => {
    expect(ruled('De wethouder zegt toe de al uitgevoerde DPIA ter inzage te leggen bij de griffie.\n')).toEqual(['dpia:stated']);
    expect(ruled('De burgemeester zegt toe de raad het advies van de FG van 3 november 2026 toe te sturen.\n')).toEqual(['fg:stated']);
    expect(ruled('Wethouder Kramer zegt toe het advies van de FG van maart 2027 openbaar te maken.\n')).toEqual(['fg:stated']);
    // Without either, what is promised is still to come.
    expect(ruled('De wethouder zegt toe de DPIA ter inzage te leggen bij de griffie zodra die klaar is.\n')).toEqual(['dpia:planned']);
    expect(ruled('De wethouder zegt toe het advies van de FG van de gemeente toe te sturen.\n')).toEqual(['fg:planned']);
  });

  it('reads a run-in heading whose noun has a complement before the colon, also in a numbered item', () => {
    expect(ruled('Over het informeren van ouders: ouders worden niet apart geïnformeerd over de score.\n')[0]).toBe('informeren:negated');
    expect(ruled('Toezeggingen\nT2. Over de verwerkersovereenkomst met TunnelSafe: de wethouder zegt toe die vóór ingebruikname te laten tekenen.\n')).toEqual(['verwerkersovereenkomst:planned']);
    expect(ruled('5.2 Over de bewaartermijn van de overzichtsfoto’s: de wethouder zegt toe dat die naar veertien dagen gaat.\n')).toEqual(['bewaartermijn:planned']);
    // A term opening an agenda item's name is no run-in heading.
    expect(ruled('3.2 Evaluatie subsidieregeling gevelrenovatie: de raad zegt toe dat die naar de commissie gaat.\n')).not.toContain('evaluatie:planned');
  });
});

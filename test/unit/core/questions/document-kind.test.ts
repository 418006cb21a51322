// The kind of a document from its own opening, and what the raad did with a motie, on texts
// written from the structure of moties, amendementen and raadsvoorstellen (as page text: a line a
// block), none of them a real document.
import { describe, expect, it } from 'vitest';
import { documentOpening } from '@/lib/core/questions/document-kind';
import { documentKindRules, parseDocumentKindRules } from '@/lib/core/rules/document-kind';
import { RulePackError } from '@/lib/core/rules/errors';

const rules = documentKindRules();
const read = (text: string) => documentOpening(text, rules);

const MOTIE = [
  'Motie',
  'Onderwerp: slimme lantaarnpalen in het centrum',
  'Ingediend door: J. Jansen (Lokaal Belang), P. Pietersen (Groen)',
  'De raad van de gemeente Veendorp, in vergadering bijeen op 14 maart 2026, ter bespreking van agendapunt 7,',
  'Constaterende dat:',
  '- in het centrum lantaarnpalen met sensoren worden geplaatst;',
  'Overwegende dat:',
  '- inwoners moeten weten welke gegevens worden verzameld;',
  'Verzoekt het college:',
  '- de raad voor de zomer te informeren over de sensoren;',
  'En gaat over tot de orde van de dag.',
].join('\n');

describe('documentOpening: the kind', () => {
  it('a motie by its opening and dictum, whatever it is called', () => {
    expect(read(MOTIE).kind).toBe('motie');
    expect(read(MOTIE.replace('Motie\n', '')).kind).toBe('motie');
    // Other dictums, and the dictum in the opening's own block.
    expect(read(MOTIE.replace('Verzoekt het college:', 'Roept het college op om:')).kind).toBe('motie');
    expect(read(MOTIE.replace('Verzoekt het college:', '● Draagt het college op:')).kind).toBe('motie');
    expect(read(MOTIE.replace('Verzoekt het college:', 'Verzoekt de burgemeester:')).kind).toBe('motie');
    expect(read('De gemeenteraad van Veendorp, in vergadering bijeen op 2 april 2026, verzoekt het college een register van sensoren bij te houden.').kind).toBe('motie');
  });

  it('a motie whose lines a PDF joined into one block (no edge in its layout)', () => {
    const joined = [
      'Onderwerp: slimme lantaarnpalen',
      'De raad van de gemeente Veendorp, in vergadering bijeen op 14 maart 2026, Constaterende dat:',
      '- in het centrum lantaarnpalen met sensoren worden geplaatst; Verzoekt het college:',
      '- de raad te informeren. En gaat over tot de orde van de dag.',
    ].join('\n');
    expect(read(joined).kind).toBe('motie');
  });

  it('an amendement by its own opening or by a dictum that changes a besluit', () => {
    expect(read('Amendement\nOndergetekenden stellen het volgende amendement voor:\nHet ontwerpbesluit wordt als volgt gewijzigd: …').kind).toBe('amendement');
    const amendement = [
      'Onderwerp: cameratoezicht stationsgebied',
      'De raad van de gemeente Veendorp, in vergadering bijeen op 14 maart 2026,',
      'gelezen het raadsvoorstel cameratoezicht stationsgebied,',
      'besluit het ontwerpbesluit als volgt te wijzigen:',
      'na beslispunt 2 wordt toegevoegd: …',
    ].join('\n');
    expect(read(amendement).kind).toBe('amendement');
  });

  it('not a raadsvoorstel that quotes a motie, nor one without the opening', () => {
    const voorstel = [
      'Raadsvoorstel',
      'Onderwerp: beleidskader slimme camera’s',
      'Naar aanleiding van de motie “Regie op camera’s” (M12), waarin de raad in vergadering bijeen op 3 juni 2025 het college verzocht een kader op te stellen, leggen wij u dit kader voor.',
      'Verzoekt het college in de motie ook de raad te informeren; dat doen wij met deze brief.',
      'Voorgesteld besluit: het beleidskader vast te stellen.',
    ].join('\n');
    expect(read(voorstel).kind).toBeUndefined();
    // Its own sentence about the motie: the raad's opening, but a past request, no dictum.
    expect(read('Raadsvoorstel\nAanleiding. De raad, in vergadering bijeen op 3 juni 2025, verzocht het college een kader op te stellen; dat ligt nu voor.').kind).toBeUndefined();
    // The dictum alone is no motie: a raadsinformatiebrief can say it quoting one.
    expect(read('Raadsinformatiebrief\nIn de motie verzoekt de raad het college te rapporteren.\nVerzoekt het college: te rapporteren.').kind).toBeUndefined();
    // An opening without a dictum after it (a raadsbesluit) is no motie.
    expect(read('De raad van de gemeente Veendorp, in vergadering bijeen op 14 maart 2026;\ngelezen het voorstel van burgemeester en wethouders;\nbesluit: vast te stellen de verordening.').kind).toBeUndefined();
  });

  it('only the opening: a motie text quoted past the window is not read as one', () => {
    const far = `${'Toelichting bij het raadsvoorstel. '.repeat(200)}\n${MOTIE}`;
    expect(far.indexOf('De raad')).toBeGreaterThan(rules.window);
    expect(read(far).kind).toBeUndefined();
  });
});

describe('documentOpening: what the raad did', () => {
  it('a stamp, a sentence of its own or a field', () => {
    expect(read(`${MOTIE}\nAangenomen`).decision).toBe('aangenomen');
    expect(read(`AANGENOMEN\n${MOTIE}`).decision).toBe('aangenomen');
    expect(read(`${MOTIE}\nDe motie is aangenomen.`).decision).toBe('aangenomen');
    expect(read(`${MOTIE}\nAangenomen met 23 stemmen voor en 12 tegen`).decision).toBe('aangenomen');
    expect(read(`Stuknummer: RIS 123 Uitslag stemming: Verworpen\n${MOTIE}`).decision).toBe('verworpen');
    expect(read(`${MOTIE}\nDe motie is ingetrokken.`).decision).toBe('ingetrokken');
    // A form's fields joined into one block: the value ends where the next field starts.
    expect(read(`Stuknummer: RIS 4711 Uitslag stemming: Aangenomen Onderwerp: slimme camera's\n${MOTIE}`).decision).toBe('aangenomen');
    expect(read(`Uitslag stemming: Aangenomen de motie wordt overgenomen door het college\n${MOTIE}`).decision).toBeUndefined();
  });

  it('a sentence about the document itself, at the head of a longer line or with the votes first (round 21b)', () => {
    expect(read(`${MOTIE}\nStemming\nDe motie is verworpen met 12 stemmen voor en 15 stemmen tegen. Voor: Groen, SP, D66, Partij voor de Dieren. Tegen: VVD, CDA, Lokaal Belang, JA21.`).decision).toBe('verworpen');
    expect(read(`${MOTIE}\nHet amendement wordt verworpen met 12 stemmen voor (Groen, CDA, SP) en 21 stemmen tegen (VVD, Lokaal Belang, D66, ChristenUnie, JA21).`).decision).toBe('verworpen');
    expect(read(`${MOTIE}\nDe motie wordt met 12 stemmen voor en 17 stemmen tegen verworpen.`).decision).toBe('verworpen');
    expect(read(`${MOTIE}\nDe motie wordt met 20 stemmen voor en 9 stemmen tegen aangenomen. Voor: Groen, SP, D66, CDA, Lokaal Belang. Tegen: VVD, JA21.`).decision).toBe('aangenomen');
    // The longest outcome the sentence ends with: "niet aangenomen" is rejected.
    expect(read(`${MOTIE}\nDe motie wordt met 12 stemmen voor en 17 stemmen tegen niet aangenomen.`).decision).toBe('verworpen');
  });

  it('no outcome from a sentence about something else, or one that only starts like a vote', () => {
    // The raadsvoorstel adopted after the amendement was voted down: the amendement's own outcome stands.
    expect(read(`${MOTIE}\nHet amendement is verworpen met 11 stemmen voor en 20 stemmen tegen. Voor: Groen, SP.\nHet raadsvoorstel is daarna ongewijzigd aangenomen met 24 stemmen voor en 7 stemmen tegen.`).decision).toBe('verworpen');
    expect(read(`${MOTIE}\nDe motie wordt met 12 stemmen voor en 17 stemmen tegen door de voorzitter ter stemming gebracht, nadat de indieners haar hebben gewijzigd en de wethouder haar ontraadt.`).decision).toBeUndefined();
    expect(read(`${MOTIE}\nDe motie wordt besproken in de commissie van 12 mei, waar de wethouder zegt dat de eerder verworpen motie over camera’s nog niet is uitgevoerd.`).decision).toBeUndefined();
  });

  it('unknown where nothing says it, where a field is empty, where the word is part of a sentence, or where two say differently', () => {
    expect(read(MOTIE).decision).toBeUndefined();
    // An empty field: the next block is not its value.
    expect(read(`Stuknummer: Uitslag stemming:\nPagina 1 van 1\n${MOTIE}`).decision).toBeUndefined();
    expect(read(`${MOTIE.replace('- in het centrum', '- de eerder aangenomen motie M12 is uitgevoerd;\n- in het centrum')}`).decision).toBeUndefined();
    expect(read(`${MOTIE}\nAangenomen met de kanttekening dat de wethouder de raad informeert over de kosten van het plan en de planning`).decision).toBeUndefined();
    expect(read(`Aangenomen\n${MOTIE}\nVerworpen`).decision).toBeUndefined();
  });
});

describe('rules/document-kind.json', () => {
  it('is checked, with messages in Dutch', () => {
    const broken = structuredClone(rules) as unknown as { kinds: { dictum: string[][] }[]; window: number };
    broken.kinds[0]!.dictum[0] = ['Verzoekt Het College'];
    broken.window = 5;
    expect(() => parseDocumentKindRules(broken)).toThrow(RulePackError);
    expect(() => parseDocumentKindRules(broken)).toThrow(/rules\/document-kind\.json: kinds\[0\]\.dictum\[0\]\[0\]: alleen kleine letters/);
    expect(() => parseDocumentKindRules(broken)).toThrow(/window: moet minstens 500 zijn/);
    const sentence = structuredClone(rules) as unknown as { decision: { sentence: { leads: string[]; maxLength: number; votes?: string[] } } };
    sentence.decision.sentence.leads.push('De motie wordt');
    sentence.decision.sentence.maxLength = 5;
    delete sentence.decision.sentence.votes;
    expect(() => parseDocumentKindRules(sentence)).toThrow(/decision\.sentence\.leads\[\d+\]: alleen kleine letters/);
    expect(() => parseDocumentKindRules(sentence)).toThrow(/decision\.sentence\.maxLength: moet minstens 20 zijn/);
    expect(() => parseDocumentKindRules(sentence)).toThrow(/decision\.sentence\.votes: ontbreekt/);
  });
});

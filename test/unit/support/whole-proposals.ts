// A motie and an amendement that are each the whole document, with the raad's vote at the end, far
// beyond the window the content script sends around the dictum (READING_RADIUS): the status
// reading must take what became of them from the document itself (lib/core/questions/outcome.ts).
// Written for the tests, not taken from the eval set.

/** A toelichting of some 1,900 characters with no safeguard in it: the vote stands that far from the dictum. */
const TOELICHTING = [
  'Toelichting van de indieners',
  [
    'Het stationsplein is ’s avonds druk met reizigers, scholieren en mensen die op de nachtbus wachten.',
    'De indieners begrijpen dat het college daar iets wil doen aan de overlast die ondernemers al jaren melden.',
    'Toch gaat het om mensen die niets hebben gedaan en die op een openbare plek alleen maar willen wachten of overstappen.',
    'Wie over het plein loopt, moet weten waar hij aan toe is en mag niet het gevoel krijgen dat elke beweging wordt beoordeeld.',
    'Andere steden hebben laten zien dat een plein met meer licht, een bemande fietsenstalling en een conducteur op het perron rustiger wordt.',
    'Die maatregelen kosten geld, maar zij vragen niets van de mensen die er komen en zij werken ook op de dagen dat er geen storing is.',
    'De indieners vragen de raad daarom eerst te kijken wat de camera’s precies doen en wie er iets van merkt.',
    'Zij willen niet dat de raad pas na een jaar hoort dat het systeem anders werkt dan in de folder van de leverancier staat.',
    'Ook de ondernemersvereniging heeft laten weten dat zij het belangrijk vindt dat reizigers zich welkom blijven voelen op het plein.',
    'De wijkagent heeft in de commissie gezegd dat de meeste overlast rond middernacht ontstaat, als de laatste trein is vertrokken.',
    'Juist dan zijn er weinig reizigers en veel mensen die er alleen nog wachten op een taxi of een lift naar huis.',
    'De indieners zien in die cijfers een reden om eerst de dienstregeling van de nachtbus en de verlichting te bekijken.',
    'Zij hopen dat de raad met deze motie laat zien dat veiligheid en een open plein samen kunnen gaan.',
    'Daarover willen zij graag in de commissie verder praten, met de ondernemers, de vervoerder en de mensen uit de buurt.',
  ].join(' '),
].join('\n');

const MOTIE_HEAD = `Gemeente Oudewater-Noord
Raadsvergadering van 3 juni 2027

Motie M2027-11 "Slimme camera’s pas na een toets"
Ingediend door: SP (R. Dekker), D66 (M. Aydin)

De raad van de gemeente Oudewater-Noord, in vergadering bijeen op 3 juni 2027,

constaterende dat:
- het college op het stationsplein twaalf slimme camera’s met gedragsherkenning wil plaatsen;
- de FG in april over het plan heeft geadviseerd;

verzoekt het college:
1. de camera’s pas aan te zetten nadat een IAMA is uitgevoerd;
2. de camera’s op te nemen in het algoritmeregister;
3. reizigers met borden op het plein te informeren over de gedragsherkenning;

en gaat over tot de orde van de dag.

${TOELICHTING}
`;

/** The motie with its vote: rejected, adopted, or none yet (open). */
export function wholeMotie(vote: 'verworpen' | 'aangenomen' | 'open'): string {
  if (vote === 'open') return MOTIE_HEAD;
  const votes = vote === 'verworpen' ? 'met 11 stemmen voor en 20 stemmen tegen' : 'met 20 stemmen voor en 11 stemmen tegen';
  return `${MOTIE_HEAD}\nStemming\nDe motie wordt ${votes} ${vote}.\nVoor: SP, D66, GroenLinks. Tegen: VVD, CDA, Lokaal Oudewater.\n`;
}

/** A rejected amendement: its dictum's items under "met dien verstande dat:", its vote after the toelichting. */
export const WHOLE_AMENDEMENT = `Gemeente Oudewater-Noord
Raadsvergadering van 3 juni 2027

Amendement A2 "Camera’s met maat"
bij agendapunt 6, raadsvoorstel "Slimme camera’s op het stationsplein"

De raad van de gemeente Oudewater-Noord, in vergadering bijeen op 3 juni 2027,

besluit het ontwerpbesluit als volgt te wijzigen:
Aan beslispunt 1 wordt toegevoegd: "met dien verstande dat:
– de beelden van de slimme camera’s worden verwijderd na zeven dagen;
– de proef na een jaar wordt geëvalueerd."

${TOELICHTING}

Stemming
Het amendement wordt verworpen met 9 stemmen voor (SP, D66) en 22 stemmen tegen (VVD, CDA, Lokaal Oudewater, GroenLinks, ChristenUnie).
`;

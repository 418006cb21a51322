// Pilots, proeven and other weak terms count only where technology is at stake in that part of
// the document (lib/core/analyse/context.ts): a window of sentences, "de pilot" continuing a pilot
// that counted, and the same answer whether a document comes as one text or in parts.
import { describe, expect, it } from 'vitest';
import { createAnalyser, PartsSoFar, type ContextPart } from '@/lib/core/analyse';
import { CONTEXT_SENTENCES, outOfContext } from '@/lib/core/analyse/context';
import { loadBuiltinRules } from '@/lib/core/rules';
import { rng } from '../match/rng';

const analyser = createAnalyser(loadBuiltinRules());

/** The weak words that count in `text`, as the analyser reports them. */
const countedPilots = (text: string) =>
  analyser
    .analyse(text, 'wrapped')
    .matches.filter((m) => analyser.isWeak(m.termId))
    .map((m) => m.text);

describe('a weak term counts only near technology', () => {
  it('in the same sentence, or up to two sentences away either side', () => {
    expect(CONTEXT_SENTENCES).toBe(2);
    expect(countedPilots('Wij starten een pilot met bodycams.')).toEqual(['pilot']);
    expect(countedPilots('Wij starten een pilot. Het college kiest voor bodycams.')).toEqual(['pilot']);
    expect(countedPilots('Wij starten een pilot. Die duurt een jaar. Het college kiest voor bodycams.')).toEqual(['pilot']);
    expect(countedPilots('Het college kiest voor bodycams. Dat kost geld. Wij starten ook een pilot.')).toEqual(['pilot']);
    expect(countedPilots('Wij starten een pilot. Die duurt een jaar. Hij kost geld. Het college kiest voor bodycams.')).toEqual([]);
  });

  it('a raadsvoorstel with pilots about fines, tenancy and rats beside a camera pilot: only the camera pilot counts', () => {
    const text = [
      'Afval',
      'In de wijk Holtenbroek start een pilot met directe boetes voor het bijplaatsen van afval. Handhavers schrijven een strafbeschikking uit. Na zes maanden kijken wij of de maatregel werkt.',
      'Wonen',
      'Samen met de Huurcommissie voeren wij een proef uit met een clausule in huurcontracten. Woningcorporaties doen mee. Wij verwachten de uitkomsten in 2028.',
      'Ongedierte',
      'Met de GGD start een experiment met de bestrijding van ratten in de binnenstad. Bewoners krijgen voorlichting. Wij vervangen afvalbakken door gesloten bakken.',
      'Uitgaansgebied',
      'Het college stelt voor een pilot met flexibel cameratoezicht te starten bij de Stationsweg.',
    ].join('\n');
    const found = analyser.analyse(text, 'wrapped');
    expect(found.matches.map((m) => `${m.category}:${m.text}`)).toEqual(['pilot:pilot', 'camera:flexibel cameratoezicht']);
    expect(found.matches[0]!.start).toBe(text.lastIndexOf('pilot'));
  });

  it('with no technology at all, the pilots are neither counted nor raise a question, nor the pilot signal', () => {
    const text = 'De raad stemt in met een pilot met tijdelijke huurcontracten. De proef loopt drie jaar. Daarna volgt een evaluatie van de pilot.';
    expect(analyser.find(text).matches.length).toBe(3);
    expect(analyser.find(text).safeguardHits.some((h) => h.group === 'proefproject')).toBe(true);
    const { matches, assessment } = analyser.analyse(text, 'wrapped');
    expect(matches).toEqual([]);
    expect(assessment.categories).toEqual([]);
    expect(assessment.hasTechnology).toBe(false);
    expect(assessment.signals.map((s) => s.id)).not.toContain('proefproject');
    expect(assessment.questions.every((q) => !q.applies && q.triggers.length === 0)).toBe(true);
  });

  it('a pilot that counts keeps its signal; one that does not loses it', () => {
    const text = 'Er komt een pilot met slimme camera’s. Dat is besloten. Het geld komt uit de reserve. Ook start er een pilot met huurcontracten.';
    const { assessment } = analyser.analyse(text, 'wrapped');
    const signal = assessment.signals.find((s) => s.id === 'proefproject');
    expect(signal?.count).toBe(1);
    expect(signal?.passage.start).toBe(text.indexOf('pilot'));
  });

  it('"de pilot" many sentences on continues a pilot that counted, but not one that did not', () => {
    const tech = 'Er start een pilot met slimme lantaarnpalen. Die meten geluid. Wij verwachten veel. Bewoners zijn positief. Er komt een bijeenkomst. De pilot loopt tot 2028.';
    expect(countedPilots(tech)).toEqual(['pilot', 'pilot']);
    const other = 'Er start een pilot met huurcontracten. Die duurt twee jaar. Wij verwachten veel. Bewoners zijn positief. Ook komen er sensoren. De pilot loopt tot 2028.';
    // The second pilot is next to the sensors: it counts on its own; the first does not.
    expect(countedPilots(other)).toEqual(['pilot']);
    expect(analyser.analyse(other, 'wrapped').matches.find((m) => m.category === 'pilot')!.start).toBe(other.lastIndexOf('pilot'));
    // An indefinite "een pilot" starts a new one: it does not continue the one before.
    const fresh = 'Er start een pilot met slimme lantaarnpalen. Die meten geluid. Wij verwachten veel. Bewoners zijn positief. Er komt een bijeenkomst. Er komt ook een pilot met boetes.';
    expect(countedPilots(fresh)).toEqual(['pilot']);
    // Too far back: more than five sentences.
    const far = 'Er start een pilot met slimme lantaarnpalen. A is b. C is d. E is f. G is h. I is j. K is l. De pilot loopt tot 2028.';
    expect(countedPilots(far)).toEqual(['pilot']);
  });

  it('does not end a sentence at abbreviations, dates or article numbers', () => {
    // Three abbreviations between the pilot and the technology: still one sentence.
    expect(countedPilots('De pilot m.b.t. de afvalinzameling o.a. in de wijk, d.d. 1 mei, zie art. 5 lid 2, gebruikt een drone.')).toEqual(['pilot']);
    // A list: each ";" and each bullet ends an item.
    expect(countedPilots('constaterende dat: - er een pilot loopt; - de wijk mooi is; - het weer goed is; - er drones vliegen;')).toEqual([]);
    expect(countedPilots('● er loopt een pilot ● de wijk is mooi ● het weer is goed ● er vliegen drones')).toEqual([]);
  });

  it('counts a blank line after a full stop once', () => {
    expect(countedPilots('Er loopt een pilot.\n\n\nDe wijk is mooi.\n\nEr vliegen drones.')).toEqual(['pilot']);
    expect(countedPilots('Er loopt een pilot\n\nDe wijk is mooi\n\nHet weer is goed\n\nEr vliegen drones')).toEqual([]);
  });
});

describe('a document in parts gives what the whole text gives', () => {
  const SENTENCES = [
    'Er loopt een pilot met boetes.',
    'De proef duurt een jaar.',
    'Het college plaatst camera’s.',
    'De wijk is mooi.',
    'Het experiment met huurcontracten loopt door.',
    'Er komen sensoren in de straat.',
    'De raad stemt in.',
    'In de pilot doen tien scholen mee.',
    'Daarnaast is er een proeftuin.',
    'Het weer is goed; de zon schijnt.',
    'Deze pilot wordt geëvalueerd.',
    'Wij kopen drones.',
  ];

  it('for pages joined with blank lines (the command-line scanner) and pages apart (the PDF scanner, the page), hits included', () => {
    const next = rng(12);
    let compared = 0;
    let droppedSeen = 0;
    let keptSeen = 0;
    for (let run = 0; run < 300; run++) {
      const sentences = Array.from({ length: 4 + Math.floor(next() * 14) }, () => SENTENCES[Math.floor(next() * SENTENCES.length)]!);
      // Cut into parts at random sentence boundaries.
      const parts: string[] = [];
      let current: string[] = [];
      for (const s of sentences) {
        current.push(s);
        if (next() < 0.3) {
          parts.push(current.join(next() < 0.5 ? ' ' : '\n'));
          current = [];
        }
      }
      if (current.length) parts.push(current.join(' '));
      const whole = parts.join('\n\n');
      const wholeFound = analyser.find(whole);
      const wholeDropped = analyser.outOfContext([{ text: whole, matches: wholeFound.matches, hits: wholeFound.safeguardHits }]);
      const key = (m: { start: number; termId?: string; group?: string }) => `${m.start}:${m.termId ?? m.group}`;
      const fromWhole = [...wholeFound.matches, ...wholeFound.safeguardHits].filter((m) => !wholeDropped.has(m)).map(key).sort();

      const asParts: ContextPart[] = parts.map((text) => {
        const found = analyser.find(text);
        return { text, matches: found.matches, hits: found.safeguardHits };
      });
      const dropped = analyser.outOfContext(asParts);
      const fromParts: string[] = [];
      let offset = 0;
      for (const p of asParts) {
        for (const m of [...p.matches, ...(p.hits ?? [])]) if (!dropped.has(m)) fromParts.push(key({ ...m, start: m.start + offset }));
        offset += p.text.length + 2;
      }
      fromParts.sort();
      expect(fromParts, whole).toEqual(fromWhole);
      compared++;
      droppedSeen += wholeDropped.size;
      keptSeen += fromWhole.length;
    }
    expect(compared).toBe(300);
    // Both outcomes occur, so the comparison says something.
    expect(droppedSeen).toBeGreaterThan(100);
    expect(keptSeen).toBeGreaterThan(100);
  });

  it('as it grows (the viewer): each new part brings in what its text settles, and ends as the whole', () => {
    const pages = [
      'Het college kiest voor een nieuwe aanpak. Er start een pilot.',
      'De pilot gebruikt bodycams. Ook komt er een proef met boetes.',
      'De wijk is mooi. Het weer is goed. De zon schijnt.',
      'Er komt een experiment met huurcontracten.',
    ];
    const read = new PartsSoFar(analyser);
    const parts = pages.map((text) => ({ text, matches: analyser.find(text).matches }));
    expect(read.add(parts[0]!)).toEqual([]);
    // Page 1 alone: its pilot has no technology yet.
    expect(read.counted(0)).toEqual([]);
    // Page 2 brings the bodycams: page 1's pilot now counts, and page 1 is said to have changed.
    expect(read.add(parts[1]!)).toEqual([0]);
    expect(read.counted(0).map((m) => m.text)).toEqual(['pilot']);
    expect(read.counted(1).map((m) => m.text)).toEqual(['pilot', 'bodycams', 'proef']);
    expect(read.add(parts[2]!)).toEqual([]);
    expect(read.add(parts[3]!)).toEqual([]);
    expect(read.counted(3)).toEqual([]);
    const dropped = analyser.outOfContext(parts);
    expect(parts.map((p, i) => read.counted(i).length === p.matches.filter((m) => !dropped.has(m)).length)).toEqual([true, true, true, true]);
    expect(read.total).toBe(4);
  });
});

describe('outOfContext stays linear', () => {
  it('on a long run of weak words after one technology term, reading each stretch of text once per sweep', () => {
    // 50 000 pilots in one sentence after "camera": all within the window; then a full stop and
    // 50 000 more, beyond it. The result says the cost: every sentence counted, none twice.
    const text = `camera ${'pilot '.repeat(50_000)}. A is b. C is d. D is e. ${'pilot '.repeat(50_000)}`;
    const matches = analyser.find(text).matches;
    expect(matches.length).toBe(100_001);
    const dropped = outOfContext([{ text, matches }], (id) => analyser.isWeak(id));
    expect(dropped.size).toBe(50_000);
    expect([...dropped].every((m) => m.start > text.indexOf('D is e'))).toBe(true);
  });
});

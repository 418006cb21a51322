import { describe, expect, it } from 'vitest';
import { buildEntries, facetsOf, filterEntries } from '../../../lib/record/entries';
import { foldForSearch, matchesQuery, queryWords, searchEntries } from '../../../lib/record/search';
import { parseTags } from '../../../lib/record/tags';
import { documentFacts, gemeenteFromUrl, isoDate } from '../../../lib/record/document-meta';
import { DOC_A, DOC_B, documents, flags, notes } from './export/fixtures';

const entries = buildEntries(documents, notes, flags);
const ids = (list: { id: string }[]) => list.map((e) => e.id.slice(0, 1));

describe('search in the record', () => {
  it('folds case, diacritics and ligatures', () => {
    expect(foldForSearch('Coöperatie ÉÉN ﬁets')).toBe('cooperatie een fiets');
    expect(queryWords('  “Coöperatie”, FG ')).toEqual(['cooperatie', 'fg']);
  });

  it('finds by note text, quote, reason, title, gemeente and tag, diacritics-insensitive, all words required', () => {
    expect(ids(filterEntries(entries, { query: 'cooperatie' }))).toEqual(['3']);
    expect(ids(filterEntries(entries, { query: 'STATIONSPLEIN fg' }))).toEqual(['1']);
    expect(ids(filterEntries(entries, { query: 'gezichtsherkenning' }))).toEqual(['4']);
    expect(ids(filterEntries(entries, { query: 'amersfoort' }))).toEqual(['3']);
    expect(filterEntries(entries, { query: 'dpia' }).map((e) => e.id.slice(0, 1)).sort()).toEqual(['1', '5']);
    expect(filterEntries(entries, { query: 'fg drone' })).toEqual([]);
  });

  it('finds through the joined text exactly the entries whose own haystack has every word, in list order', () => {
    // Words at an entry's very start and end, words that would span two entries if they were
    // joined without a separator, repeated words, short and long words, empty haystacks.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const vocabulary = ['fg', 'dpia', 'camera', 'cameratoezicht', 'de', 'e', 'a', 'ab', 'ba', 'cooperatie', 'x'];
    const list = Array.from({ length: 400 }, () => ({
      haystack: Array.from({ length: Math.floor(next() * 6) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(next() < 0.5 ? ' ' : ''),
    }));
    const queries = [['fg'], ['a'], ['ab', 'ba'], ['camera', 'dpia'], ['e', 'de', 'x'], ['xx'], ['aa'], ['cameratoezicht', 'fg', 'cooperatie'], ['eab'], ['']];
    for (const words of queries) {
      expect(searchEntries(list, words)).toEqual(list.filter((e) => matchesQuery(e, words)));
    }
    expect(searchEntries([], ['fg'])).toEqual([]);
    expect(searchEntries(list, [])).toEqual(list);
  });

  it('searches a list again after it was reordered in place', () => {
    const list = [{ haystack: 'dpia camera' }, { haystack: 'fg' }, { haystack: 'camera' }];
    expect(searchEntries(list, ['camera'])).toEqual([list[0], list[2]]);
    list.reverse();
    expect(searchEntries(list, ['camera'])).toEqual([list[0], list[2]]);
    expect(searchEntries(list, ['camera'])[0]!.haystack).toBe('camera');
  });

  it('filters by gemeente, category, AP question, status, tag and kind', () => {
    expect(ids(filterEntries(entries, { gemeente: 'Amersfoort' }))).toEqual(['3']);
    expect(filterEntries(entries, { category: 'camera' }).map((e) => e.id.slice(0, 1)).sort()).toEqual(['1', '4']);
    expect(ids(filterEntries(entries, { question: 'ap-3' }))).toEqual(['4']);
    expect(ids(filterEntries(entries, { status: 'gesteld' }))).toEqual(['2']);
    expect(filterEntries(entries, { tag: 'DPIA' }).map((e) => e.id.slice(0, 1)).sort()).toEqual(['1', '5']);
    expect(filterEntries(entries, { kind: 'flag' }).every((e) => e.kind === 'flag')).toBe(true);
    expect(ids(filterEntries(entries, { status: 'open', category: 'camera', query: 'fg' }))).toEqual(['1']);
  });

  it('sorts by meeting date, newest first, undated documents last, each document in reading order', () => {
    expect(ids(filterEntries(entries, {}))).toEqual(['2', '5', '1', '4', '3']);
    expect(ids(filterEntries(entries, { sort: 'meeting-asc' }))).toEqual(['2', '5', '1', '4', '3']);
    const later = buildEntries([{ ...documents[1]!, meetingDate: '2027-01-01' }, documents[0]!], notes, flags);
    expect(ids(filterEntries(later, {}))).toEqual(['3', '2', '5', '1', '4']);
    expect(ids(filterEntries(later, { sort: 'meeting-asc' }))).toEqual(['2', '5', '1', '4', '3']);
    expect(ids(filterEntries(entries, { sort: 'updated-desc' }))).toEqual(['5', '4', '3', '2', '1']);
  });

  it('offers only filter values that occur', () => {
    expect(facetsOf(entries)).toEqual({
      gemeenten: ['Amersfoort', 'Utrecht'],
      tags: ['dpia', 'fg', 'verwerker'],
      categories: ['camera', 'sensor'],
      questions: ['ap-2', 'ap-3'],
    });
  });

  it('shows a record whose document is unknown under its address', () => {
    const [entry] = buildEntries([], [notes[0]!], []);
    expect(entry).toMatchObject({ title: DOC_A, url: DOC_A, gemeente: undefined });
    expect(DOC_B).toContain('amersfoort');
  });
});

describe('tags and document metadata', () => {
  it('parses tags as typed', () => {
    expect(parseTags(' dpia, #FG; fg\n camera ,, ')).toEqual(['dpia', 'FG', 'camera']);
    expect(parseTags('x'.repeat(100))[0]).toHaveLength(64);
    expect(parseTags(Array.from({ length: 60 }, (_, i) => `t${i}`).join(','))).toHaveLength(50);
  });

  it('reads the gemeente from shared portal hosts', () => {
    expect(gemeenteFromUrl('https://utrecht.raadsinformatie.nl/document/1')).toBe('Utrecht');
    expect(gemeenteFromUrl('https://alphen-aan-den-rijn.bestuurlijkeinformatie.nl/x')).toBe('Alphen aan den Rijn');
    expect(gemeenteFromUrl('https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie')).toBe('Den Haag');
    expect(gemeenteFromUrl('https://api.notubiz.nl/document/1')).toBeUndefined();
    expect(gemeenteFromUrl('https://www.utrecht.nl/')).toBeUndefined();
    expect(gemeenteFromUrl('geen url')).toBeUndefined();
  });

  it('turns portal dates into meeting dates and prefers the portal’s facts over the URL', () => {
    expect(isoDate('Gemeenteraad, 12 maart 2026')).toBe('2026-03-12');
    expect(isoDate('3-7-2025')).toBe('2025-07-03');
    expect(isoDate('2026-12-10T19:30')).toBe('2026-12-10');
    expect(isoDate('31 februari 2026')).toBeUndefined();
    expect(isoDate('binnenkort')).toBeUndefined();
    expect(isoDate(undefined)).toBeUndefined();
    const url = 'https://utrecht.raadsinformatie.nl/document/1';
    expect(documentFacts(url, 'Tabtitel', { gemeente: 'Utrecht (gemeente)', documentType: 'Raadsvoorstel', date: '12 maart 2026', title: 'RV 31' })).toEqual({
      url, title: 'RV 31', gemeente: 'Utrecht (gemeente)', type: 'raadsvoorstel', meetingDate: '2026-03-12',
    });
    expect(documentFacts(url, 'Tabtitel', undefined)).toEqual({ url, title: 'Tabtitel', gemeente: 'Utrecht', type: undefined, meetingDate: undefined });
  });
});

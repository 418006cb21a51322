import { describe, expect, it } from 'vitest';
import { documentFacts } from '@/lib/record/document-meta';
import { addresseeRead } from '@/lib/core/questions/addressee';

describe('documentFacts: the name a document is kept and written to the college under', () => {
  const url = 'https://voorbeeld.bestuurlijkeinformatie.nl/Agenda/Index/0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6';

  it('names a meeting page whose heading is only its body by that body and the date', () => {
    // An iBabs meeting page: <h1>Commissie Bestuur</h1>, the date in the <h2> under it.
    const facts = documentFacts(url, 'Agenda Voorbeeld - Commissie Bestuur dinsdag 3 maart 2026 19:30 - 22:00 - iBabs Publieksportaal', {
      title: 'Commissie Bestuur',
      meeting: 'Commissie Bestuur',
      date: 'dinsdag 3 maart 2026',
      documentType: 'agenda',
    });
    expect(facts.title).toBe('Commissie Bestuur dinsdag 3 maart 2026');
    expect(facts.meetingDate).toBe('2026-03-03');
  });

  it('keeps no meeting date for a publication: a Gemeenteblad, Kamerstuk, regeling or register entry gives the day it was published', () => {
    const gmb = 'https://zoek.officielebekendmakingen.nl/kst-36410-27.html';
    expect(documentFacts(gmb, 't', { portal: 'officielebekendmakingen', documentType: 'kamerstuk', date: '2024-03-12' }).meetingDate).toBeUndefined();
    // The portal is kept: with the address it tells a Staatscourant from the gemeente's own Gemeenteblad.
    expect(documentFacts(gmb, 't', { portal: 'officielebekendmakingen' }).portal).toBe('officielebekendmakingen');
    expect('portal' in documentFacts(gmb, 't', undefined)).toBe(false);
    expect(documentFacts(gmb, 't', { portal: 'officielebekendmakingen', documentType: 'bekendmaking', date: '2017-06-14' }).meetingDate).toBeUndefined();
    expect(documentFacts('https://lokaleregelgeving.overheid.nl/CVDR1/1', 't', { portal: 'lokaleregelgeving', date: '1 mei 2024' }).meetingDate).toBeUndefined();
    expect(documentFacts('https://algoritmes.overheid.nl/nl/algoritme/x/1', 't', { portal: 'algoritmeregister', date: '30 september 2025' }).meetingDate).toBeUndefined();
    // A council portal's date is the meeting's, with or without the portal named.
    expect(documentFacts(url, 't', { portal: 'ibabs', date: 'woensdag 1 april 2026' }).meetingDate).toBe('2026-04-01');
    expect(documentFacts(url, 't', { date: '12 juni 2025' }).meetingDate).toBe('2025-06-12');
  });

  it('keeps a title that is more than the body, or that has the date already, as it is', () => {
    expect(documentFacts(url, 't', { title: 'Gemeenteraad 12 mei 2025 19:30 uur', meeting: 'Gemeenteraad', date: '12 mei 2025' }).title).toBe('Gemeenteraad 12 mei 2025 19:30 uur');
    expect(documentFacts(url, 't', { title: 'Raadsvoorstel cameratoezicht', meeting: 'Raad', date: '1 april 2026' }).title).toBe('Raadsvoorstel cameratoezicht');
    expect(documentFacts(url, 't', { title: 'Raad 1 april 2026', meeting: 'Raad 1 april 2026', date: '1 april 2026' }).title).toBe('Raad 1 april 2026');
    // Without a date there is nothing to add; without a portal title the tab's title stays.
    expect(documentFacts(url, 't', { title: 'Raad', meeting: 'Raad' }).title).toBe('Raad');
    expect(documentFacts(url, 'Tabblad', undefined).title).toBe('Tabblad');
  });
});

describe('documentFacts: whom the document asks, once its text is read', () => {
  const url = 'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie';
  it('carries the read addressee (a page’s portal facts, a PDF’s opening); nothing while unread', () => {
    expect(documentFacts(url, 't', { documentType: 'motie' }, addresseeRead({ addressee: 'burgemeester' })).addressee).toBe('burgemeester');
    expect(documentFacts(url, 't', { documentType: 'motie' }, addresseeRead({})).addressee).toBe('college');
    expect('addressee' in documentFacts(url, 't', { documentType: 'motie' }, addresseeRead(undefined))).toBe(false);
  });
  it('carries what the raad did with it where that was read; nothing otherwise (an earlier read stays)', () => {
    expect(documentFacts(url, 't', { documentType: 'motie' }, 'college', 'verworpen').decision).toBe('verworpen');
    expect('decision' in documentFacts(url, 't', { documentType: 'motie' }, 'college', undefined)).toBe(false);
  });
});

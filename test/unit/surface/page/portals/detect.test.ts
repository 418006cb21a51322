import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS, detectPortal, detectorFor } from '@/lib/surface/page/portals';
import { PORTAL_HOSTS, PORTAL_MATCH_PATTERNS, VENDOR_HOST_PATTERNS, GO_HOSTS, hostMatches } from '@/lib/surface/page/portals/hosts';
import { classifyDocumentType, isPdfLink } from '@/lib/surface/page/portals/dom';
import { buildTextIndex } from '@/lib/surface/page/scan/text-index';
import { isPageChrome } from '@/lib/surface/page/scan/main-content';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/portals');

function load(file: string, url: string) {
  // happy-dom would try to load the stylesheet; the detectors never need it.
  const html = readFileSync(path.join(FIXTURES, file), 'utf8').replace(/<link rel="stylesheet"[^>]*>/g, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, location: new URL(url) };
}

/** The text a scan of the detected main content would see (chrome excluded). */
function scannedText(file: string, url: string): string {
  const { doc, location } = load(file, url);
  const d = detectPortal(location, doc);
  const exclude = (el: Element) => isPageChrome(el) || !!d.detector.isChrome?.(el);
  return buildTextIndex(d.main, { exclude }).text;
}

const CHROME_WORDS = ['tracking cookies', 'analytische cookies', "camera's in de raadzaal", 'Hoofdmenu', 'Postbus'];

interface Case {
  file: string;
  url: string;
  portal: string;
  meta: Record<string, string>;
  /** `row`: the other cells of the list row a link stands in (its status column among them). */
  attachments: Array<{ name: string | RegExp; url: string; group?: string; row?: string }>;
  inMain: string[];
}

const CASES: Case[] = [
  {
    file: 'ibabs-agenda.html',
    url: 'https://utrecht.bestuurlijkeinformatie.nl/Agenda/Index/7c3e0d55-1b2a-4f7e-8a11-3c5d9e0f2a41',
    portal: 'ibabs',
    meta: { portalLabel: 'iBabs', gemeente: 'Utrecht', title: 'Gemeenteraad', meeting: 'Gemeenteraad', date: '12 maart 2026', documentType: 'agenda' },
    attachments: [
      { name: 'Agenda gemeenteraad 12 maart 2026', url: 'https://utrecht.bestuurlijkeinformatie.nl/Document/LoadAgendaDocument/5b7e2f10-aaaa-4c2d-9f00-000000000001?agendaId=7c3e0d55-1b2a-4f7e-8a11-3c5d9e0f2a41' },
      { name: 'Raadsvoorstel uitbreiding cameratoezicht binnenstad', group: '7. Raadsvoorstel uitbreiding cameratoezicht binnenstad', url: 'https://utrecht.bestuurlijkeinformatie.nl/Document/LoadAgendaItemDocument/0d1c7a52-1111-4b4b-8c8c-000000000107?agendaItemId=107' },
      { name: 'Bijlage 1 DPIA cameratoezicht', group: '7. Raadsvoorstel uitbreiding cameratoezicht binnenstad', url: 'https://utrecht.bestuurlijkeinformatie.nl/Document/LoadAgendaItemDocument/0d1c7a52-1111-4b4b-8c8c-000000000108?agendaItemId=107' },
      { name: 'Bijlage 2 Evaluatie cameratoezicht 2024', group: '7. Raadsvoorstel uitbreiding cameratoezicht binnenstad', url: 'https://api1.ibabs.eu/publicdownload.aspx?site=utrecht&id=3a9d1c1e-2222-4e0e-9a9a-000000000109' },
      { name: 'Raadsinformatiebrief pilot slimme lantaarnpalen', group: '8. Raadsinformatiebrief pilot slimme lantaarnpalen', url: 'https://utrecht.bestuurlijkeinformatie.nl/Document/View/0d1c7a52-3333-4b4b-8c8c-000000000110' },
    ],
    inMain: ['bodycams', 'slimme lantaarnpalen'],
  },
  {
    file: 'ibabs-document.html',
    url: 'https://rotterdamraad.bestuurlijkeinformatie.nl/Agenda/Document/4f1e?documentId=9a1b&agendaItemId=5',
    portal: 'ibabs',
    meta: {
      gemeente: 'Rotterdam',
      title: 'Raadsinformatiebrief pilot bodycams handhaving',
      documentType: 'raadsinformatiebrief',
      meeting: 'Commissie Bestuur, Organisatie en Middelen',
      date: '4 februari 2026',
      agendaItem: '5. Raadsinformatiebrief pilot bodycams handhaving',
    },
    attachments: [
      { name: 'Raadsinformatiebrief pilot bodycams handhaving', url: 'https://rotterdamraad.bestuurlijkeinformatie.nl/Document/LoadAgendaItemDocument/9a1b2c3d-0000-4444-8888-000000000501?agendaItemId=5' },
      { name: 'Bijlage DPIA bodycams', url: 'https://rotterdamraad.bestuurlijkeinformatie.nl/Document/LoadAgendaItemDocument/9a1b2c3d-0000-4444-8888-000000000502?agendaItemId=5' },
    ],
    inMain: ['bodycam', 'cloudruimte'],
  },
  {
    file: 'notubiz-vergadering.html',
    url: 'https://amsterdam.raadsinformatie.nl/vergadering/1528626/Gemeenteraad%2019-03-2026',
    portal: 'notubiz',
    meta: { portalLabel: 'NotuBiz', gemeente: 'Amsterdam', title: 'Gemeenteraad', documentType: 'agenda', date: '19 maart 2026' },
    attachments: [
      { name: '236 sv Aslami inzake toegepaste profileringscriteria gemeentelijke algoritmes', group: '12. Motie Aslami over toegepaste profileringscriteria bij gemeentelijke algoritmes', url: 'https://amsterdam.raadsinformatie.nl/document/13573898/1/236+sv+Aslami+inzake+toegepaste+profileringscriteria+gemeentelijke+algoritmes' },
      { name: 'Motie 412 Algoritmeregister', group: '12. Motie Aslami over toegepaste profileringscriteria bij gemeentelijke algoritmes', url: 'https://api.notubiz.nl/document/13573899/1' },
      { name: 'Raadsvoorstel wifitracking evenementen', group: '13. Raadsvoorstel inzet wifitracking bij evenementen', url: 'https://amsterdam.raadsinformatie.nl/document/13580001/2/Raadsvoorstel+wifitracking+evenementen' },
      { name: 'Bijlage verwerkersovereenkomst', group: '13. Raadsvoorstel inzet wifitracking bij evenementen', url: 'https://amsterdam.raadsinformatie.nl/document/13580002/1/Bijlage+verwerkersovereenkomst.pdf' },
    ],
    inMain: ['wifitracking', 'algoritmeregister'],
  },
  {
    file: 'notubiz-moties.html',
    url: 'https://denhaag.raadsinformatie.nl/modules/6/moties/view',
    portal: 'notubiz',
    // A list of moties is not a motie: the title says what it lists.
    meta: { gemeente: 'Den Haag', title: 'Moties', documentType: 'documentenlijst' },
    attachments: [
      { name: 'Motie 301 Geen gezichtsherkenning in de openbare ruimte', url: 'https://denhaag.raadsinformatie.nl/document/13400001/1/Motie+301', row: '5 februari 2026\nAangenomen' },
      { name: 'Motie 302 Register van sensoren', url: 'https://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302', row: '5 februari 2026\nVerworpen' },
      { name: 'Motie 317 Onderzoek inzet drones bij handhaving', url: 'https://denhaag.raadsinformatie.nl/document/13400017/1/Motie+317', row: '12 februari 2026\nAangenomen' },
      { name: 'Motie 320 Fietsparkeren Centraal Station', url: 'https://denhaag.raadsinformatie.nl/document/13400020/1/Motie+320', row: '12 februari 2026\nAangenomen' },
    ],
    inMain: ['gezichtsherkenning'],
  },
  {
    file: 'go-vergadering.html',
    url: 'https://raad.dordrecht.nl/vergaderingen/gemeenteraad/2026/25-maart/19:30',
    portal: 'gemeenteoplossingen',
    meta: { portalLabel: 'GemeenteOplossingen', gemeente: 'Dordrecht', title: 'Raadsvergadering', meeting: 'Gemeenteraad 25 maart 2026', date: '25 maart 2026', documentType: 'agenda' },
    attachments: [
      { name: 'Raadsvoorstel camerabeleid 2026-2030', group: '4. Raadsvoorstel camerabeleid 2026-2030', url: 'https://raad.dordrecht.nl/Documenten/Raadsvoorstel-camerabeleid-2026-2030.pdf' },
      { name: 'Bijlage Camerabeleid 2026-2030', group: '4. Raadsvoorstel camerabeleid 2026-2030', url: 'https://raad.dordrecht.nl/Documenten/Bijlage-Camerabeleid-2026-2030.pdf' },
      { name: 'Amendement Zorgvuldig gebruik van algoritmen', group: '5. Amendement Zorgvuldig gebruik van algoritmen', url: 'https://raad.dordrecht.nl/Documenten/Amendement-algoritmen.pdf' },
    ],
    inMain: ['ANPR-camera', 'flexibel cameratoezicht'],
  },
  {
    file: 'go-documenten.html',
    url: 'https://gemeenteraad.groningen.nl/documenten',
    portal: 'gemeenteoplossingen',
    meta: { gemeente: 'Groningen', title: 'Documenten', documentType: 'documentenlijst' },
    attachments: [
      { name: "Schriftelijke vragen over ANPR-camera's in de Diepenring", url: 'https://gemeenteraad.groningen.nl/Documenten/Schriftelijke-vragen-ANPR-camera-s-Diepenring.pdf' },
      { name: 'Schriftelijke vragen over sensoren op de Grote Markt', url: 'https://gemeenteraad.groningen.nl/Documenten/Schriftelijke-vragen-sensoren-Grote-Markt.pdf' },
      { name: 'Beantwoording schriftelijke vragen bodycams handhaving', url: 'https://gemeenteraad.groningen.nl/Documenten/Beantwoording-vragen-bodycams.pdf' },
    ],
    inMain: ['sensoren'],
  },
  {
    file: 'parlaeus-motie.html',
    url: 'https://apeldoorn.parlaeus.nl/user/motie/action=view/id=48211',
    portal: 'parlaeus',
    meta: {
      portalLabel: 'Parlaeus',
      gemeente: 'Apeldoorn',
      title: "Motie M12 Geen slimme camera's zonder debat",
      documentType: 'motie',
      meeting: 'Gemeenteraad 5 maart 2026',
      date: '5 maart 2026',
      agendaItem: '6. Veiligheidsplan 2026',
    },
    attachments: [{ name: "Motie M12 Geen slimme camera's zonder debat", url: 'https://apeldoorn.parlaeus.nl/user/showdoc/action=view/id=48211' }],
    inMain: ['gezichtsherkenning'],
  },
  {
    file: 'gmb-2025-512078.html',
    url: 'https://zoek.officielebekendmakingen.nl/gmb-2025-512078.html',
    portal: 'officielebekendmakingen',
    meta: { portalLabel: 'Gemeenteblad', gemeente: 'Tiel', title: 'Beleidsregel verantwoord gebruik van AI gemeente Tiel', documentType: 'beleidsregel', date: '20 november 2025' },
    attachments: [],
    inMain: ['algoritmeregister', 'Risicoprofilering'],
  },
  {
    // A permit made known, as the Gemeenteblad publishes many: its Informatietype (the second DC.type) says
    // "Beschikkingen", so it is a bekendmaking, not a "besluit" of the raad or college.
    file: 'gmb-2024-300118.html',
    url: 'https://zoek.officielebekendmakingen.nl/gmb-2024-300118.html',
    portal: 'officielebekendmakingen',
    meta: { portalLabel: 'Gemeenteblad', gemeente: 'Harderwijk', title: 'Bekendmaking ontheffing dronevlucht Zomerfeest Havenkwartier', documentType: 'bekendmaking', date: '2024-05-21' },
    attachments: [],
    inMain: ['drones', 'Stichting Zomerfeest'],
  },
  {
    // A Tweede Kamer motie on the same site: its own metadata says Kamerstuk, and its creator is the
    // Kamer (scheme OVERHEID.StatenGeneraal), not a gemeente; it was called a "besluit" of raad or college.
    file: 'kst-36410-27.html',
    url: 'https://zoek.officielebekendmakingen.nl/kst-36410-27.html',
    portal: 'officielebekendmakingen',
    meta: { portalLabel: 'Kamerstukken II', title: "Motie van het lid Verhoef over toezicht op slimme camera's in de openbare ruimte", documentType: 'kamerstuk', date: '2024-03-12' },
    attachments: [],
    inMain: ["slimme camera's", 'cameratoezicht'],
  },
  {
    file: 'cvdr-camerabeleid.html',
    url: 'https://lokaleregelgeving.overheid.nl/CVDR737698/1',
    portal: 'lokaleregelgeving',
    meta: { gemeente: 'Brunssum', title: 'Camerabeleid gemeente Brunssum 2024', documentType: 'beleidsregel', date: '1 mei 2024' },
    attachments: [],
    inMain: ['dashcams', 'mobiel cameratoezicht'],
  },
  {
    file: 'nl/algoritme/woztaxatiemodellen-gemeente-ede.html',
    url: 'https://algoritmes.overheid.nl/nl/algoritme/woztaxatiemodellen-gemeente-ede/39323486',
    portal: 'algoritmeregister',
    meta: { portalLabel: 'Algoritmeregister', gemeente: 'Ede', title: 'WOZ-taxatiemodellen', documentType: 'algoritme', date: '30 september 2025' },
    attachments: [],
    inMain: ['taxatiemodel', 'profilering'],
  },
];

describe('detectPortal on the portal fixtures', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      it(`is ${c.portal} with the page's metadata`, () => {
        const { doc, location } = load(c.file, c.url);
        const d = detectPortal(location, doc);
        expect(d.detector.id).toBe(c.portal);
        expect(d.meta).toMatchObject({ portal: c.portal, ...c.meta });
      });

      it('lists the attachments with absolute links', () => {
        const { doc, location } = load(c.file, c.url);
        expect(detectPortal(location, doc).attachments).toEqual(c.attachments);
      });

      it('scans the document and none of the page chrome', () => {
        const text = scannedText(c.file, c.url);
        for (const w of c.inMain) expect(text).toContain(w);
        for (const w of CHROME_WORDS) expect(text).not.toContain(w);
      });
    });
  }

  it('Gemeenteblad: the kind from the Informatietype, whichever DC.type carries it', () => {
    const kind = (types: string[], path = '/gmb-2024-1.html') => {
      const metas = types.map((t, i) => `<meta name="DC.type" content="${t}" scheme="${i ? 'OVERHEIDgvop.Informatietype' : 'OVERHEID.Informatietype'}">`).join('');
      const doc = new DOMParser().parseFromString(`<html><head><title>X</title>${metas}</head><body><div id="broodtekst"><p>Tekst</p></div></body></html>`, 'text/html');
      return detectPortal(new URL(`https://zoek.officielebekendmakingen.nl${path}`), doc).meta.documentType;
    };
    expect(kind(['officiële publicatie', 'Beschikkingen | afhandeling'])).toBe('bekendmaking');
    expect(kind(['officiële publicatie', 'Beschikkingen | aanvraag'])).toBe('bekendmaking');
    expect(kind(['officiële publicatie', 'Kennisgevingen'])).toBe('bekendmaking');
    expect(kind(['officiële publicatie', 'Beleidsregels'])).toBe('beleidsregel');
    expect(kind(['officiële publicatie', 'Verordeningen'])).toBe('verordening');
    // No Informatietype that names a kind: as before, a publication of the blad.
    expect(kind(['officiële publicatie'])).toBe('besluit');
    expect(kind([], '/onbekend-1.html')).toBeUndefined();
  });

  it('officiële bekendmakingen: only a Gemeenteblad publication without a kind is a besluit; the Rijk\'s and the Kamer\'s are not', () => {
    const read = (path: string, head = '') => {
      const doc = new DOMParser().parseFromString(`<html><head><title>X</title><meta name="DC.type" content="officiële publicatie" scheme="OVERHEID.Informatietype">${head}</head><body><div id="broodtekst"><p>Tekst</p></div></body></html>`, 'text/html');
      return detectPortal(new URL(`https://zoek.officielebekendmakingen.nl${path}`), doc).meta;
    };
    expect(read('/gmb-2024-1.html').documentType).toBe('besluit');
    expect(read('/kst-36410-27.html').documentType).toBe('kamerstuk');
    expect(read('/stcrt-2024-1.html').documentType).toBeUndefined();
    expect(read('/trb-2024-1.html').documentType).toBeUndefined();
    expect(read('/stb-2024-1.html').documentType).toBeUndefined();
    // The page's own metadata names the publication where the address does not.
    expect(read('/publicatie-1.html', '<meta name="OVERHEIDop.publicationName" content="Gemeenteblad">').documentType).toBe('besluit');
    expect(read('/publicatie-1.html', '<meta name="OVERHEIDop.publicationName" content="Staatscourant">').documentType).toBeUndefined();
    expect(read('/publicatie-1.html', '<meta name="DC.type" content="Kamerstuk" scheme="OVERHEIDop.Parlementair">').documentType).toBe('kamerstuk');
    // A creator that is no gemeente is not the gemeente; one without a scheme, or a gemeente's, is.
    expect(read('/kst-1.html', '<meta name="DC.creator" content="Tweede Kamer der Staten-Generaal" scheme="OVERHEID.StatenGeneraal">').gemeente).toBeUndefined();
    expect(read('/stcrt-1.html', '<meta name="DC.creator" content="Ministerie van Binnenlandse Zaken" scheme="OVERHEID.Ministerie">').gemeente).toBeUndefined();
    expect(read('/gmb-1.html', '<meta name="DC.creator" content="Tiel">').gemeente).toBe('Tiel');
    expect(read('/gmb-1.html', '<meta name="DC.creator" content="Rheden" scheme="OVERHEID.Gemeente">').gemeente).toBe('Rheden');
    expect(read('/kst-36410-27.html', '<meta name="DC.creator" content="Tweede Kamer der Staten-Generaal" scheme="OVERHEID.StatenGeneraal">').gemeente).toBeUndefined();
  });

  it('finds the document in the SPA only once the app has rendered it', () => {
    const location = new URL('https://openbesluitvorming.nl/?doc=2');
    const doc = new DOMParser().parseFromString(
      '<div id="root"><main><div class="search-bar"><input value="camera"></div><nav class="result-list"><a href="?doc=1">Cameratoezicht</a></nav>' +
        '<article class="document-view" data-document><p class="document-type">Motie</p><h1>Motie Geen wifitracking</h1><p class="meeting">Gemeenteraad 3 april 2026</p><p class="date">3 april 2026</p>' +
        '<dl class="document-meta"><dt>Organisatie</dt><dd>Gemeente Eindhoven</dd><dt>Agendapunt</dt><dd>9. Slimme stad</dd></dl><p>wifitracking</p><p><a href="/Documenten/motie.pdf">Origineel document (PDF)</a></p></article></main></div>',
      'text/html',
    );
    const d = detectPortal(location, doc);
    expect(d.detector.id).toBe('openbesluitvorming');
    expect(d.main.className).toBe('document-view');
    expect(d.meta).toMatchObject({ gemeente: 'Eindhoven', title: 'Motie Geen wifitracking', documentType: 'motie', meeting: 'Gemeenteraad 3 april 2026', date: '3 april 2026', agendaItem: '9. Slimme stad' });
    expect(d.attachments).toEqual([{ name: 'Origineel document', url: 'https://openbesluitvorming.nl/Documenten/motie.pdf' }]);
  });
});

describe('generic fallback', () => {
  it('covers an unknown host: main-content heuristic, page title, PDF links in the content only', () => {
    const doc = new DOMParser().parseFromString(
      '<title>Raadsvoorstel Cameratoezicht | Gemeente Zutphen</title><nav><a href="/menu.pdf">Menu (pdf)</a></nav><main><h1>Raadsvoorstel cameratoezicht</h1><p>tekst</p>' +
        '<a href="stukken/raadsvoorstel.pdf">Raadsvoorstel</a><a href="/x.html">geen pdf</a><a href="javascript:void(0)">nee.pdf</a><a href="stukken/raadsvoorstel.pdf">dubbel</a></main>',
      'text/html',
    );
    const d = detectPortal(new URL('https://raad.zutphen.nl/vergaderstukken/raadsstuk/cameratoezicht'), doc);
    expect(d.detector.id).toBe('generic');
    expect(d.main.tagName).toBe('MAIN');
    expect(d.meta).toEqual({ portal: 'generic', portalLabel: 'Webpagina', gemeente: 'Zutphen', title: 'Raadsvoorstel cameratoezicht', documentType: 'raadsvoorstel' });
    expect(d.attachments).toEqual([{ name: 'Raadsvoorstel', url: 'https://raad.zutphen.nl/vergaderstukken/raadsstuk/stukken/raadsvoorstel.pdf' }]);
  });

  it('falls back to the heuristic when a portal page lacks its container', () => {
    const doc = new DOMParser().parseFromString('<div class="foutpagina"><p>Pagina niet gevonden</p></div>', 'text/html');
    const d = detectPortal(new URL('https://utrecht.bestuurlijkeinformatie.nl/x'), doc);
    expect(d.detector.id).toBe('ibabs');
    expect(d.main).toBe(doc.body);
    expect(d.attachments).toEqual([]);
  });
});

describe('portals on hosts in no list (a granted site, "Scan deze pagina")', () => {
  it('recognises GO, NotuBiz and iBabs by their URL shapes, and nothing else', () => {
    const go = load('go-vergadering.html', 'https://raad.zutphen.nl/vergaderingen/gemeenteraad/2026/25-maart');
    const goDetection = detectPortal(go.location, go.doc);
    expect(goDetection.detector.id).toBe('gemeenteoplossingen');
    expect(goDetection.meta).toMatchObject({ portalLabel: 'GemeenteOplossingen', meeting: 'Gemeenteraad 25 maart 2026' });
    expect(goDetection.attachments[0]?.url).toBe('https://raad.zutphen.nl/Documenten/Raadsvoorstel-camerabeleid-2026-2030.pdf');

    const nb = load('notubiz-vergadering.html', 'https://ris.almere.nl/vergadering/1528626/Gemeenteraad');
    expect(detectPortal(nb.location, nb.doc).detector.id).toBe('notubiz');
    const ib = load('ibabs-agenda.html', 'https://raad.example.nl/Agenda/Index/7c3e0d55-1b2a-4f7e-8a11-3c5d9e0f2a41');
    expect(detectPortal(ib.location, ib.doc).detector.id).toBe('ibabs');

    // The right path without the portal's links, or the links on another path: generic.
    const plain = new DOMParser().parseFromString('<main><p>Vergaderingen</p><a href="/stuk.pdf">stuk</a></main>', 'text/html');
    expect(detectPortal(new URL('https://www.example.nl/vergaderingen/2026'), plain).detector.id).toBe('generic');
    const elsewhere = load('go-vergadering.html', 'https://www.example.nl/nieuws/raad');
    expect(detectPortal(elsewhere.location, elsewhere.doc).detector.id).toBe('generic');
  });
});

describe('hosts', () => {
  it('every manifest host belongs to exactly one detector, and the other way round', () => {
    const fromDetectors = DETECTORS.flatMap((d) => d.hosts.map((h) => `*://${h}/*`));
    expect(new Set(fromDetectors)).toEqual(new Set(PORTAL_MATCH_PATTERNS));
    expect(fromDetectors).toHaveLength(PORTAL_MATCH_PATTERNS.length);
    expect(PORTAL_HOSTS.gemeenteoplossingen).toBe(GO_HOSTS);
    expect(VENDOR_HOST_PATTERNS.length + GO_HOSTS.length).toBe(PORTAL_MATCH_PATTERNS.length);
  });

  it('matches hosts as match patterns do', () => {
    expect(hostMatches('*.bestuurlijkeinformatie.nl', 'utrecht.bestuurlijkeinformatie.nl')).toBe(true);
    expect(hostMatches('*.bestuurlijkeinformatie.nl', 'bestuurlijkeinformatie.nl')).toBe(true);
    expect(hostMatches('*.bestuurlijkeinformatie.nl', 'evilbestuurlijkeinformatie.nl')).toBe(false);
    expect(hostMatches('*.bestuurlijkeinformatie.nl', 'bestuurlijkeinformatie.nl.evil.com')).toBe(false);
    expect(hostMatches('raad.dordrecht.nl', 'RAAD.Dordrecht.nl.')).toBe(true);
    expect(hostMatches('raad.dordrecht.nl', 'x.raad.dordrecht.nl')).toBe(false);
  });

  it('sends each real example host to its detector', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    const ids = [
      'https://raadsinformatie.eindhoven.nl/document/12915671/2/x',
      'https://api1.ibabs.eu/publicdownload.aspx?site=x',
      'https://maastricht.parlaeus.nl/user/showdoc/action=view/id=1',
      'https://repository.officiele-overheidspublicaties.nl/cvdr/CVDR705499/1/html/CVDR705499_1.html',
      'https://openbesluitvorming.nl/',
      'https://www.raadleiderdorp.nl/vergaderingen',
      'https://example.org/',
    ].map((u) => detectorFor(new URL(u), empty).id);
    expect(ids).toEqual(['notubiz', 'ibabs', 'parlaeus', 'lokaleregelgeving', 'openbesluitvorming', 'gemeenteoplossingen', 'generic']);
  });
});

describe('metadata helpers', () => {
  it('names document types from titles', () => {
    expect(classifyDocumentType('Raadsinformatiebrief pilot bodycams')).toBe('raadsinformatiebrief');
    expect(classifyDocumentType('Schriftelijke vragen over sensoren')).toBe('schriftelijke vragen');
    expect(classifyDocumentType('Amendement zorgvuldig gebruik')).toBe('amendement');
    expect(classifyDocumentType('Beantwoording schriftelijke vragen bodycams')).toBe('schriftelijke vragen');
    expect(classifyDocumentType('Motie 12')).toBe('motie');
    // A list of decisions is not the minutes: GO names them "Besluitenlijst raadsvergadering …".
    expect(classifyDocumentType('Besluitenlijst raadsvergadering 1 juni 2026')).toBe('besluitenlijst');
    expect(classifyDocumentType('Notulen commissie Bestuur')).toBe('notulen');
    expect(classifyDocumentType('Begroting 2026')).toBeUndefined();
  });

  it('recognises PDF links by type and URL shape', () => {
    const doc = new DOMParser().parseFromString(
      '<a id="a" href="/x.PDF?download=1"></a><a id="b" type="application/pdf" href="/stuk"></a><a id="c" href="/over.html"></a>',
      'text/html',
    );
    expect(isPdfLink(doc.getElementById('a')!)).toBe(true);
    expect(isPdfLink(doc.getElementById('b')!)).toBe(true);
    expect(isPdfLink(doc.getElementById('c')!)).toBe(false);
  });
});

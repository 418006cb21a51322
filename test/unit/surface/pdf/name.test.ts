import { describe, expect, it } from 'vitest';
import { documentName, nameFromDisposition, nameFromUrl, readableName } from '@/lib/surface/pdf/name';

describe('readableName', () => {
  it('turns a portal file name into words: + and %20 are spaces, no extension, a slug gets its spaces', () => {
    expect(readableName('I_6++VVD+motie+Relschoppers+mogen+niet+ongestraft+wegkomen')).toBe('I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen');
    expect(readableName('Raadsvoorstel%20AI%20%26%20privacy.pdf')).toBe('Raadsvoorstel AI & privacy');
    expect(readableName('Besluitenlijst-raadsvergadering-29-juni-2015.pdf')).toBe('Besluitenlijst raadsvergadering 29 juni 2015');
    expect(readableName('Raadsbesluit bekrachtiging geheimhouding Zeestad..pdf')).toBe('Raadsbesluit bekrachtiging geheimhouding Zeestad');
  });

  it('keeps the hyphens of a name that has spaces, and a single hyphen in a slug', () => {
    expect(readableName('ANPR-camera’s op de boulevard.pdf')).toBe('ANPR-camera’s op de boulevard');
    expect(readableName('raadsvoorstel-3p.pdf')).toBe('raadsvoorstel-3p');
  });

  it('gives a NotuBiz motie its number as the motie and the agenda write it: "I_6" in the file name is "I.6"', () => {
    // The real Den Haag moties: /…/I_6++VVD+motie+… says "I.6 VVD", /…/F_8+FVD+motie+… "F.8 FVD".
    expect(readableName('F_8+FVD+motie+Onderzoek+AI+voor+ambtelijke+functies')).toBe('F.8 FVD motie Onderzoek AI voor ambtelijke functies');
    expect(readableName('AB_12+motie+Camera%27s')).toBe("AB.12 motie Camera's");
    // Underscores elsewhere, or a lower-case start, are no motie number.
    expect(readableName('Raadsvoorstel+2025_12+camera%27s')).toBe("Raadsvoorstel 2025_12 camera's");
    expect(readableName('ab_1+notitie')).toBe('ab_1 notitie');
    expect(readableName('Motie_M12_Geen_slimme_cameras')).toBe('Motie M12 Geen slimme cameras');
  });

  it('leaves a name with a stray % as it is instead of failing', () => {
    expect(readableName('100%+zeker.pdf')).toBe('100% zeker');
  });
});

describe('nameFromUrl', () => {
  it('reads the name in a NotuBiz, GO and Parlaeus address', () => {
    expect(nameFromUrl('https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie+Relschoppers+mogen+niet+ongestraft+wegkomen')).toBe(
      'I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen',
    );
    expect(nameFromUrl('https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/Besluitenlijst-raadsvergadering-29-juni-2015.pdf')).toBe(
      'Besluitenlijst raadsvergadering 29 juni 2015',
    );
    expect(nameFromUrl('https://rotterdam.parlaeus.nl/user/showdoc/action=view/id=4242/type=pdf/Motie%20slimme%20camera%27s')).toBe("Motie slimme camera's");
    expect(nameFromUrl('https://apeldoorn.parlaeus.nl/user/showdoc/action=view/id=48211/type=pdf/Motie_M12_Geen_slimme_cameras')).toBe('Motie M12 Geen slimme cameras');
    expect(nameFromUrl('https://x.nl/stukken/Raadsvoorstel.pdf/download')).toBe('Raadsvoorstel');
    expect(nameFromUrl('https://x.nl/download.php?file=Nota%20cameratoezicht.pdf')).toBe('Nota cameratoezicht');
  });

  it('finds no name in ids, GUIDs and the portal’s own verbs', () => {
    expect(nameFromUrl('https://api.notubiz.nl/document/13372948/1')).toBeUndefined();
    expect(nameFromUrl('https://api1.ibabs.eu/publicdownload.aspx?site=utrecht&id=100123')).toBeUndefined();
    expect(
      nameFromUrl('https://utrecht.bestuurlijkeinformatie.nl/Agenda/Document/6b0e52a1-3c4d-4e8f-9a17-2d5c8b1e0f44?documentId=0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15'),
    ).toBeUndefined();
    expect(nameFromUrl('https://utrecht.bestuurlijkeinformatie.nl/Document/LoadAgendaItemDocument/0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15')).toBeUndefined();
    expect(nameFromUrl('https://rotterdam.parlaeus.nl/user/showdoc/action=view/id=4242/type=pdf')).toBeUndefined();
    // A GUID whose hex digits hold letter pairs ("ae", "dd"), as the real Almelo meeting's does.
    expect(nameFromUrl('https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/55a2d355-2f35-4543-ae50-6d3576dd1275?documentId=061eeb3e-7484-4ffa-a94c-b2ff6c4b32ba')).toBeUndefined();
    expect(nameFromUrl('https://x.nl/Document/View/ABCDEF12-ABCD-ABCD-ABCD-ABCDEFABCDEF')).toBeUndefined();
    // A folder further up is not the document's name.
    expect(nameFromUrl('https://x.nl/Raadsstukken/2026/12345')).toBeUndefined();
    expect(nameFromUrl('geen adres')).toBeUndefined();
  });
});

describe('nameFromDisposition', () => {
  it('prefers filename* (RFC 6266), then filename, quoted or not', () => {
    expect(nameFromDisposition(`inline; filename="Motie.pdf"; filename*=UTF-8''Motie%20camera%E2%80%99s%20Stationsplein.pdf`)).toBe('Motie camera’s Stationsplein');
    expect(nameFromDisposition('attachment; filename="Raadsvoorstel \\"slimme\\" lantaarnpalen.pdf"')).toBe('Raadsvoorstel "slimme" lantaarnpalen');
    // Underscores as the only separator are spaces, as in the attachment list (dom.ts fileNameFromUrl).
    expect(nameFromDisposition('attachment; filename=Nota_verkeerscameras.pdf')).toBe('Nota verkeerscameras');
    expect(nameFromDisposition("attachment; filename*=iso-8859-1''Beleidsregel%20privacy%20%E9n%20camera.pdf")).toBe('Beleidsregel privacy én camera');
  });

  it('takes only the file of a path, and nothing from a header without a useful name', () => {
    expect(nameFromDisposition('attachment; filename="C:\\\\stukken\\\\Raadsvoorstel AI.pdf"')).toBe('Raadsvoorstel AI');
    expect(nameFromDisposition('inline')).toBeUndefined();
    expect(nameFromDisposition('attachment; filename="123456.pdf"')).toBeUndefined();
    expect(nameFromDisposition(null)).toBeUndefined();
  });
});

describe('documentName', () => {
  const besluitenlijst = 'https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/Besluitenlijst-raadsvergadering-29-juni-2015.pdf';

  it('names a 2015 besluitenlijst by its file, not by the stale title inside the PDF that the tab shows', () => {
    expect(documentName({ url: besluitenlijst, tabTitle: 'Aandachtspuntenlijst raadsvergadering 3 november 2008' })).toBe(
      'Besluitenlijst raadsvergadering 29 juni 2015',
    );
  });

  it('takes the portal’s link text first, then the address, then Content-Disposition, then the tab title, then the host', () => {
    const ibabs = 'https://utrecht.bestuurlijkeinformatie.nl/Agenda/Document/6b0e52a1-3c4d-4e8f-9a17-2d5c8b1e0f44?documentId=0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15';
    expect(documentName({ url: besluitenlijst, portalName: '  Besluitenlijst  29 juni ' })).toBe('Besluitenlijst 29 juni');
    expect(documentName({ url: ibabs, disposition: 'inline; filename="Raadsvoorstel cameratoezicht.pdf"', tabTitle: 'Microsoft Word - rv.docx' })).toBe(
      'Raadsvoorstel cameratoezicht',
    );
    expect(documentName({ url: ibabs, tabTitle: 'Raadsvoorstel cameratoezicht' })).toBe('Raadsvoorstel cameratoezicht');
    // A tab title that is only the address says nothing.
    expect(documentName({ url: ibabs, tabTitle: ibabs })).toBe('utrecht.bestuurlijkeinformatie.nl');
    expect(documentName({ url: 'https://api.notubiz.nl/document/13372948/1' })).toBe('api.notubiz.nl');
  });
});

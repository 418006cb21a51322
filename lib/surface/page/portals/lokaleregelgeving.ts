// lokaleregelgeving.overheid.nl (CVDR): one HTML page per regulation version, full text in HTML,
// with "Geldend van … t/m …" and a metadata table (organisatie, citeertitel, inwerkingtreding).
// Built for:
//   https://lokaleregelgeving.overheid.nl/CVDR737698/1       Camerabeleid Brunssum
//   https://lokaleregelgeving.overheid.nl/CVDR700965/1       Camerabeleid Eindhoven
//   https://repository.officiele-overheidspublicaties.nl/cvdr/CVDR705499/1/html/CVDR705499_1.html
import { defineDetector } from './define';
import { labelledValue, metaContent } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const lokaleregelgeving = defineDetector({
  id: 'lokaleregelgeving',
  label: 'Lokale regelgeving (CVDR)',
  hosts: PORTAL_HOSTS.lokaleregelgeving,
  main: ['.regeling', '#regeling', 'main', '#content', 'body'],
  chrome: ['.regeling-acties', '.versies', '.toc-toggle'],
  title: ['.regeling h1', 'main h1', 'h1'],
  date: ['.geldigheid'],
  typeLabel: ['.regeling-soort'],
  gemeente: (_location, doc) =>
    (labelledValue(doc, /^organisatie/i) ?? metaContent(doc, 'DC.creator'))?.replace(/^[Gg]emeente\s+/, ''),
  pageType: () => 'verordening',
  refine(meta, doc) {
    const soort = labelledValue(doc, /^(soort regeling|type regeling)/i);
    return {
      ...meta,
      // "Beleidsregel" in the metadata table is more precise than the title's wording.
      documentType: /beleidsregel/i.test(soort ?? '') ? 'beleidsregel' : meta.documentType,
      date: labelledValue(doc, /^(datum van )?inwerkingtreding/i) ?? meta.date,
    };
  },
});

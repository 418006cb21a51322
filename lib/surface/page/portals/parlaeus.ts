// Parlaeus: old-style server pages; an information page per motie/document that links to the PDF,
// agendas with one `div#ap{id}` per agendapunt whose documents are
// /user/showdoc/action=view/id={n}/type=pdf/{file name} (third-party scraper code; no capture).
// Built for (URL shapes observed in public scraper code):
//   https://apeldoorn.parlaeus.nl/user/agenda/action=view/ag={hex}          meeting
//   https://eindhoven.parlaeus.nl/user/motie/action=view/id={n}             motie information page
//   https://maastricht.parlaeus.nl/user/showdoc/action=view/id={n}          the PDF
import { defineDetector } from './define';
import { labelledValue, pathMatches } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const parlaeus = defineDetector({
  id: 'parlaeus',
  label: 'Parlaeus',
  hosts: PORTAL_HOSTS.parlaeus,
  main: ['#pagecontent', '#content', 'main', '.content'],
  chrome: ['.webcast', '.livestream'],
  title: ['#pagecontent h1', 'h1'],
  meeting: ['.vergadering a', '.vergadering'],
  date: ['.datum'],
  typeLabel: ['.soort'],
  attachmentLinks: 'a[href*="/showdoc/"], a[href$=".pdf" i], a[href*="qualigraf.nl"]',
  groups: {
    item: 'div[id^="ap"]',
    accepts: (el) => /^ap\d+$/.test(el.id),
    number: ['.apnr', '.ap-nummer', '.nummer'],
    title: ['.aptitel', '.ap-titel', '.titel', 'h2', 'h3', 'h4', 'strong', 'b'],
  },
  // The host names it (apeldoorn.parlaeus.nl): see gemeenten.ts.
  gemeente: () => undefined,
  pageType(location) {
    if (pathMatches(location, /\/user\/motie\//i)) return 'motie';
    if (pathMatches(location, /\/user\/agenda\//i)) return 'agenda';
    return undefined;
  },
  refine(meta, doc) {
    // The information page is a table of labelled fields.
    return {
      ...meta,
      meeting: meta.meeting ?? labelledValue(doc, /^vergadering/i),
      date: meta.date ?? labelledValue(doc, /^datum/i),
      agendaItem: meta.agendaItem ?? labelledValue(doc, /^agendapunt/i),
    };
  },
});

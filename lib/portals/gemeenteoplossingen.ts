// GemeenteOplossingen (GO. Raadsinformatie): no shared domain, one host per municipality
// (gemeenteoplossingen-hosts.json; readers add theirs through "Deze site altijd scannen").
// Built for (research notes §1.1, hosts from ORI ori.go.yaml):
//   https://raad.dordrecht.nl/vergaderingen/…                       meeting + agenda
//   https://gemeentebestuur.beuningen.nl/documenten                 document overview (tabs: moties, …)
//   https://gemeenteraad.groningen.nl/Documenten/….pdf              attachments
import { defineDetector } from './define';
import { gemeenteFromOwnHost, gemeenteIn, pathMatches } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const gemeenteoplossingen = defineDetector({
  id: 'gemeenteoplossingen',
  label: 'GemeenteOplossingen',
  hosts: PORTAL_HOSTS.gemeenteoplossingen,
  main: ['main#main', 'main', '#main', '#content', '.content'],
  chrome: ['.livestream', '.video', '.share', '.tabs-nav'],
  title: ['.document-title', '.page-title', 'main h1', 'h1'],
  meeting: ['.vergadering-titel', '.meeting-title'],
  date: ['.vergadering-datum time', '.vergadering-datum', '.meeting-date', '.document-datum'],
  agendaItem: ['.agendapunt.actief .agendapunt-titel', '.document-agendapunt'],
  typeLabel: ['.document-soort', '.document-type', '.tabs-nav [aria-selected="true"]'],
  // GO's own URL shapes: /vergaderingen/… pages whose attachments live under /Documenten/….pdf.
  recognises: (location, doc) =>
    /^\/(vergaderingen|documenten)(\/|$)/i.test(location.pathname) && !!doc.querySelector('a[href*="/Documenten/" i][href$=".pdf" i]'),
  gemeente: (location, doc) =>
    gemeenteIn(doc.querySelector('.site-name, .logo')) ??
    gemeenteFromOwnHost(location.hostname),
  pageType(location, doc) {
    if (pathMatches(location, /\/vergaderingen\//i) || doc.querySelector('.agendapunten')) return 'agenda';
    if (pathMatches(location, /\/documenten\/?$/i)) return 'documentenlijst';
    return undefined;
  },
});

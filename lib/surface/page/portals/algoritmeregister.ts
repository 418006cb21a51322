// algoritmes.overheid.nl (Algoritmeregister): one page per algorithm, sections such as #werking
// and #verantwoordGebruik, the organisation named in a field.
// Built for (link shapes observed in public code):
//   https://algoritmes.overheid.nl/nl/algoritme/woztaxatiemodellen-gemeente-ede/39323486
//   https://algoritmes.overheid.nl/nl/algoritme/algoritme-datakwaliteit-gemeente-den-haag/67582219
import { defineDetector } from './define';
import { gemeenteIn, labelledValue } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const algoritmeregister = defineDetector({
  id: 'algoritmeregister',
  label: 'Algoritmeregister',
  hosts: PORTAL_HOSTS.algoritmeregister,
  main: ['.algoritme-detail', 'main', '#content'],
  chrome: ['.feedback', '.deel-pagina'],
  title: ['.algoritme-detail h1', 'main h1', 'h1'],
  date: ['.laatst-gewijzigd time', '.laatst-gewijzigd'],
  gemeente: (_location, doc) => {
    const org = labelledValue(doc, /^organisatie/i);
    return org ? org.replace(/^[Gg]emeente\s+/, '') : gemeenteIn(doc.querySelector('h1'));
  },
  pageType: (location) => (/\/algoritme\//i.test(location.pathname) ? 'algoritme' : undefined),
});

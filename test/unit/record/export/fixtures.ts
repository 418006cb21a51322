import type { StoredDocument, StoredFlag, StoredNote } from '../../../../lib/record/db';
import { labelsFromRules, type ExportSet } from '../../../../lib/record/export';
import { loadBuiltinRules } from '../../../../lib/core/rules';

export const labels = labelsFromRules(loadBuiltinRules());

export const DOC_A = 'https://utrecht.raadsinformatie.nl/document/123/raadsvoorstel-cameratoezicht';
export const DOC_B = 'https://amersfoort.bestuurlijkeinformatie.nl/Agenda/Document/456';

export const documents: StoredDocument[] = [
  {
    id: DOC_A, url: DOC_A, title: 'Raadsvoorstel cameratoezicht Stationsplein', gemeente: 'Utrecht', type: 'raadsvoorstel',
    meetingDate: '2026-12-10', createdAt: 1_000, updatedAt: 1_000,
  },
  { id: DOC_B, url: DOC_B, title: 'Raadsinformatiebrief slimme lantaarnpalen', gemeente: 'Amersfoort', createdAt: 2_000, updatedAt: 2_000 },
];

export const notes: StoredNote[] = [
  {
    id: '11111111-1111-4111-8111-111111111111', documentId: DOC_A, text: 'Is de FG om advies gevraagd?\nEn wat zei de FG?',
    anchor: { exact: 'cameratoezicht op het Stationsplein', prefix: 'de inzet van ', suffix: ' gedurende', start: 120, end: 155 },
    question: 'ap-2', category: 'camera', status: 'open', tags: ['fg', 'dpia'], createdAt: 3_000, updatedAt: 4_000, revision: 2,
  },
  {
    id: '22222222-2222-4222-8222-222222222222', documentId: DOC_A, text: '=SOM(1;2) "geciteerd"; met puntkomma', status: 'gesteld',
    tags: [], createdAt: 5_000, updatedAt: 5_000, revision: 1,
  },
  {
    id: '33333333-3333-4333-8333-333333333333', documentId: DOC_B, text: 'Coöperatie met leverancier — wie is verwerker?',
    anchor: { exact: 'slimme lantaarnpalen met sensoren', prefix: '', suffix: ' in het centrum', start: 0, end: 33, page: 2 },
    category: 'sensor', status: 'beantwoord', tags: ['verwerker'], createdAt: 6_000, updatedAt: 7_000, revision: 3,
  },
];

export const flags: StoredFlag[] = [
  {
    id: '44444444-4444-4444-8444-444444444444', documentId: DOC_A, kind: 'match', termId: 'cameratoezicht', category: 'camera',
    anchor: { exact: 'camera’s met gezichtsherkenning', prefix: 'worden ', suffix: ' geplaatst', start: 400, end: 431 },
    question: 'ap-3', reason: 'Gezichtsherkenning is niet proportioneel', status: 'open', tags: [], createdAt: 8_000, updatedAt: 8_000, revision: 1,
  },
  {
    id: '55555555-5555-4555-8555-555555555555', documentId: DOC_A, kind: 'document', reason: 'Geen DPIA bijgevoegd?',
    status: 'open', tags: ['dpia'], createdAt: 9_000, updatedAt: 9_000, revision: 1,
  },
];

export const set: ExportSet = { documents, notes, flags };

import type { NewNote } from '../../../lib/db';
import type { TextQuoteAnchor } from '../../../lib/anchor';

export const DOC = 'https://gemeente.bestuurlijkeinformatie.nl/agenda/raadsvoorstel-cameratoezicht';

export const anchor: TextQuoteAnchor = {
  exact: 'cameratoezicht op het Stationsplein',
  prefix: 'stemmen met de inzet van ',
  suffix: ' gedurende een proefperiode',
  start: 120,
  end: 155,
};

export function newNote(overrides: Partial<NewNote> = {}): NewNote {
  return { documentId: DOC, text: 'Is er een DPIA gedaan?', anchor, question: 'ap-1', category: 'camera', ...overrides };
}

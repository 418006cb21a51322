// Small inline packs that mirror how rules/terms/*.json is meant to be written, so the matcher
// tests do not depend on the real rule files (which change independently).
import type { CategoryId, CategoryPack, Term } from '../../../../lib/core/rules/schema';

function pack(id: CategoryId, terms: Term[]): CategoryPack {
  return {
    id,
    label: id,
    description: `testpakket ${id}`,
    questions: [{ question: 'ap-1', reason: 'test' }],
    instruments: [],
    registers: [],
    terms,
  };
}

export const TEST_PACKS: CategoryPack[] = [
  pack('camera', [
    { id: 'camera', text: 'camera', match: 'stem', compound: 'both', except: ['cameraman', 'camerawerk', 'camerata'] },
    { id: 'anpr', text: 'ANPR', match: 'acronym' },
    { id: 'bodycam', text: 'bodycam', match: 'stem', compound: 'modifier' },
    { id: 'beeld', text: 'beeld', match: 'stem', compound: 'modifier', except: ['beeldkwaliteitsplan', 'beeldvorm'] },
  ]),
  pack('algoritme', [
    { id: 'ai', text: 'AI', match: 'acronym', forms: ['A.I.'] },
    { id: 'algoritme', text: 'algoritme', match: 'stem', compound: 'both' },
    { id: 'artificiele-intelligentie', text: 'artificiële intelligentie', match: 'phrase' },
    { id: 'data-analyse', text: 'data-analyse', match: 'word', forms: ['data analyse', 'dataanalyse'] },
  ]),
  pack('sensor', [
    { id: 'sensor', text: 'sensor', match: 'stem', compound: 'both', except: ['sensorisch'] },
    { id: 'iot', text: 'IoT', match: 'acronym' },
    {
      id: 'slimme-lantaarnpaal',
      text: 'slimme lantaarnpaal',
      match: 'phrase',
      forms: ['slimme lantaarnpalen', 'slimme lantaarnpaaltje'],
    },
  ]),
  pack('tracking', [
    { id: 'wifitracking', text: 'wifitracking', match: 'word', forms: ['wifi-tracking', 'wifi tracking'] },
  ]),
  pack('biometrie', [
    { id: 'gezichtsherkenning', text: 'gezichtsherkenning', match: 'stem', compound: 'both' },
  ]),
  pack('drone', [{ id: 'drone', text: 'drone', match: 'word' }]),
  pack('data', [{ id: 'data', text: 'data', match: 'word', weak: true }]),
  pack('pilot', [
    { id: 'pilot', text: 'pilot', match: 'word', weak: true },
    {
      id: 'proef',
      text: 'proef',
      match: 'stem',
      compound: 'modifier',
      weak: true,
      forms: ['proeven'],
      except: ['proefschrift', 'proefverlof', 'proeftijd', 'proeverij'],
    },
  ]),
];

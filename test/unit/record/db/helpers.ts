import { afterEach, beforeEach, vi } from 'vitest';
import { resetDbForTests, type NewNote } from '../../../../lib/record/db';
import type { Anchor } from '../../../../lib/core/anchor';

export const DOC = 'https://gemeente.bestuurlijkeinformatie.nl/agenda/raadsvoorstel-cameratoezicht';

export const anchor: Anchor = {
  exact: 'cameratoezicht op het Stationsplein',
  prefix: 'stemmen met de inzet van ',
  suffix: ' gedurende een proefperiode',
  start: 120,
  end: 155,
};

export function newNote(overrides: Partial<NewNote> = {}): NewNote {
  return { documentId: DOC, text: 'Is er een DPIA gedaan?', anchor, question: 'ap-1', category: 'camera', ...overrides };
}

/** The setup file swaps in a fresh indexedDB per test; the cached connection must follow it. */
export function useFreshDatabase(): void {
  beforeEach(async () => {
    await resetDbForTests();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
}

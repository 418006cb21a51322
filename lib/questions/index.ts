export { assessDocument, type AssessInput, type SafeguardHit } from './assess';
export { snippetAround } from './snippet';
export type * from './types';

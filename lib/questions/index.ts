export { assessDocument, readMentions, type AssessInput, type ReadMention, type SafeguardHit } from './assess';
export { snippetAround } from './snippet';
export type * from './types';

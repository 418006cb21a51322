export { AnchorSchema, CONTEXT_LENGTH, type Anchor } from './schema';
export { describeQuote } from './describe';
export { reanchor } from './reanchor';

export * from './schema';
export * from './store';
export { addOwnTerm, removeOwnTerm } from './own-terms';
export { highlightCss } from './highlight-css';
export * from './policy';
export * from './managed';
export * from './council-file';

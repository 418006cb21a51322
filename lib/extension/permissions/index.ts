export * from './sites';
export * from './griffie';
export * from './hosts';
export * from './document-grants';

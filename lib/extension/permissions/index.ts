export * from './sites';
export * from './griffie';

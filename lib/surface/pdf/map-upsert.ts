// pdfjs-dist 6 calls Map.prototype.getOrInsertComputed (the TC39 "upsert" proposal), in its page
// build and in its worker. Chromium has it; Firefox ESR 140 — the Firefox most councils' IT
// deploys — does not, and every PDF then failed there with "de PDF bevat iets wat Raadslens niet
// kan verwerken". Installed only where missing, on the extension's own pages and pdf.js' worker
// (never in a web page), with the proposal's semantics.
type Upsert<K, V> = {
  getOrInsert?: (key: K, value: V) => V;
  getOrInsertComputed?: (key: K, compute: (key: K) => V) => V;
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
};

for (const proto of [Map.prototype, WeakMap.prototype] as unknown as Upsert<unknown, unknown>[]) {
  if (typeof proto.getOrInsert !== 'function') {
    Object.defineProperty(proto, 'getOrInsert', {
      configurable: true,
      writable: true,
      value: function getOrInsert(this: Upsert<unknown, unknown>, key: unknown, value: unknown) {
        if (this.has(key)) return this.get(key);
        this.set(key, value);
        return value;
      },
    });
  }
  if (typeof proto.getOrInsertComputed !== 'function') {
    Object.defineProperty(proto, 'getOrInsertComputed', {
      configurable: true,
      writable: true,
      value: function getOrInsertComputed(this: Upsert<unknown, unknown>, key: unknown, compute: (key: unknown) => unknown) {
        if (typeof compute !== 'function') throw new TypeError('getOrInsertComputed: callback is not a function');
        if (this.has(key)) return this.get(key);
        const value = compute(key);
        this.set(key, value);
        return value;
      },
    });
  }
}

export {};

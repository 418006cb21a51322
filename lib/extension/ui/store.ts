// The state of one extension page in one object: views read what they need through useStore
// instead of receiving it through props, and only the views whose part changed draw again.
import { createContext, type Context } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';

export interface Store<S> {
  get(): S;
  /** Shallow merge; listeners hear of it only when a field actually changed. */
  set(patch: Partial<S>): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const changed = (Object.keys(patch) as (keyof S)[]).some((k) => !Object.is(patch[k], state[k]));
      if (!changed) return;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What `select` picks from the store, drawn again when that (by Object.is) changes. */
export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const value = select(store.get());
  const latest = useRef({ select, value });
  latest.current = { select, value };
  useLayoutEffect(() => {
    const check = () => {
      if (!Object.is(latest.current.select(store.get()), latest.current.value)) redraw(0);
    };
    // A change between the render and this subscription would otherwise be missed.
    check();
    return store.subscribe(check);
  }, [store]);
  return value;
}

/** A context for one page's store, with a hook that says clearly when the provider is missing. */
export function storeContext<T>(name: string): { Context: Context<T | null>; use: () => T } {
  const Context = createContext<T | null>(null);
  return {
    Context,
    use() {
      const value = useContext(Context);
      if (value === null) throw new Error(`${name}: geen provider`);
      return value;
    },
  };
}

// memo without preact/compat: importing compat only for `memo` installs its global vnode hook
// (React prop-name and event normalisation) on every element the panel draws — ~15 % of the
// panel's first drawing of a long report in sw17's profile — for props this extension never uses.
import { Component, h, type ComponentChildren, type FunctionComponent } from 'preact';

type Equal<P> = (prev: Readonly<P>, next: Readonly<P>) => boolean;

function shallowEqual<P extends object>(a: Readonly<P>, b: Readonly<P>): boolean {
  for (const k in a) if (!(k in b)) return false;
  for (const k in b) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

/** `inner` drawn again only when `equal(previous props, next props)` says they differ (shallow by default). */
export function memo<P extends object>(inner: FunctionComponent<P>, equal: Equal<P> = shallowEqual): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return !equal(this.props, next);
    }
    override render(props: Readonly<P & { children?: ComponentChildren }>) {
      return h(inner, props);
    }
  }
  (Memo as unknown as { displayName: string }).displayName = `Memo(${inner.displayName ?? inner.name})`;
  return Memo as unknown as FunctionComponent<P>;
}

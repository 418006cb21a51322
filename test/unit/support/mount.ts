// Renders a component into the test document; everything mounted is taken out after each test.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const roots: HTMLElement[] = [];

export function mount(vnode: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  act(() => render(vnode, root));
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});

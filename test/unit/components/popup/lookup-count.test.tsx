// The popup's lookup tells a screen reader how many answers came, in Dutch that counts: "1 antwoord".
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Lookup } from '../../../../components/popup/Lookup';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();

function search(root: HTMLElement, query: string): string {
  const input = root.querySelector<HTMLInputElement>('#lookup-input')!;
  act(() => {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return root.querySelector('[role=status]')!.textContent ?? '';
}

describe('Lookup', () => {
  it('says one answer in the singular, more in the plural', () => {
    const root = mount(<Lookup rules={rules} />);
    const one = search(root, 'lantaarnpaal');
    expect(root.querySelectorAll('[data-testid=lookup-result]')).toHaveLength(1);
    expect(one).toBe('1 antwoord');
    const many = search(root, 'dpia');
    const n = root.querySelectorAll('[data-testid=lookup-result]').length;
    expect(n).toBeGreaterThan(1);
    expect(many).toBe(`${n} antwoorden`);
  });
});

// The panel's views (issue 17 target 2, the tab switch): the Document view is kept drawn while
// the reader is in Notities or Alles, hidden from the keyboard and screen readers, and still
// follows its data; the other views are drawn afresh each time. The Document view of a long page
// draws its first screen first and the rest in the tasks after.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { DocumentView } from '../../../../components/panel/DocumentView';
import { Tabs } from '../../../../components/panel/Tabs';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { DocumentChecklist } from '../../../../lib/extension/ui/use-checklist';
import { sampleReadReport } from '../../support/scan-report';
import { mount } from '../../support/mount';

type View = 'document' | 'notes' | 'all';
const TABS = [
  { id: 'document' as const, label: 'Document' },
  { id: 'notes' as const, label: 'Notities' },
  { id: 'all' as const, label: 'Alles' },
];

let drawnAfresh = 0;
/** A view that counts how often it is made (a new instance: mounted again), showing `text`. */
function Counted({ text }: { text: string }) {
  const [made] = useState(() => ++drawnAfresh);
  return (
    <p data-made={made}>
      {text} <button type="button">knop</button>
    </p>
  );
}

const panelsOf = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[role=tabpanel]')];
const draw = (root: HTMLElement, current: View, text = 'tekst') =>
  act(() =>
    render(
      <Tabs
        label="Weergaven"
        tabs={TABS}
        current={current}
        onSelect={() => {}}
        keep={['document']}
        panels={{ document: <Counted text={`document ${text}`} />, notes: <Counted text="notities" />, all: <Counted text="alles" /> }}
      />,
      root,
    ),
  );

describe('the panel keeps its Document view while another is on show', () => {
  it('the same instance of the Document view after Notities and Alles; Notities drawn afresh', () => {
    drawnAfresh = 0;
    const root = mount(<div />);
    draw(root, 'document');
    const made = root.querySelector('#panel-document p')!.getAttribute('data-made');
    draw(root, 'notes');
    const notesMade = root.querySelector('#panel-notes p')!.getAttribute('data-made');
    draw(root, 'all');
    draw(root, 'document');
    expect(root.querySelector('#panel-document p')!.getAttribute('data-made')).toBe(made);
    // Notities was not kept: shown again, it is a new one.
    draw(root, 'notes');
    expect(root.querySelector('#panel-notes p')!.getAttribute('data-made')).not.toBe(notesMade);
    expect(root.querySelector('#panel-all')).toBeNull();
  });

  it('the hidden view is hidden and inert (out of the Tab order and the accessibility tree); the view on show is neither', () => {
    const root = mount(<div />);
    draw(root, 'document');
    draw(root, 'notes');
    const [doc, notes] = panelsOf(root);
    expect(doc!.id).toBe('panel-document');
    expect(doc!.hidden).toBe(true);
    expect(doc!.hasAttribute('inert')).toBe(true);
    expect(notes!.hidden).toBe(false);
    expect(notes!.hasAttribute('inert')).toBe(false);
    // One tab panel on show, named by its tab, as before.
    expect(panelsOf(root).filter((p) => !p.hidden).map((p) => [p.id, p.getAttribute('aria-labelledby')])).toEqual([['panel-notes', 'tab-notes']]);
    draw(root, 'document');
    expect(panelsOf(root).map((p) => [p.id, p.hidden, p.hasAttribute('inert')])).toEqual([['panel-document', false, false]]);
  });

  it('a view never shown is not drawn hidden; a hidden kept view follows its data', () => {
    const root = mount(<div />);
    draw(root, 'notes');
    expect(root.querySelector('#panel-document')).toBeNull();
    draw(root, 'document', 'eerst');
    draw(root, 'all', 'later');
    expect(root.querySelector('#panel-document p')!.textContent).toContain('document later');
  });
});

const rules = loadBuiltinRules();
const checklist: DocumentChecklist = { items: [], corrections: [], error: null, correct: async () => {}, undo: async () => {} };
const nextTask = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('the Document view draws its first screen first', () => {
  it('the verdict and the findings at once, the questions after a task, the attachments and the facts after another', async () => {
    const report = sampleReadReport({
      attachments: [{ name: 'Raadsvoorstel', url: 'https://x.nl/rv.pdf' }],
      portal: { portal: 'ibabs', portalLabel: 'iBabs', gemeente: 'Den Haag' },
    });
    const root = mount(<DocumentView report={{ ...report, assessment: { ...report.assessment, hasTechnology: true } }} rules={rules} checklist={checklist} onShow={() => {}} onNote={() => {}} />);
    const has = (id: string) => !!root.querySelector(`[data-testid="${id}"], #${id}`);
    expect([has('verdict'), has('h-matches'), has('h-questions'), has('attachments'), has('document-meta')]).toEqual([true, true, false, false, false]);
    await nextTask();
    expect([has('h-safeguards'), has('h-questions'), has('attachments')]).toEqual([true, true, false]);
    await nextTask();
    expect([has('attachments'), has('document-meta')]).toEqual([true, true]);
  });
});

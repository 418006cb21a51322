// A view that fails to render leaves a Dutch message in its place, and everything beside it works.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../../components/common/ErrorBoundary';
import { EntryItem } from '../../../../components/panel/NoteList';
import { noteEntry } from '../../../../lib/record/entries';
import { mount } from '../../support/mount';

let broken = true;
function Fragile() {
  if (broken) throw new RangeError('Invalid time value');
  return <p data-testid="fragile">hersteld</p>;
}

describe('ErrorBoundary', () => {
  it('shows a Dutch message in place of a view that throws; the rest of the page stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const root = mount(
      <main>
        <nav data-testid="tabs">tabs</nav>
        <ErrorBoundary>
          <Fragile />
        </ErrorBoundary>
      </main>,
    );
    expect(root.querySelector('[data-testid="tabs"]')?.textContent).toBe('tabs');
    const message = root.querySelector('[data-testid="view-error"]');
    expect(message?.getAttribute('role')).toBe('alert');
    expect(message?.textContent).toContain('kon niet worden getoond');
    expect(message?.textContent).not.toContain('Invalid time value');

    broken = false;
    act(() => (root.querySelector('[data-testid="view-error"] button') as HTMLButtonElement).click());
    expect(root.querySelector('[data-testid="fragile"]')?.textContent).toBe('hersteld');
    expect(root.querySelector('[data-testid="view-error"]')).toBeNull();
  });

  it('catches a note list item that cannot format its date (updatedAt beyond Date’s range)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const entry = noteEntry(
      { id: '11111111-1111-4111-8111-111111111111', documentId: 'https://x.nl/a', text: 'x', status: 'open', tags: [], createdAt: 1, updatedAt: 9e15, revision: 1 },
      undefined,
    );
    const actions = { onUpdate: vi.fn(), onResolve: vi.fn(), onDelete: vi.fn(), questions: [], categoryLabel: (id: string) => id };
    const root = mount(
      <div>
        <ErrorBoundary>
          <EntryItem entry={entry} {...actions} />
        </ErrorBoundary>
        <p data-testid="beside">ernaast</p>
      </div>,
    );
    expect(root.querySelector('[data-testid="view-error"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="beside"]')?.textContent).toBe('ernaast');
  });
});

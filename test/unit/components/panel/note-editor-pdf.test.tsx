// In a PDF tab the note editor does not offer the page's selection (the browser's PDF viewer gives
// an extension none; asking said "De pagina reageert niet"): it says where a passage note is made.
import { describe, expect, it } from 'vitest';
import { NoteEditor } from '../../../../components/panel/NoteEditor';
import { mount } from '../../support/mount';

const editor = (onPickSelection?: () => void) =>
  mount(<NoteEditor anchor={null} onClearAnchor={() => {}} onPickSelection={onPickSelection} onSave={async () => {}} focusKey={0} />);

describe('NoteEditor without a page selection to take', () => {
  it('a page: the selection is offered', () => {
    const root = editor(() => {});
    expect(root.querySelector('[data-testid=note-from-selection]')?.textContent).toBe('Gebruik de selectie in de pagina');
  });

  it('a PDF tab: no such button, and the viewer named instead', () => {
    const root = editor(undefined);
    expect(root.querySelector('[data-testid=note-from-selection]')).toBeNull();
    expect(root.textContent).toContain('Deze notitie hoort bij het hele document. Een notitie bij een passage maakt u in de Raadslens-viewer.');
  });
});

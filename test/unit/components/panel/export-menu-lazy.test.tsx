// "Alles" hands the export menu a way to gather its selection instead of the selection itself:
// gathering it from 10,000 notes cost every search keystroke ~20 ms for an export nobody chose.
// The menu gathers it when an export is chosen, and says "nothing to export" from `empty` alone.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../../components/panel/ExportMenu';
import { recordLabels } from '../../../../lib/extension/ui/record-labels';
import { set as fixture } from '../../record/export/fixtures';
import { mount } from '../../support/mount';

const downloads = vi.hoisted(() => [] as Array<{ file: string; text: string }>);
vi.mock('../../../../lib/extension/ui/download', async (original) => ({
  ...(await original<typeof import('../../../../lib/extension/ui/download')>()),
  downloadText: (file: string, text: string) => void downloads.push({ file, text }),
}));

describe('ExportMenu with a selection gathered on demand', () => {
  it('does not gather the selection to render, and gathers it once when an export is chosen', () => {
    const gather = vi.fn(() => fixture);
    const root = mount(<ExportMenu set={gather} empty={false} labels={recordLabels().labels} name="raadslens-selectie" />);
    expect(root.querySelector('[data-testid=export-annotations]')).not.toBeNull();
    expect(gather).not.toHaveBeenCalled();
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=export-annotations]')!.click());
    expect(gather).toHaveBeenCalledTimes(1);
    expect(downloads).toHaveLength(1);
    const exported = JSON.parse(downloads[0]!.text) as { total: number };
    expect(exported.total).toBe(fixture.notes.length + fixture.flags.length);
  });

  it('says there is nothing to export when told the selection is empty, without gathering it', () => {
    const gather = vi.fn(() => fixture);
    const root = mount(<ExportMenu set={gather} empty labels={recordLabels().labels} name="raadslens-selectie" />);
    expect(root.querySelector('[data-testid=export-annotations]')).toBeNull();
    expect(root.querySelector('.menu .small.muted')).not.toBeNull();
    expect(gather).not.toHaveBeenCalled();
  });
});

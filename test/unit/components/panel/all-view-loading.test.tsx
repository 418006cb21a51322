// While "Alles" reads the record, what stands above the list already stands as it will when the
// record is there: the letter button (disabled), the order the rows come in, a count that says it
// is counting; the import/export card waits below until the list is there. So nothing moves when
// the rows, and then the whole record, arrive.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { AllView } from '../../../../components/panel/AllView';
import { documentsRepo, notesRepo } from '../../../../lib/record/db';
import { resetRecordForTests } from '../../../../lib/extension/ui/use-record';
import { useFreshDatabase } from '../../record/db/helpers';
import { mount } from '../../support/mount';

useFreshDatabase();

describe('AllView while the record is read', () => {
  it('keeps the letter button, the order and the count line in place, and shows the card below once the list is there', async () => {
    const url = 'https://utrecht.raadsinformatie.nl/document/1';
    await documentsRepo.upsert({ url, title: 'Raadsvoorstel', meetingDate: '2026-03-04' });
    await notesRepo.create({ documentId: url, text: 'Is er een DPIA?' });
    resetRecordForTests();
    localStorage.removeItem('raadslens:all-sort');
    const root = mount(<AllView />);
    const letter = () => root.querySelector<HTMLButtonElement>('[data-testid=letter-selection]');
    const sort = () => root.querySelector<HTMLSelectElement>('[data-testid=all-sort]')!.value;
    const count = () => root.querySelector('[data-testid=all-count]')!.textContent;
    const card = () => root.querySelector('[data-testid=data-transfer]');
    expect(letter()?.disabled).toBe(true);
    expect(sort()).toBe('meeting-desc');
    expect(count()).toBe('… getoond (wordt geteld)');
    expect(card()).toBeNull();
    await vi.waitFor(async () => {
      await act(async () => {});
      expect(count()).toBe('1 van 1 getoond');
    });
    expect(letter()?.disabled).toBe(false);
    expect(sort()).toBe('meeting-desc');
    expect(card()).not.toBeNull();
  });
});

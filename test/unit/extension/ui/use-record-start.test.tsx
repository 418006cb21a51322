// "Alles" clicked in a freshly opened panel: the record's read starts when the view is committed,
// not a frame later after its first paint (useEffect's moment), so its first rows come sooner.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentsRepo } from '../../../../lib/record/db';
import { resetRecordForTests, useRecord } from '../../../../lib/extension/ui/use-record';
import { useFreshDatabase } from '../../record/db/helpers';

useFreshDatabase();

function Probe() {
  useRecord();
  return null;
}

describe('useRecord', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('starts reading the record as the view is committed, before its first paint', () => {
    resetRecordForTests();
    const reads = vi.spyOn(documentsRepo, 'listAll');
    render(<Probe />, root); // no act(): effects deferred to after a paint have not run yet
    expect(reads).toHaveBeenCalledTimes(1);
  });
});

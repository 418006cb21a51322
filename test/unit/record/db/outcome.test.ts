// Which outcome of a motie the record keeps: the document's own text wins over a list's word.
import { describe, expect, it } from 'vitest';
import { decisionToKeep } from '../../../../lib/record/db/outcome';

describe('decisionToKeep', () => {
  it('nothing read keeps what is stored', () => {
    expect(decisionToKeep({ decision: 'verworpen', decisionFrom: 'list' }, {})).toBeNull();
    expect(decisionToKeep(undefined, {})).toBeNull();
  });

  it('a first outcome is kept with its source; a read without a source is the text’s', () => {
    expect(decisionToKeep(undefined, { decision: 'verworpen', decisionFrom: 'list' })).toEqual({ decision: 'verworpen', decisionFrom: 'list' });
    expect(decisionToKeep({}, { decision: 'aangenomen' })).toEqual({ decision: 'aangenomen', decisionFrom: 'text' });
  });

  it('a list never replaces the text’s outcome, nor one kept before sources were kept', () => {
    expect(decisionToKeep({ decision: 'aangenomen', decisionFrom: 'text' }, { decision: 'verworpen', decisionFrom: 'list' })).toBeNull();
    expect(decisionToKeep({ decision: 'aangenomen' }, { decision: 'verworpen', decisionFrom: 'list' })).toBeNull();
  });

  it('a list’s later word replaces its earlier one; the text replaces a list’s; the same read writes nothing', () => {
    expect(decisionToKeep({ decision: 'aangenomen', decisionFrom: 'list' }, { decision: 'ingetrokken', decisionFrom: 'list' })).toEqual({ decision: 'ingetrokken', decisionFrom: 'list' });
    expect(decisionToKeep({ decision: 'verworpen', decisionFrom: 'list' }, { decision: 'verworpen', decisionFrom: 'text' })).toEqual({ decision: 'verworpen', decisionFrom: 'text' });
    expect(decisionToKeep({ decision: 'verworpen', decisionFrom: 'list' }, { decision: 'verworpen', decisionFrom: 'list' })).toBeNull();
    expect(decisionToKeep({ decision: 'verworpen' }, { decision: 'verworpen', decisionFrom: 'text' })).toBeNull();
  });
});

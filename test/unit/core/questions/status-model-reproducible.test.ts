// The shipped status model is exactly what the committed trainer makes from the committed tune set
// and training choice (test/fixtures/eval/status/model-training.json): retrained here and compared
// byte for byte. Changing a feature, a rule, a tune document or the choice without retraining
// (npx tsx test/tools/train-status-model.ts --fit) fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_MODEL_FILE } from '../../../../lib/core/rules/status-model';
import { fitModel, readChoice, tuneExamples } from '../../../tools/train-status-model';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

describe('status model: reproducible from the committed trainer and data', () => {
  it('retrained from model-training.json on the tune set, it is the shipped file byte for byte', () => {
    const choice = readChoice(ROOT);
    const examples = tuneExamples(ROOT);
    const docs = new Set(examples.map((e) => e.doc));
    // The choice names its documents; every one of them is in the tune set (none silently missing).
    for (let d = choice.documents.from; d <= choice.documents.to; d++) expect(docs.has(d), `tune document ${d}`).toBe(true);
    const shipped = readFileSync(join(ROOT, STATUS_MODEL_FILE), 'utf8');
    const fitted = fitModel(choice, examples);
    // Compared as text: the file is written by the trainer, so any difference is a stale model.
    expect(fitted === shipped, 'rules/status-model.json is stale: npx tsx test/tools/train-status-model.ts --fit').toBe(true);
    expect(JSON.parse(shipped).training.documents).toBe(choice.documents.to - choice.documents.from + 1);
  }, 180_000);
});

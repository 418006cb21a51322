// Turns lookup hits into what the reader wants to know: the category, the AP questions to ask
// with the reason the rules give, and the instruments. Several hits in one category (a term and
// the category name) become one answer.
import type { RuleSet } from '../rules';
import type { CategoryId, QuestionId } from '../rules/schema';
import type { LookupHit } from './index';

export interface InstrumentRef {
  id: string;
  label: string;
  url?: string;
}

interface QuestionRef {
  id: QuestionId;
  number: 1 | 2 | 3;
  title: string;
}

export type LookupAnswer =
  | {
      kind: 'category';
      key: string;
      score: number;
      category: CategoryId;
      label: string;
      description: string;
      /** The term spellings (or the category name) the query matched. */
      via: string[];
      questions: Array<QuestionRef & { reason: string }>;
      instruments: InstrumentRef[];
      registers: string[];
    }
  | {
      kind: 'question';
      key: string;
      score: number;
      question: QuestionRef & { toelichting: string };
      instruments: InstrumentRef[];
    }
  | {
      kind: 'instrument';
      key: string;
      score: number;
      instrument: InstrumentRef & { description: string };
      questions: QuestionRef[];
      categories: Array<{ id: CategoryId; label: string }>;
    }
  | {
      kind: 'register';
      key: string;
      score: number;
      register: string;
      categories: Array<{ id: CategoryId; label: string }>;
    };

export function buildAnswers(rules: RuleSet, hits: readonly LookupHit[], limit = 5): LookupAnswer[] {
  const questionRef = (id: QuestionId): QuestionRef | null => {
    const q = rules.questions.questions.find((x) => x.id === id);
    return q ? { id: q.id, number: q.number, title: q.title } : null;
  };
  const instrumentRef = (id: string): InstrumentRef | null => {
    const i = rules.questions.instruments.find((x) => x.id === id);
    return i ? { id: i.id, label: i.label, ...(i.url ? { url: i.url } : {}) } : null;
  };
  const present = <T>(x: T | null): x is T => x !== null;

  const byKey = new Map<string, LookupAnswer>();
  for (const hit of hits) {
    const t = hit.target;
    switch (t.kind) {
      case 'term':
      case 'category': {
        const key = `category:${t.category}`;
        const existing = byKey.get(key);
        if (existing?.kind === 'category') {
          if (hit.via && !existing.via.includes(hit.via)) existing.via.push(hit.via);
          break;
        }
        const pack = rules.categories.find((c) => c.id === t.category);
        if (!pack) break;
        byKey.set(key, {
          kind: 'category',
          key,
          score: hit.score,
          category: pack.id,
          label: pack.label,
          description: pack.description,
          via: hit.via ? [hit.via] : [],
          questions: pack.questions
            .map((q) => {
              const ref = questionRef(q.question);
              return ref ? { ...ref, reason: q.reason } : null;
            })
            .filter(present),
          instruments: pack.instruments.map(instrumentRef).filter(present),
          registers: [...pack.registers],
        });
        break;
      }
      case 'question': {
        const key = `question:${t.question}`;
        const q = rules.questions.questions.find((x) => x.id === t.question);
        if (!q || byKey.has(key)) break;
        byKey.set(key, {
          kind: 'question',
          key,
          score: hit.score,
          question: { id: q.id, number: q.number, title: q.title, toelichting: q.toelichting },
          instruments: q.instruments.map(instrumentRef).filter(present),
        });
        break;
      }
      case 'instrument': {
        const key = `instrument:${t.instrument}`;
        const i = rules.questions.instruments.find((x) => x.id === t.instrument);
        if (!i || byKey.has(key)) break;
        byKey.set(key, {
          kind: 'instrument',
          key,
          score: hit.score,
          instrument: { id: i.id, label: i.label, description: i.description, ...(i.url ? { url: i.url } : {}) },
          questions: rules.questions.questions.filter((q) => q.instruments.includes(i.id)).map((q) => questionRef(q.id)).filter(present),
          categories: rules.categories.filter((c) => c.instruments.includes(i.id)).map((c) => ({ id: c.id, label: c.label })),
        });
        break;
      }
      case 'register': {
        const key = `register:${t.register}`;
        if (byKey.has(key)) break;
        byKey.set(key, {
          kind: 'register',
          key,
          score: hit.score,
          register: t.register,
          categories: rules.categories.filter((c) => c.registers.includes(t.register)).map((c) => ({ id: c.id, label: c.label })),
        });
        break;
      }
    }
  }
  return [...byKey.values()].slice(0, limit);
}

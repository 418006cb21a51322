// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD, for tools
// such as Hypothesis: each note or flag is an Annotation whose target is the document with a
// TextQuoteSelector and a TextPositionSelector (the two selectors our anchors keep).
import { z } from 'zod';
import type { RecordEntry } from '../record/entries';
import { categoryLabel, groupByDocument, questionLabel, type ExportLabels, type ExportSet } from './model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const TextPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'end vóór start');
const FragmentSelectorSchema = z.object({
  type: z.literal('FragmentSelector'),
  value: z.string().min(1),
  conformsTo: z.string().optional(),
  refinedBy: z.array(z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema])).optional(),
});
const SelectorSchema = z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema, FragmentSelectorSchema]);

const TextualBodySchema = z.object({
  type: z.literal('TextualBody'),
  value: z.string(),
  format: z.string().optional(),
  language: z.string().optional(),
  purpose: z.string().optional(),
});

const iri = z.string().regex(/^[a-z][a-z0-9+.-]*:/i, 'geen IRI');

/** The parts of the model a consumer relies on (§3.1 Annotation, §4.2 selectors, §3.2.4 TextualBody). */
export const WebAnnotationSchema = z.object({
  '@context': z.literal(ANNO_CONTEXT).optional(),
  id: iri,
  type: z.literal('Annotation'),
  motivation: z.string().optional(),
  created: z.iso.datetime().optional(),
  modified: z.iso.datetime().optional(),
  body: z.array(TextualBodySchema).optional(),
  target: z.union([
    iri,
    z.object({ source: iri, type: z.string().optional(), selector: z.array(SelectorSchema).min(1).optional() }),
  ]),
});
export type WebAnnotation = z.infer<typeof WebAnnotationSchema>;

export const AnnotationCollectionSchema = z.object({
  '@context': z.literal(ANNO_CONTEXT),
  id: iri,
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  total: z.number().int().nonnegative(),
  first: z.object({ type: z.literal('AnnotationPage'), items: z.array(WebAnnotationSchema) }).optional(),
});
export type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

function annotation(e: RecordEntry, labels: ExportLabels): WebAnnotation {
  const body: NonNullable<WebAnnotation['body']> = [];
  if (e.text.trim()) {
    body.push({
      type: 'TextualBody',
      value: e.text,
      format: 'text/plain',
      language: 'nl',
      purpose: e.kind === 'note' ? 'commenting' : 'assessing',
    });
  }
  for (const tag of e.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const q = questionLabel(labels, e.question);
  if (q) body.push({ type: 'TextualBody', value: q, language: 'nl', purpose: 'classifying' });
  const c = categoryLabel(labels, e.category);
  if (c) body.push({ type: 'TextualBody', value: c, language: 'nl', purpose: 'classifying' });
  body.push({ type: 'TextualBody', value: `status: ${e.status}`, language: 'nl', purpose: 'describing' });

  let target: WebAnnotation['target'] = e.url;
  if (e.anchor) {
    const quote = { type: 'TextQuoteSelector' as const, exact: e.anchor.exact, prefix: e.anchor.prefix, suffix: e.anchor.suffix };
    const position = { type: 'TextPositionSelector' as const, start: e.anchor.start, end: e.anchor.end };
    // In a PDF our positions count within one page: the page fragment (RFC 3778) scopes them.
    const selector = e.anchor.page
      ? [{ type: 'FragmentSelector' as const, value: `page=${e.anchor.page}`, conformsTo: 'http://tools.ietf.org/rfc/rfc3778', refinedBy: [quote, position] }]
      : [quote, position];
    target = { source: e.url, selector };
  }
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${e.id}`,
    type: 'Annotation',
    // A flag says "look at this": highlighting; a note comments.
    motivation: e.kind === 'note' ? 'commenting' : 'highlighting',
    created: new Date(e.createdAt).toISOString(),
    modified: new Date(e.updatedAt).toISOString(),
    body,
    target,
  };
}

export function toWebAnnotations(
  set: ExportSet,
  labels: ExportLabels,
  options: { collectionId?: string; label?: string } = {},
): AnnotationCollection {
  const items = groupByDocument(set).flatMap((g) => g.entries.map((e) => annotation(e, labels)));
  return {
    '@context': ANNO_CONTEXT,
    id: options.collectionId ?? `urn:uuid:${crypto.randomUUID()}`,
    type: 'AnnotationCollection',
    label: options.label ?? 'Raadslens: notities en aandachtspunten',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD, for tools
// such as Hypothesis: each note or flag is an Annotation whose target is the document with a
// TextQuoteSelector and a TextPositionSelector (the two selectors our anchors keep).
import { z } from 'zod';
import type { RecordEntry } from '../entries';
import { isPdfUrl } from '../../surface/pdf/detect';
import { categoryLabel, groupByDocument, questionLabel, type ExportLabels, type ExportSet } from './model';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

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

/** The document itself (an External Web Resource in the W3C Web Annotation model), with the format and language the model asks for. */
const WebResourceSchema = z.object({
  id: iri,
  type: z.literal('Text').optional(),
  format: z.string().min(1),
  language: z.string().min(1),
});

/** The parts of the model a consumer relies on (Annotation, Specific Resource with its selectors, TextualBody). */
export const WebAnnotationSchema = z.object({
  '@context': z.literal(ANNO_CONTEXT).optional(),
  id: iri,
  type: z.literal('Annotation'),
  motivation: z.string().optional(),
  // xsd:dateTime in UTC, which the model requires to end in Z.
  created: z.iso.datetime().optional(),
  modified: z.iso.datetime().optional(),
  body: z.array(TextualBodySchema).optional(),
  target: z.union([
    WebResourceSchema,
    z.object({ type: z.literal('SpecificResource').optional(), source: WebResourceSchema, selector: z.array(SelectorSchema).min(1).optional() }),
  ]),
});
type WebAnnotation = z.infer<typeof WebAnnotationSchema>;

const AnnotationPageSchema = z.object({
  id: iri,
  type: z.literal('AnnotationPage'),
  partOf: iri.optional(),
  startIndex: z.number().int().nonnegative().optional(),
  items: z.array(WebAnnotationSchema).min(1),
});

export const AnnotationCollectionSchema = z
  .object({
    '@context': z.literal(ANNO_CONTEXT),
    id: iri,
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    total: z.number().int().nonnegative(),
    // A collection with annotations has a first page; one page is also the last.
    first: AnnotationPageSchema.optional(),
    last: iri.optional(),
  })
  .refine((c) => (c.total > 0) === (c.first !== undefined), { message: 'een collectie met annotaties heeft een eerste pagina', path: ['first'] });
type AnnotationCollection = z.infer<typeof AnnotationCollectionSchema>;

/** What the reader annotated: the PDF (a passage on a page, or a PDF address) or a web page. */
function documentResource(e: RecordEntry): z.infer<typeof WebResourceSchema> {
  const pdf = e.anchor?.page !== undefined || isPdfUrl(e.url);
  // Council documents are Dutch; the exported notes are too.
  return { id: e.url, type: 'Text', format: pdf ? 'application/pdf' : 'text/html', language: 'nl' };
}

/** Plain Dutch text; a tag is a word of the reader's, in no particular language. */
function textBody(value: string, purpose: string, language: string | undefined = 'nl') {
  return { type: 'TextualBody' as const, value, format: 'text/plain', ...(language ? { language } : {}), purpose };
}

function annotation(e: RecordEntry, labels: ExportLabels): WebAnnotation {
  const body: NonNullable<WebAnnotation['body']> = [];
  if (e.text.trim()) body.push(textBody(e.text, e.kind === 'note' ? 'commenting' : 'assessing'));
  for (const tag of e.tags) body.push(textBody(tag, 'tagging', undefined));
  const q = questionLabel(labels, e.question);
  if (q) body.push(textBody(q, 'classifying'));
  const c = categoryLabel(labels, e.category);
  if (c) body.push(textBody(c, 'classifying'));
  body.push(textBody(`status: ${e.status}`, 'describing'));

  let target: WebAnnotation['target'] = documentResource(e);
  if (e.anchor) {
    const quote = { type: 'TextQuoteSelector' as const, exact: e.anchor.exact, prefix: e.anchor.prefix, suffix: e.anchor.suffix };
    const position = { type: 'TextPositionSelector' as const, start: e.anchor.start, end: e.anchor.end };
    // In a PDF our positions count within one page: the page fragment (RFC 3778) scopes them.
    const selector = e.anchor.page
      ? [{ type: 'FragmentSelector' as const, value: `page=${e.anchor.page}`, conformsTo: 'http://tools.ietf.org/rfc/rfc3778', refinedBy: [quote, position] }]
      : [quote, position];
    target = { type: 'SpecificResource', source: documentResource(e), selector };
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
  options: { collectionId?: string; pageId?: string; label?: string } = {},
): AnnotationCollection {
  const items = groupByDocument(set).flatMap((g) => g.entries.map((e) => annotation(e, labels)));
  const id = options.collectionId ?? `urn:uuid:${crypto.randomUUID()}`;
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Raadslens: notities en aandachtspunten',
    total: items.length,
  };
  // A page must hold at least one annotation, so an empty collection has none.
  if (items.length === 0) return collection;
  const pageId = options.pageId ?? `urn:uuid:${crypto.randomUUID()}`;
  return { ...collection, first: { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items }, last: pageId };
}

// The W3C export checked against the Web Annotation Data Model (W3C Recommendation, 23 February
// 2017) as its text states the requirements, written here independently of our own zod schema:
// every MUST, and the SHOULDs of format and language on the targets and text bodies.
import { describe, expect, it } from 'vitest';
import { toWebAnnotations } from '../../../../lib/record/export';
import { DOC_A, labels, set } from './fixtures';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** An IRI: a scheme, a colon, and no spaces (RFC 3987 in the small). */
const isIri = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"]*$/i.test(v);
const hasType = (node: Json, type: string) => asList(node.type).includes(type);
/** xsd:dateTime with the UTC time zone, as §3.3.1 requires for created, modified and generated. */
const isUtcDateTime = (v: unknown) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v));
const isNonNegativeInteger = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

interface Report {
  must: string[];
  should: string[];
}

function checkContext(node: Json, where: string, r: Report): void {
  const contexts = asList(node['@context']);
  if (contexts.length === 0) r.must.push(`${where}: @context ontbreekt`);
  else if (!contexts.includes(ANNO)) r.must.push(`${where}: @context zonder ${ANNO}`);
}

/** §4.2 selectors, with §4.2.9 refinement. */
function checkSelector(sel: unknown, where: string, r: Report): void {
  if (!isObject(sel)) return void r.must.push(`${where}: selector is geen object`);
  const type = sel.type;
  if (typeof type !== 'string') return void r.must.push(`${where}: selector zonder type`);
  if (type === 'TextQuoteSelector') {
    if (typeof sel.exact !== 'string') r.must.push(`${where}: TextQuoteSelector zonder exact`);
    for (const k of ['prefix', 'suffix']) if (sel[k] !== undefined && typeof sel[k] !== 'string') r.must.push(`${where}: ${k} is geen tekst`);
  } else if (type === 'TextPositionSelector') {
    if (!isNonNegativeInteger(sel.start)) r.must.push(`${where}: start is geen niet-negatief geheel getal`);
    if (!isNonNegativeInteger(sel.end)) r.must.push(`${where}: end is geen niet-negatief geheel getal`);
  } else if (type === 'FragmentSelector') {
    if (typeof sel.value !== 'string') r.must.push(`${where}: FragmentSelector zonder value`);
    if (sel.conformsTo === undefined) r.should.push(`${where}: FragmentSelector zonder conformsTo`);
  }
  asList(sel.refinedBy).forEach((s, i) => checkSelector(s, `${where}.refinedBy[${i}]`, r));
}

/** §3.2.1 External Web Resource: identified, and SHOULD say its format and language. */
function checkWebResource(res: unknown, where: string, r: Report): void {
  if (isIri(res)) return void r.should.push(`${where}: alleen een IRI, zonder format en language`);
  if (!isObject(res) || !isIri(res.id)) return void r.must.push(`${where}: geen bron met een IRI als id`);
  if (asList(res.format).length !== 1) r.should.push(`${where}: format ontbreekt`);
  if (asList(res.language).length === 0) r.should.push(`${where}: language ontbreekt`);
}

function checkTarget(target: unknown, where: string, r: Report): void {
  if (isObject(target) && 'source' in target) {
    // §4: exactly one source.
    const sources = asList(target.source);
    if (sources.length !== 1) r.must.push(`${where}: een Specific Resource heeft precies één source`);
    else checkWebResource(sources[0], `${where}.source`, r);
    asList(target.selector).forEach((s, i) => checkSelector(s, `${where}.selector[${i}]`, r));
  } else checkWebResource(target, where, r);
}

/** §3.2.4 Embedded Textual Body: exactly one value; SHOULD name format and language. */
function checkBody(body: unknown, where: string, r: Report): void {
  if (isIri(body)) return;
  if (!isObject(body)) return void r.must.push(`${where}: body is geen object of IRI`);
  if (hasType(body, 'TextualBody') || 'value' in body) {
    if (typeof body.value !== 'string') r.must.push(`${where}: TextualBody zonder precies één value`);
    if (body.format === undefined) r.should.push(`${where}: TextualBody zonder format`);
  } else if (!isIri(body.id)) r.must.push(`${where}: body zonder id`);
}

/** §3.1 Annotation. Inside a page the annotations may leave @context to the collection. */
function checkAnnotation(a: unknown, where: string, r: Report, embedded: boolean): void {
  if (!isObject(a)) return void r.must.push(`${where}: geen object`);
  if (!embedded || a['@context'] !== undefined) checkContext(a, where, r);
  if (!isIri(a.id)) r.must.push(`${where}: id is niet precies één IRI`);
  if (!hasType(a, 'Annotation')) r.must.push(`${where}: type mist Annotation`);
  const targets = asList(a.target);
  if (targets.length === 0) r.must.push(`${where}: geen target`);
  targets.forEach((t, i) => checkTarget(t, `${where}.target[${i}]`, r));
  asList(a.body).forEach((b, i) => checkBody(b, `${where}.body[${i}]`, r));
  for (const k of ['created', 'modified']) if (a[k] !== undefined && !isUtcDateTime(a[k])) r.must.push(`${where}: ${k} is geen xsd:dateTime in UTC`);
}

/** §5.1 Annotation Collection and §5.2 Annotation Page, following the pages as far as they are embedded. */
function checkCollection(c: unknown): Report {
  const r: Report = { must: [], should: [] };
  if (!isObject(c)) return { must: ['geen object'], should: [] };
  checkContext(c, 'collectie', r);
  if (!isIri(c.id)) r.must.push('collectie: id is niet precies één IRI');
  if (!hasType(c, 'AnnotationCollection')) r.must.push('collectie: type mist AnnotationCollection');
  if (c.total !== undefined && !isNonNegativeInteger(c.total)) r.must.push('collectie: total is geen niet-negatief geheel getal');
  if (c.label === undefined) r.should.push('collectie: label ontbreekt');
  let count = 0;
  let page: unknown = c.first;
  if (page === undefined && typeof c.total === 'number' && c.total > 0) r.must.push('collectie met annotaties zonder first');
  const seen = new Set<unknown>();
  while (isObject(page) && !seen.has(page)) {
    seen.add(page);
    const where = `pagina ${seen.size}`;
    if (!isIri(page.id)) r.must.push(`${where}: id is niet precies één IRI`);
    if (!hasType(page, 'AnnotationPage')) r.must.push(`${where}: type mist AnnotationPage`);
    const items = asList(page.items);
    if (!Array.isArray(page.items) || items.length === 0) r.must.push(`${where}: items moet één of meer annotaties bevatten`);
    items.forEach((a, i) => checkAnnotation(a, `${where}.items[${i}]`, r, true));
    count += items.length;
    if (page.partOf === undefined) r.should.push(`${where}: partOf ontbreekt`);
    else if (page.partOf !== c.id && !(isObject(page.partOf) && page.partOf.id === c.id)) r.must.push(`${where}: partOf wijst niet naar de collectie`);
    page = page.next;
  }
  if (isNonNegativeInteger(c.total) && c.total !== count) r.must.push(`collectie: total ${String(c.total)} maar ${count} annotaties`);
  if (c.first !== undefined && c.last === undefined) r.should.push('collectie: last ontbreekt');
  return r;
}

describe('W3C export against the Web Annotation Data Model', () => {
  const exported = JSON.parse(JSON.stringify(toWebAnnotations(set, labels))) as Json;

  it('meets every MUST of the model for collection, page, annotations, targets, selectors and bodies', () => {
    expect(checkCollection(exported).must).toEqual([]);
  });

  it('names the format and language of every target and body (SHOULD), and links page and collection', () => {
    expect(checkCollection(exported).should).toEqual([]);
    const items = (exported.first as Json).items as Json[];
    const formats = items.map((a) => {
      const t = a.target as Json;
      return ((t.source as Json | undefined) ?? t).format;
    });
    expect(new Set(formats)).toEqual(new Set(['text/html', 'application/pdf']));
    expect(items.find((a) => (a.target as Json).id === DOC_A)).toBeDefined();
  });

  it('an export without annotations is an empty collection without pages, since a page needs one', () => {
    const empty = JSON.parse(JSON.stringify(toWebAnnotations({ documents: [], notes: [], flags: [] }, labels))) as Json;
    expect(checkCollection(empty)).toEqual({ must: [], should: [] });
    expect(empty.total).toBe(0);
    expect(empty.first).toBeUndefined();
  });

  it('the checks catch what the model forbids', () => {
    const broken = structuredClone(exported);
    delete (broken.first as Json).id;
    const items = (broken.first as Json).items as Json[];
    const i = items.findIndex((a) => isObject(a.target) && 'source' in a.target);
    items[i]!.created = '2026-11-28T12:00:00+01:00';
    (items[i]!.target as Json).source = [DOC_A, DOC_A];
    expect(checkCollection(broken).must).toEqual([
      'pagina 1: id is niet precies één IRI',
      `pagina 1.items[${i}].target[0]: een Specific Resource heeft precies één source`,
      `pagina 1.items[${i}]: created is geen xsd:dateTime in UTC`,
    ]);
    expect(checkCollection({ ...exported, first: { ...(exported.first as Json), items: [] } }).must).toContain('pagina 1: items moet één of meer annotaties bevatten');
  });
});

// A document's number as its portal writes it in a file name, given back as the portal's pages and
// the document itself write it. Pure: the page's attachment names and the PDF tab's name both use it.

/**
 * NotuBiz writes a motie's number "I.6" as "I_6" in its file names: `/document/15518187/1/I_6++VVD+motie+…`
 * is the PDF that says "I.6 VVD" and that an agenda page links as "I.6 VVD motie …". A leading code
 * of one or two capitals, an underscore and a number, then a word, is that number: "I.6 VVD motie …".
 * Nothing else changes: underscores elsewhere, and a name that is only a code, stay as they are.
 */
export function portalNumber(name: string): string {
  return name.replace(/^(\p{Lu}{1,2})_(\d{1,3})(?=\s+\S)/u, '$1.$2');
}

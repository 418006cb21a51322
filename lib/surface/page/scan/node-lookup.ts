// A block's Text nodes, found again when they are needed: its matches are turned into ranges, a
// note is anchored in it, the reader selects in it. On a page of many nodes a block holds only its
// root and text (see DEFAULT_HOLD_NODES): a short walk of the one block gives the nodes back,
// checked against the text indexed, so no Range is ever made over text other than what was matched.
import { drain } from '../../../core/steps';
import { NodeCollector, walkText, type NodeIndex, type TextIndex, type TextIndexOptions } from './text-index';

/**
 * The nodes of `index` (walked from `root` with `options` when it was made) as the page holds
 * them now, or null when the text there is no longer the text indexed (the page changed it since:
 * the block's re-index, which its MutationRecords bring, finds the new text).
 */
export function findNodes(root: Node, options: TextIndexOptions, index: TextIndex): NodeIndex | null {
  const n = index.lengths.length;
  if (n === 0) return { ...index, nodes: [] };
  // Room for a line break after every node: a walk's breaks can fall where the index's did not.
  const sink = new NodeCollector(index.text.length + n + 1);
  drain(walkText(root, { ...options, onShadowRoot: undefined }, sink));
  const found = sink.result();
  if (samePrefix(found, index)) return { ...index, nodes: found.nodes.length === n ? found.nodes : found.nodes.slice(0, n) };
  // The same text in other nodes (a painter that wraps text in <mark>s splits them): the walk's offsets.
  if (found.text === index.text) return found;
  return null;
}

/**
 * The walk met at least the index's nodes, with the same texts, first: text added after them (a
 * truncated block's rest, or a change still to be re-indexed) moves none of the index's offsets.
 */
function samePrefix(found: NodeIndex, index: TextIndex): boolean {
  const { starts, lengths, text } = index;
  if (found.lengths.length < lengths.length) return false;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (found.lengths[i] !== len) return false;
    const at = found.starts[i]!;
    if (found.text.slice(at, at + len) !== text.slice(starts[i]!, starts[i]! + len)) return false;
  }
  return true;
}

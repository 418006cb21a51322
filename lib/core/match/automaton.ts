// Aho-Corasick over folded UTF-16 code units, as a DFA over a small alphabet (only the units
// that occur in some pattern get a class; everything else is class 0). A DFA means one table
// lookup per text unit and no failure-link walking while scanning, which is what keeps the
// matcher linear whatever the rules look like.
//
// The table is filled lazily. Building it whole meant visiting every (state, class) pair — some
// 200 000 for the built-in rules — at every page load, while a 1 MB page only ever takes about
// 5 000 of them. So only the trie's own edges and the root's row are written up front; any other
// entry is UNKNOWN until a scan first needs it, and `fill` then computes it from the failure link
// (δ(u, a) = δ(fail(u), a)) and stores it for good. Every entry is computed at most once.
//
// UNKNOWN is 0, so a new table needs no filling: state 0 is a dummy that nothing leads to and the
// root is state 1. Memory the table never touches then costs nothing either, which matters at
// every page load (the first touch of a fresh page of memory is not free).

/** A table entry not computed yet: no transition leads to the dummy state 0 (see `step`). */
export const UNKNOWN = 0;

interface Automaton {
  /** Code unit → alphabet class. */
  classOf: Uint16Array;
  classCount: number;
  /** The root's row, where a scan starts. */
  start: number;
  /**
   * step[row + class], where row = state × classCount: the next state's row (a row, not a state
   * number, saves a multiplication per text unit), bitwise-negated when that state reports, so
   * "does it report" is the sign of the value just loaded; or UNKNOWN until `fill` computes it.
   */
  step: Int32Array;
  /** Computes, stores and returns step[row + cls] (which was UNKNOWN). */
  fill(row: number, cls: number): number;
  /** Patterns ending in a state: outList[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
  /** Next state along the failure chain that has patterns of its own, or -1. */
  outLink: Int32Array;
  /** 1 when the state or something on its failure chain ends a pattern. */
  reports: Uint8Array;
}

const ROOT = 1;
const SPACE = 32;
const HYPHEN = 45;

export function buildAutomaton(patterns: readonly Uint16Array[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classCount = 1;
  let totalLength = 0;
  for (let p = 0; p < patterns.length; p++) {
    const units = patterns[p]!;
    totalLength += units.length;
    for (let k = 0; k < units.length; k++) {
      const code = units[k] === HYPHEN ? SPACE : units[k]!;
      if (classOf[code] === 0) classOf[code] = classCount++;
    }
  }
  // A hyphen and a space are one class: "Internet of Things" is also "Internet-of-Things", and
  // "wifi-tracking" also "wifi tracking". Compounds are written either way, and one pattern then
  // stands for both, at no cost per text unit.
  if (classOf[SPACE] !== 0) classOf[HYPHEN] = classOf[SPACE]!;
  const C = classCount;
  const start = ROOT * C;

  // The trie, written straight into the table as rows (signs are fixed once `reports` is known).
  // Sized for the worst case (no shared prefixes); the part no state uses is never touched.
  const maxStates = totalLength + 2;
  const table = new Int32Array(maxStates * C);
  const parentSlot = new Int32Array(maxStates);
  const depth = new Int32Array(maxStates);
  const endState = new Int32Array(patterns.length);
  const ownCount = new Int32Array(maxStates + 1);
  let stateCount = ROOT + 1;
  let maxDepth = 0;
  for (let p = 0; p < patterns.length; p++) {
    const units = patterns[p]!;
    let row = start;
    for (let k = 0; k < units.length; k++) {
      const slot = row + classOf[units[k]!]!;
      let next = table[slot]!;
      if (next === UNKNOWN) {
        const v = stateCount++;
        next = v * C;
        table[slot] = next;
        parentSlot[v] = slot;
        depth[v] = k + 1;
      }
      row = next;
    }
    if (units.length > maxDepth) maxDepth = units.length;
    const s = row / C;
    endState[p] = s;
    ownCount[s]!++;
  }
  const step = table.subarray(0, stateCount * C);

  // Patterns per state, in pattern order.
  const outStart = new Int32Array(stateCount + 1);
  for (let s = 0, sum = 0; s <= stateCount; s++) {
    outStart[s] = sum;
    sum += ownCount[s]!;
  }
  const outList = new Int32Array(patterns.length);
  const cursor = outStart.slice(0, stateCount);
  for (let p = 0; p < patterns.length; p++) outList[cursor[endState[p]!]!++] = p;

  const failRow = new Int32Array(stateCount);
  const fill = (row: number, cls: number): number => {
    let r = row;
    while (step[r + cls] === UNKNOWN) r = failRow[r / C]!;
    const v = step[r + cls]!;
    for (let q = row; q !== r; q = failRow[q / C]!) step[q + cls] = v;
    return v;
  };

  // Failure links in breadth-first order (states by depth), so everything a state's link and
  // `reports` depend on — all shallower — is final when the state is reached.
  const outLink = new Int32Array(stateCount).fill(-1);
  const reports = new Uint8Array(stateCount);
  const byDepth = new Int32Array(maxDepth + 2);
  for (let v = ROOT + 1; v < stateCount; v++) byDepth[depth[v]! + 1]!++;
  for (let d = 1; d <= maxDepth + 1; d++) byDepth[d]! += byDepth[d - 1]!;
  const order = new Int32Array(stateCount);
  for (let v = ROOT + 1; v < stateCount; v++) order[byDepth[depth[v]!]!++] = v;

  if (ownCount[ROOT]! > 0) reports[ROOT] = 1;
  failRow[ROOT] = start;
  const rootNext = reports[ROOT] === 1 ? ~start : start;
  for (let a = 0; a < C; a++) if (step[start + a] === UNKNOWN) step[start + a] = rootNext;
  for (let q = 0; q < stateCount - ROOT - 1; q++) {
    const v = order[q]!;
    const slot = parentSlot[v]!;
    const cls = slot % C;
    const parentRow = slot - cls;
    // The classic walk: up the parent's failure chain to the first state with an edge on `cls`
    // (the root has one on every class). Only trie edges are in the table yet, so an entry that
    // is not UNKNOWN is such an edge; linear in the patterns' total length overall.
    let fRow = start;
    if (parentRow !== start) {
      let r = failRow[parentRow / C]!;
      let x = step[r + cls]!;
      while (x === UNKNOWN) {
        r = failRow[r / C]!;
        x = step[r + cls]!;
      }
      fRow = x < 0 ? ~x : x;
    }
    const f = fRow / C;
    failRow[v] = fRow;
    outLink[v] = ownCount[f]! > 0 ? f : outLink[f]!;
    if (ownCount[v]! > 0 || reports[f] === 1) {
      reports[v] = 1;
      step[slot] = ~(v * C);
    }
  }

  return { classOf, classCount, start, step, fill, outStart, outList, outLink, reports };
}

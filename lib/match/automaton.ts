// Aho-Corasick over folded UTF-16 code units, built as a complete DFA over a small alphabet
// (only the units that occur in some pattern get a class; everything else is class 0). A
// complete DFA means one table lookup per text unit and no failure-link walking while
// scanning, which is what keeps the matcher linear whatever the rules look like.

export interface Automaton {
  /** Code unit → alphabet class. */
  classOf: Uint16Array;
  classCount: number;
  /** delta[state * classCount + class] → next state. */
  delta: Int32Array;
  /** Patterns ending in a state: outList[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
  /** Next state along the failure chain that has patterns of its own, or -1. */
  outLink: Int32Array;
  /** 1 when the state or something on its failure chain ends a pattern. */
  reports: Uint8Array;
}

export function buildAutomaton(patterns: readonly Uint16Array[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classCount = 1;
  let totalLength = 0;
  for (const p of patterns) {
    totalLength += p.length;
    for (const code of p) {
      if (classOf[code] === 0) classOf[code] = classCount++;
    }
  }

  const maxStates = totalLength + 1;
  const delta = new Int32Array(maxStates * classCount).fill(-1);
  const own: number[][] = [[]];
  let stateCount = 1;
  patterns.forEach((p, index) => {
    let s = 0;
    for (const code of p) {
      const slot = s * classCount + (classOf[code] ?? 0);
      let next = delta[slot] ?? -1;
      if (next < 0) {
        next = stateCount++;
        delta[slot] = next;
        own.push([]);
      }
      s = next;
    }
    own[s]?.push(index);
  });

  const fail = new Int32Array(stateCount);
  const outLink = new Int32Array(stateCount).fill(-1);
  const reports = new Uint8Array(stateCount);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let a = 0; a < classCount; a++) {
    const v = delta[a] ?? -1;
    if (v < 0) delta[a] = 0;
    else {
      fail[v] = 0;
      queue[tail++] = v;
    }
  }
  if ((own[0]?.length ?? 0) > 0) reports[0] = 1;
  while (head < tail) {
    const u = queue[head++] ?? 0;
    const f = fail[u] ?? 0;
    const hasOwn = (own[f]?.length ?? 0) > 0;
    outLink[u] = hasOwn ? f : (outLink[f] ?? -1);
    if ((own[u]?.length ?? 0) > 0 || (reports[f] ?? 0) === 1) reports[u] = 1;
    for (let a = 0; a < classCount; a++) {
      const slot = u * classCount + a;
      const v = delta[slot] ?? -1;
      const viaFail = delta[f * classCount + a] ?? 0;
      if (v < 0) delta[slot] = viaFail;
      else {
        fail[v] = u === 0 ? 0 : viaFail;
        queue[tail++] = v;
      }
    }
  }

  const outStart = new Int32Array(stateCount + 1);
  let count = 0;
  for (let s = 0; s < stateCount; s++) {
    outStart[s] = count;
    count += own[s]?.length ?? 0;
  }
  outStart[stateCount] = count;
  const outList = new Int32Array(count);
  let w = 0;
  for (let s = 0; s < stateCount; s++) for (const p of own[s] ?? []) outList[w++] = p;

  return {
    classOf,
    classCount,
    delta: delta.slice(0, stateCount * classCount),
    outStart,
    outList,
    outLink,
    reports,
  };
}

// The cut sets a result lists beside the SPOFs and the pairs, gathered set by set with the entry
// points each takes down, and sorted: most entry points first, then fewer members, then the
// components' ids, then the domains' names.

import type { LargerCutSet } from '../analysis-result.js';

export class ListedCutSets {
  private readonly byKey = new Map<string, LargerCutSet>();
  /** How many (set, entry point) were added. */
  size = 0;

  /** Entry point `entry` (an id) is taken down by the set of `ids` and `domains` (each sorted). */
  add(ids: string[], domains: string[], entry: string): void {
    const key = `${ids.join('\n')}\t${domains.join('\n')}`;
    let found = this.byKey.get(key);
    if (found === undefined) this.byKey.set(key, (found = { ids, domains, takesDown: [] }));
    found.takesDown.push(entry);
    this.size++;
  }

  sorted(): LargerCutSet[] {
    const list = [...this.byKey.values()];
    for (const s of list) s.takesDown.sort();
    return list.sort(
      (a, b) =>
        b.takesDown.length - a.takesDown.length ||
        a.ids.length + a.domains.length - b.ids.length - b.domains.length ||
        compareNames(a.ids, b.ids) ||
        compareNames(a.domains, b.domains),
    );
  }
}

function compareNames(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

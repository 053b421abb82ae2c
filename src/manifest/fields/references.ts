// Checks that an id used in depends_on, monitors or copies names a declared service (in any file of
// the manifest), suggesting the closest declared id when it does not.

import { describeNode, type DocNode } from '../parse/doc-node.js';
import { Suggester } from './did-you-mean.js';
import { quote } from '../parse/quote.js';
import type { SourceFile } from '../parse/source-file.js';

export class References {
  private suggester: Suggester | undefined;

  private map: ReadonlyMap<string, number> | undefined;

  /**
   * `ids`: every declared id by its declaration number, each once; `declared`: the same as a
   * Map, when one is at hand (else it is made the first time something asks for an id).
   */
  constructor(
    readonly ids: readonly string[],
    declared?: ReadonlyMap<string, number>,
  ) {
    this.map = declared;
  }

  private get declared(): ReadonlyMap<string, number> {
    if (this.map === undefined) {
      const map = new Map<string, number>();
      for (let i = 0; i < this.ids.length; i++) map.set(this.ids[i]!, i);
      this.map = map;
    }
    return this.map;
  }

  /** The declaration number of `id`; undefined when no file declares it. */
  number(id: string): number | undefined {
    return this.declared.get(id);
  }

  /**
   * The id written at `offset`, or undefined (after reporting) when it is not a string, is the
   * owner itself (in depends_on), or is not declared in any file.
   */
  check(
    id: DocNode,
    offset: number,
    src: SourceFile,
    owner: string,
    field: 'depends_on' | 'monitors' | 'copies',
  ): string | undefined {
    if (typeof id !== 'string') {
      src.error(offset, `each id in ${field} must be a string, not ${describeNode(id)}`);
      return undefined;
    }
    if (field === 'depends_on' && id === owner) {
      src.error(offset, `service ${quote(owner)} depends on itself`);
      return undefined;
    }
    if (field === 'copies' && id === owner) {
      src.error(offset, `service ${quote(owner)} copies its data to itself`);
      return undefined;
    }
    if (this.declared.has(id)) return id;
    // Built on the first miss only: a clean manifest never pays for it.
    this.suggester ??= new Suggester(this.declared.keys());
    const hint = this.suggester.hint(id);
    src.error(
      offset,
      `${field} of ${quote(owner)} names an undeclared service ${quote(id)}${hint}`,
    );
    return undefined;
  }
}

// A set of references of one fault structure (gates, and events as −1 − x) kept as stamps in
// two typed arrays: emptied in constant time by moving to a new stamp, so a solver that needs
// a fresh set for each of a hundred thousand small walks allocates none.

import type { Ref } from '../structure.js';

export class RefMarks {
  private readonly gates: Int32Array;
  private readonly events: Int32Array;
  private stamp = 1;

  constructor(gates: number, events: number) {
    this.gates = new Int32Array(gates);
    this.events = new Int32Array(events);
  }

  /** Empties the set. */
  clear(): void {
    if (this.stamp === 0x7fffffff) {
      this.gates.fill(0);
      this.events.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  has(c: Ref): boolean {
    return c < 0 ? this.events[-1 - c] === this.stamp : this.gates[c] === this.stamp;
  }

  /** Adds c; false when it was already there. */
  add(c: Ref): boolean {
    if (c < 0) {
      if (this.events[-1 - c] === this.stamp) return false;
      this.events[-1 - c] = this.stamp;
    } else {
      if (this.gates[c] === this.stamp) return false;
      this.gates[c] = this.stamp;
    }
    return true;
  }
}

// The availability and importance part of `analyze`'s result: what each entry point
// can expect from the SLAs of what it depends on, and which components matter most for it.

export type AvailabilityMethod = 'exact' | 'monte-carlo';

export interface EntryAvailability {
  /** P(the entry point is up), components failing independently with P = 1 − sla/100. */
  value: number;
  /**
   * 1 − value, computed directly (exact) or counted (Monte Carlo): for a tiny unavailability
   * it keeps the digits that 1 − value would lose.
   */
  unavailability: number;
  method: AvailabilityMethod;
  /** Monte Carlo only: the 95% Wilson score interval of `value`. */
  interval?: [number, number];
  /** Monte Carlo only: the number of random states drawn. */
  samples?: number;
  /** unavailability × 525,960 (minutes in a year of 365.25 days). */
  downtimeMinutesPerYear: number;
  /** The entry point's own cost_per_hour × unavailability × 8,766 hours. */
  expectedCostPerYear: number;
}

/** How much one component matters to one entry point's availability A. */
export interface ComponentImportance {
  id: string;
  /** Birnbaum: A(component up) − A(component down). */
  birnbaum: number;
  /** Criticality: birnbaum × (1 − p) / (1 − A): the share of the downtime it is critical to. */
  criticality: number;
  /** Risk achievement worth: (1 − A(component down)) / (1 − A). */
  raw: number;
}

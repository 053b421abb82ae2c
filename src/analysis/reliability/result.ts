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
  /**
   * Monte Carlo only, when no sample saw the entry point down: the unavailability is below
   * what that many samples can see, and below this bound (the interval's, 1 − its low end).
   */
  unavailabilityBelow?: number;
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
  /**
   * Fussell–Vesely (diagnostic form): P(the component is down | the entry point is down),
   * (1 − p) × (1 − A(component down)) / (1 − A).
   */
  fussellVesely: number;
  /**
   * Risk reduction worth: (1 − A) / (1 − A(component never fails)); null when the component's
   * failure is part of every failure of the entry point (made perfect, nothing is left).
   */
  rrw: number | null;
}

// Durations of the manifest (rto, recovery_time): a number of seconds, or a string of a
// number and a unit — `90s`, `15m`, `4h`, `2d`, `1.5h` — converted to seconds.

const UNIT_SECONDS: ReadonlyMap<string, number> = new Map([
  ['s', 1],
  ['m', 60],
  ['h', 3600],
  ['d', 86_400],
]);

const DURATION = /^([0-9]+(?:\.[0-9]+)?)\s*([smhd])$/;

export const DURATION_HINT = 'a number of seconds or a string such as "90s", "15m", "4h", "2d"';

/** Seconds, or undefined when `value` is not a duration (negative, infinite, unknown unit). */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = DURATION.exec(value.trim());
  if (match === null) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS.get(match[2]!) ?? Number.NaN);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Seconds written back in units, largest first: 900 → "15m", 15420 → "4h17m", 0 → "0s". */
export function formatDuration(seconds: number): string {
  let rest = seconds;
  let text = '';
  for (const [unit, size] of [...UNIT_SECONDS].reverse()) {
    const whole = unit === 's' ? Number(rest.toFixed(3)) : Math.floor(rest / size);
    if (whole > 0) text += `${whole}${unit}`;
    rest -= unit === 's' ? rest : whole * size;
  }
  return text === '' ? '0s' : text;
}

// Browser side of the HTML report: outages with a length, for a manifest with tolerances — the
// control that sets how long the what-if lasts, and a strip of the moments its entry points go
// down (simulate's timeline), each placed along the outage. Styled through the CSSOM only.

import type { SimulationResult } from '../../../analysis/outage/simulate.js';
import { formatDuration } from '../../../manifest/fields/duration.js';

/** The lengths offered, in seconds; Infinity is an outage that never ends. */
export const OUTAGE_LENGTHS: readonly number[] = [
  Number.POSITIVE_INFINITY,
  600,
  1800,
  3600,
  4 * 3600,
  86_400,
  3 * 86_400,
];

export function lengthName(seconds: number): string {
  return seconds === Number.POSITIVE_INFINITY ? 'never ends' : formatDuration(seconds);
}

/** A select of OUTAGE_LENGTHS (and `current`, when it is none of them). */
export function lengthControl(current: number, onChange: (seconds: number) => void): HTMLElement {
  const wrap = document.createElement('p');
  const label = document.createElement('label');
  label.textContent = 'The outage lasts ';
  const select = document.createElement('select');
  select.id = 'br-length';
  const lengths = OUTAGE_LENGTHS.includes(current) ? OUTAGE_LENGTHS : [...OUTAGE_LENGTHS, current];
  for (const seconds of lengths) {
    const option = document.createElement('option');
    option.value = String(seconds);
    option.textContent = lengthName(seconds);
    option.selected = seconds === current;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(Number(select.value)));
  label.append(select);
  wrap.append(label);
  return wrap;
}

/**
 * The entry points of `result.timeline` as marks along the outage: at 0 on the left, the end of
 * the outage (or, when it never ends, a little after the last moment) on the right.
 */
export function timeStrip(result: SimulationResult, inspect: (id: string) => void): HTMLElement {
  const timeline = result.timeline ?? [];
  const length = result.duration ?? Number.POSITIVE_INFINITY;
  const last = timeline.reduce((max, entry) => Math.max(max, entry.downAt), 0);
  const span = Number.isFinite(length) ? length : Math.max(last * 1.25, 1);
  const strip = document.createElement('div');
  strip.id = 'br-strip';
  strip.setAttribute('role', 'list');
  strip.setAttribute('aria-label', 'When the entry points go down');
  Object.assign(strip.style, {
    position: 'relative',
    height: `${28 + 20 * Math.min(timeline.length, 8)}px`,
    borderBottom: '2px solid currentColor',
    margin: '6px 0 4px',
  });
  timeline.forEach((entry, i) => {
    const mark = document.createElement('button');
    mark.type = 'button';
    mark.className = 'br-strip-mark';
    mark.setAttribute('role', 'listitem');
    mark.dataset['id'] = entry.id;
    mark.dataset['at'] = String(entry.downAt);
    mark.textContent = `${formatDuration(entry.downAt)} ${entry.id}`;
    mark.title = stripTitle(entry);
    Object.assign(mark.style, {
      position: 'absolute',
      left: `${(100 * Math.min(entry.downAt / span, 1)).toFixed(2)}%`,
      bottom: `${4 + 20 * (i % 8)}px`,
      transform: entry.downAt / span > 0.6 ? 'translateX(-100%)' : 'none',
      font: 'inherit',
      fontSize: '12px',
      padding: '0 4px',
      border: '0',
      borderLeft: '2px solid #cf222e',
      borderRadius: '0',
      background: 'transparent',
      color: 'inherit',
      cursor: 'pointer',
      whiteSpace: 'nowrap',
    });
    mark.addEventListener('click', () => inspect(entry.id));
    strip.append(mark);
  });
  const scale = document.createElement('div');
  scale.className = 'br-muted';
  Object.assign(scale.style, {
    display: 'flex',
    justifyContent: 'space-between',
    fontSize: '12px',
  });
  const start = document.createElement('span');
  start.textContent = '0s';
  const end = document.createElement('span');
  end.textContent = Number.isFinite(length) ? `end: ${formatDuration(length)}` : 'never ends';
  scale.append(start, end);
  const wrap = document.createElement('div');
  wrap.append(strip, scale);
  if (timeline.length === 0) {
    const none = document.createElement('p');
    none.textContent = 'No entry point goes down before the outage ends.';
    wrap.append(none);
  }
  return wrap;
}

function stripTitle(entry: NonNullable<SimulationResult['timeline']>[number]): string {
  const at = formatDuration(entry.downAt);
  if (entry.failed) return `${entry.id} fails at ${at}`;
  const why = entry.expired
    ? `${entry.expired.service} rode out losing ${entry.expired.lost} for ${formatDuration(entry.expired.tolerated)}`
    : `lost ${entry.after}`;
  return `${entry.id} down at ${at} (${why})`;
}

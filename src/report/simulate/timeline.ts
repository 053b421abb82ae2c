// The timeline of an outage of a given length, in words shared by the text and Markdown
// reports: when each entry point went down, and what it lost or which tolerance ran out.

import type { SimulateReport, TimelineEntry } from '../../analysis/outage/simulate.js';
import { formatDuration } from '../../manifest/fields/duration.js';

export interface TimelineStep {
  moment: string;
  id: string;
  /** What happened, in words around ids: each format quotes the ids its own way. */
  words: Array<string | { id: string }>;
}

/** The length of the outage ("4h"), or undefined for an outage that never ends. */
export function outageLength(report: SimulateReport): string | undefined {
  return report.duration === undefined ? undefined : formatDuration(report.duration);
}

export function timelineSteps(entries: readonly TimelineEntry[]): TimelineStep[] {
  return entries.map((entry) => {
    const words: TimelineStep['words'] = [];
    const expired = entry.expired;
    if (entry.after === undefined) words.push('failed');
    else if (expired === undefined) words.push('down (lost ', { id: entry.after }, ')');
    else {
      const rider = expired.service === entry.id ? [] : [{ id: expired.service }, ' '];
      const span = formatDuration(expired.tolerated);
      words.push('down (', ...rider, 'rode out losing ', { id: expired.lost }, ` for ${span})`);
    }
    return { moment: formatDuration(entry.downAt), id: entry.id, words };
  });
}

/** When a service went down, as "at 1h", or undefined without --for. */
export function downMoment(report: SimulateReport, id: string): string | undefined {
  const moment = report.downAt?.[id];
  return moment === undefined ? undefined : `at ${formatDuration(moment)}`;
}

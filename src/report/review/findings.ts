// The report's headline findings, in words, from the analysis result: the costliest single points
// of failure and failure domains, fate-sharing monitors and blocked cold starts. Format-neutral:
// ids are kept apart from the prose so each format can mark them up (and escape them) its way.

import type { AnalysisResult } from '../../analysis/analysis-result.js';
import { formatDuration } from '../../manifest/fields/duration.js';
import { formatMoney, plural } from '../shared/format.js';

/** Prose, an id, or a list of ids (shown up to a bound, then counted). */
export type FindingPart = string | { id: string } | { ids: readonly string[] };

export interface Finding {
  parts: FindingPart[];
  /** What the finding is about, for a "simulate" action. */
  subject?: { id: string } | { domain: string };
}

/** How many of each kind the summary names. */
export const FINDINGS_PER_KIND = 3;

/** ", after 1h" when tolerances hold off the first entry point's loss; nothing otherwise. */
function afterGrace(grace: number | undefined): string {
  return grace !== undefined && grace > 0 ? `, after ${formatDuration(grace)}` : '';
}

export function reportFindings(result: AnalysisResult): Finding[] {
  const findings: Finding[] = [];
  for (const spof of result.spofs.slice(0, FINDINGS_PER_KIND)) {
    findings.push({
      parts: [
        { id: spof.id },
        ' alone takes down ',
        { ids: spof.takesDown },
        `${afterGrace(spof.grace)}: ${plural(spof.blastRadius.down, 'service')} down, ${formatMoney(spof.blastRadius.costPerHour)} per hour.`,
      ],
      subject: { id: spof.id },
    });
  }
  for (const d of result.domainSpofs.slice(0, FINDINGS_PER_KIND)) {
    const parts: FindingPart[] = [
      'Losing ',
      { id: d.domain },
      ' takes down ',
      { ids: d.takesDown },
      afterGrace(d.grace),
    ];
    if (d.onlyAsDomain.length > 0)
      parts.push(' (', { ids: d.onlyAsDomain }, ' by no single component of it)');
    parts.push(`: ${formatMoney(d.blastRadius.costPerHour)} per hour.`);
    findings.push({ parts, subject: { domain: d.domain } });
  }
  const s = result.summary;
  if (s.fateSharing > 0) {
    findings.push({
      parts: [
        `${plural(s.fateSharing, 'monitor–target pair')} share fate: the monitor goes blind together with what it watches.`,
      ],
    });
  }
  if (s.coldStartBlocked > 0) {
    findings.push({
      parts: [
        `${plural(s.coldStartBlocked, 'service')} can never cold-start: a dependency cycle blocks them.`,
      ],
    });
  }
  if (findings.length === 0)
    findings.push({ parts: ['No single component or failure domain takes an entry point down.'] });
  return findings;
}

/** The costliest outage of one component and of one failure domain, per hour (0 if none). */
export function costAtRisk(result: AnalysisResult): { component: number; domain: number } {
  return {
    component: result.spofs.reduce((max, s) => Math.max(max, s.blastRadius.costPerHour), 0),
    domain: result.domainSpofs.reduce((max, d) => Math.max(max, d.blastRadius.costPerHour), 0),
  };
}

// What each policy rule checks, in words: shown by `check --help`, in reports, and as the rule
// help of SARIF output. The rules themselves are evaluated in evaluate-policy.ts.

import type { PolicyRuleId } from '../../manifest/types.js';

export interface RuleDescription {
  /** A short title. */
  title: string;
  /** One sentence: what a finding means. */
  summary: string;
  /** What to do about a finding. */
  help: string;
}

export const RULE_DESCRIPTIONS: Readonly<Record<PolicyRuleId, RuleDescription>> = {
  'no-spof': {
    title: 'No single point of failure',
    summary: 'An entry point in scope goes down when one single component fails.',
    help:
      'Give the component a redundant alternative (`any_of` or a `quorum` group over independent ' +
      'instances), make the dependency soft if the entry point can work without it, or accept the ' +
      'risk in the baseline.',
  },
  'no-domain-spof': {
    title: 'Survive the loss of one failure domain',
    summary:
      'An entry point in scope goes down when one whole provider, region or zone (the level of the rule) fails.',
    help:
      'Spread the redundancy the entry point relies on across failure domains of the level: ' +
      'alternatives in another zone, region or provider, each with its own dependencies.',
  },
  'max-blast-radius': {
    title: 'Bounded blast radius',
    summary:
      'A component in scope takes down more services, entry points or cost per hour than the limit allows.',
    help:
      'Split the component, add redundancy in front of it, or make its dependents degrade ' +
      'gracefully (soft dependencies) so that its failure stays contained.',
  },
  'independent-monitoring': {
    title: 'Monitoring that does not share fate',
    summary:
      'A monitor goes blind together with a service in scope that it watches: one component takes both down.',
    help:
      'Host the monitor (a status page, an alerting path) on infrastructure that the watched ' +
      'service does not depend on — another provider or region.',
  },
  'cold-start': {
    title: 'Cold-startable',
    summary:
      'A cycle of hard dependencies keeps services in scope from starting after a full outage.',
    help:
      'Break the cycle: make one of its dependencies soft, or give one member a way to start ' +
      'without the others (a cache, a static fallback, a bootstrap path).',
  },
  'no-unknown-sla': {
    title: 'Declared SLA',
    summary: 'A service in scope declares no `sla`.',
    help: 'Declare the availability the service is expected to have (`sla: 99.9`), or a default for its file.',
  },
  'rto-consistency': {
    title: 'Consistent recovery objectives',
    summary:
      'A service in scope has an `rto` shorter than the `recovery_time` of something it hard-depends on, directly or transitively (through a group: once `quorum` alternatives are back).',
    help:
      'Shorten the recovery time of the dependency, give the service an alternative that recovers ' +
      'faster (a failover group, a soft dependency), or declare the rto the service can really meet.',
  },
  'min-availability': {
    title: 'Minimum availability',
    summary:
      'An entry point in scope can expect to be up less of the time than the limit, from the SLAs of what it depends on.',
    help:
      'Start with the components at the top of "What to fix first" in `blast-radius analyze`: ' +
      'give them redundancy, or ask for a better SLA. Services without an `sla` count as never ' +
      'failing: declare theirs first.',
  },
  objectives: {
    title: 'Recovery objectives met',
    summary:
      'An entry point in scope has an estimated RTO or RPO, after the worst disruption of one kind (component, zone, region, provider), above the target of `policy.objectives`.',
    help:
      'Follow the chain to the component whose recovery_time sets the RTO and shorten it or add an ' +
      'alternative that survives the disruption; for the RPO, keep a copy of the datastore outside ' +
      'the disruption, copied more often.',
  },
  'data-shares-fate': {
    title: 'Copies of data in another failure domain',
    summary:
      'A datastore in scope has every copy of its data (`copies`) in its own zone, region or provider: losing that domain loses the data and all of it.',
    help: 'Keep at least one copy (a replica, a backup) in another zone, region or provider.',
  },
};

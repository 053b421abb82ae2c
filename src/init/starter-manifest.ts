// The starter manifest `init` writes: it includes the generated imports, lists what was found and
// left out (with the command that imports it), and asks, as comments beside each service, what
// only the team can answer — which services are entry points, what an hour of their outage
// costs, what each promises (sla), and where it runs (provider, region, zone). Valid as written:
// every question is a comment, and the only live overlay entries mark the entry points the import
// suggests, which `analyze` would pick anyway.

import { cleanText, type ImportedService } from '../import/shared/imported-manifest.js';
import { yamlScalar } from '../import/shared/manifest-writer.js';
import { byCodeUnit } from '../compare.js';
import { describeInputs } from './detector.js';
import type { IncludedImport, LeftOutImport } from './planned-import.js';

export interface StarterInput {
  name: string;
  manifestFile: string;
  included: readonly IncludedImport[];
  leftOut: readonly LeftOutImport[];
  /** What `init` looked for, for the message when it found nothing. */
  looked: readonly string[];
}

/** Lines of a commented flow list wrap at about this width. */
const WIDTH = 96;

export function renderStarterManifest(input: StarterInput): string {
  const services = input.included
    .flatMap((each) => each.result.manifest.services)
    .sort((a, b) => byCodeUnit(a.id, b.id));
  const lines = [
    `# ${cleanText(input.manifestFile)}: the starter \`blast-radius init\` wrote. It is yours to edit:`,
    '# keep here what only your team knows. The files it includes are generated from your sources;',
    '# never edit them, regenerate them with the command in their first lines.',
    '# Answer the questions below (uncomment and fill in), then run: blast-radius analyze',
    'version: 1',
    `name: ${yamlScalar(cleanText(input.name) || 'my-system')}`,
  ];
  lines.push(...includeLines(input));
  lines.push(...serviceLines(input, services.length > 0));
  if (services.length > 0) lines.push(...overlayLines(services));
  return `${lines.join('\n')}\n`;
}

function includeLines(input: StarterInput): string[] {
  const lines: string[] = [];
  if (input.included.length > 0) {
    lines.push('include:');
    for (const each of input.included) {
      const count = each.result.manifest.services.length;
      const from =
        each.candidate.folder === '' ? 'the top folder' : `${cleanText(each.candidate.folder)}/`;
      lines.push(`  # ${count} ${count === 1 ? 'service' : 'services'}: ${each.title} in ${from}`);
      for (const note of each.candidate.notes) lines.push(`  # (${cleanText(note)})`);
      lines.push(`  - ${yamlScalar(each.file)}`); // quoted when it must be
    }
  }
  if (input.leftOut.length > 0) {
    lines.push('# Found and not included (of two sources of the same services, init keeps the one');
    lines.push('# that names more dependencies):');
    for (const each of input.leftOut) {
      const what = cleanText(`${describeInputs(each.candidate)}, ${each.title}: ${each.reason}.`);
      lines.push(`#   ${what}`);
      lines.push(`#     To use it instead: ${cleanText(each.command)}`);
    }
  }
  return lines;
}

function serviceLines(input: StarterInput, imported: boolean): string[] {
  if (!imported) {
    return [
      `# Nothing to import was found (looked for ${input.looked.join(', ')}):`,
      '# declare your services here. For example:',
      '# services:',
      '#   web: { entrypoint: true, cost_per_hour: 1000, depends_on: [api] }',
      '#   api: { depends_on: [db] }',
      '#   db: { kind: database, provider: aws, region: us-east-1, sla: 99.95 }',
      'services: {}',
    ];
  }
  return [
    '# What the services run on and rely on that no import can see (the cluster, a managed',
    '# database, DNS, a CDN, a SaaS), each with its provider, region and zone. For example:',
    '# services:',
    '#   cluster: { kind: kubernetes, provider: aws, region: us-east-1, sla: 99.95 }',
    '#   dns: { kind: dns, provider: cloudflare, sla: 99.99 }',
    'services: {}',
  ];
}

function overlayLines(services: readonly ImportedService[]): string[] {
  const entries = suggestedEntryPoints(services);
  const others = services.filter((service) => !entries.ids.has(service.id));
  const lines: string[] = [entries.ids.size > 0 ? 'overlays:' : '# overlays:'];
  lines.push(
    '  # Entry points: what your users reach. Suggested from the import:',
    `  # ${entries.why}.`,
    '  # Keep the ones that are, delete the others, add the missing ones.',
  );
  for (const service of services.filter((each) => entries.ids.has(each.id))) {
    const id = yamlScalar(service.id);
    lines.push(
      `  - match: ${id}`,
      '    set:',
      '      entrypoint: true',
      '      # tier: critical       # how much does its outage matter: critical, high, medium or low?',
      `      # cost_per_hour: 1000  # what does one hour of ${service.id} being down cost?`,
      '      # rto: 15m             # how soon must it be back after an outage?',
      '      # sla: 99.9            # what does it promise its users, in percent?',
    );
  }
  if (others.length > 0) {
    lines.push(
      '  # What does each of the others promise (its sla, in percent)? Without one, a service',
      '  # counts as never failing on its own when availability is computed.',
    );
  }
  for (const service of others) {
    const kind = service.kind === undefined ? '' : `  # ${service.kind}`;
    lines.push(`  # - { match: ${yamlScalar(service.id)}, set: { sla: 99.9 } }${kind}`);
  }
  lines.push(
    '  # Where do they run? provider, region and zone put services in failure domains, so that',
    "  # a region's outage shows; depends_on adds what they run on (a service declared above).",
    ...flowList(
      '  # - match: [',
      services.map((service) => yamlScalar(service.id)),
      '  #     ',
    ),
    '  #   set: { provider: aws, region: us-east-1 }',
    '  #   depends_on: [cluster]',
  );
  return lines;
}

/** The entry points the import declared, else every service nothing depends on. */
function suggestedEntryPoints(services: readonly ImportedService[]): {
  ids: Set<string>;
  why: string;
} {
  const declared = services.filter((service) => service.entrypoint);
  if (declared.length > 0) {
    return {
      ids: new Set(declared.map((service) => service.id)),
      why: 'the import marks these as reached from outside (a LoadBalancer, a NodePort, an Ingress)',
    };
  }
  const dependedOn = new Set(
    services.flatMap((service) => service.dependsOn.flatMap((dependency) => dependency.anyOf)),
  );
  return {
    ids: new Set(services.filter((s) => !dependedOn.has(s.id)).map((s) => s.id)),
    why: 'nothing in the import depends on these',
  };
}

/** `head a, b, c]` wrapped at WIDTH, continuation lines starting with `indent`. */
function flowList(head: string, items: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let line = head;
  items.forEach((item, index) => {
    const text = `${item}${index === items.length - 1 ? ']' : ','}`;
    if (line !== head && line !== indent && line.length + 1 + text.length > WIDTH) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += line === head || line === indent ? text : ` ${text}`;
  });
  lines.push(line);
  return lines;
}

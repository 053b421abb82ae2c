// import/kubernetes/ — a manifest from Kubernetes objects.
//
// `import kubernetes`: Deployments, StatefulSets and DaemonSets become services; a Service
// stands for the workloads it selects. Dependencies are inferred from configuration that names
// a Service and from NetworkPolicy egress rules; replicas and topology spread become comments.

import { Diagnostics } from '../shared/diagnostics.js';
import {
  importResult,
  newService,
  type ImportResult,
  type ImportedService,
  type SourceText,
} from '../shared/imported-manifest.js';
import {
  describeObject,
  ingressBackends,
  readEgressPolicy,
  readKubeObjects,
  readService,
  readWorkload,
  WORKLOAD_KINDS,
  type KubeObject,
  type KubeService,
  type Workload,
} from './objects.js';
import { hostReferences, serviceNamed } from './references.js';
import { assignIds } from '../shared/service-ids.js';

const EXPOSING_TYPES = new Set(['LoadBalancer', 'NodePort']);

const CAVEATS = [
  'A service per Deployment, StatefulSet and DaemonSet; a Service stands for the workloads it',
  'selects (several: any_of). Dependencies are a heuristic: environment variables, container',
  'args and commands that name a Service (host:port, URLs, cluster DNS names), and NetworkPolicy',
  'egress rules to pod selectors. Check them, and add what the cluster does not show (managed',
  'databases, DNS, SaaS). Workloads behind a LoadBalancer, NodePort or Ingress are entry points.',
];

export function importKubernetes(inputs: readonly SourceText[]): ImportResult {
  const diagnostics = new Diagnostics();
  const objects = latestOfEach(readKubeObjects(inputs, diagnostics), diagnostics);
  const workloads = objects.filter(isWorkload).map(readWorkload);
  const kubeServices = objects.filter((o) => o.kind === 'Service').map(readService);
  const graph = new ClusterGraph(workloads, kubeServices);
  for (const workload of workloads) graph.inferFromConfiguration(workload, diagnostics);
  for (const policy of objects.filter((o) => o.kind === 'NetworkPolicy')) {
    graph.inferFromEgress(readEgressPolicy(policy));
  }
  for (const service of kubeServices) {
    if (EXPOSING_TYPES.has(service.type))
      graph.markEntry(service.object, `${service.type} Service`);
  }
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    for (const name of ingressBackends(ingress)) {
      const service = graph.serviceByName(ingress.namespace, name);
      if (service) graph.markEntry(service, `Ingress ${ingress.name}`);
    }
  }
  return importResult('kubernetes', inputs, [...CAVEATS], graph.services(), diagnostics);
}

function isWorkload(object: KubeObject): boolean {
  return (WORKLOAD_KINDS as readonly string[]).includes(object.kind);
}

/** One object per kind, namespace and name: like `kubectl apply`, the later one wins. */
function latestOfEach(objects: readonly KubeObject[], diagnostics: Diagnostics): KubeObject[] {
  const byKey = new Map<string, KubeObject>();
  for (const object of objects) {
    const key = objectKey(object);
    if (byKey.has(key)) {
      diagnostics.warning(
        object.place,
        `${describeObject(object)} is declared again; this one is used`,
      );
      byKey.delete(key);
    }
    byKey.set(key, object);
  }
  return [...byKey.values()];
}

function objectKey(object: KubeObject): string {
  return `${object.kind}/${object.namespace}/${object.name}`;
}

function selects(
  selector: ReadonlyMap<string, string>,
  labels: ReadonlyMap<string, string>,
): boolean {
  if (selector.size === 0) return false;
  for (const [key, value] of selector) if (labels.get(key) !== value) return false;
  return true;
}

/** The services being built, and how Services and pod selectors map onto them. */
class ClusterGraph {
  private readonly byObject = new Map<string, ImportedService>();
  private readonly byId = new Map<string, ImportedService>();
  /** `namespace/name` of a Service -> the ids it stands for. */
  private readonly serviceTargets = new Map<string, string[]>();
  private readonly serviceObjects = new Map<string, KubeObject>();
  private readonly namespaces = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly workloads: readonly Workload[],
    kubeServices: readonly KubeService[],
  ) {
    const backing = new Map<KubeService, Workload[]>();
    for (const service of kubeServices) {
      const selected = workloads.filter(
        (w) =>
          w.object.namespace === service.object.namespace && selects(service.selector, w.podLabels),
      );
      backing.set(service, selected);
    }
    const nodes = [
      ...workloads.map((w) => w.object),
      ...kubeServices.filter((s) => backing.get(s)!.length === 0).map((s) => s.object),
    ];
    const ids = assignIds(
      nodes.map((o) => ({
        key: objectKey(o),
        candidates: [
          o.name,
          `${o.namespace}/${o.name}`,
          `${o.kind.toLowerCase()}:${o.namespace}/${o.name}`,
        ],
      })),
    );
    for (const object of nodes) {
      const service = newService(ids.get(objectKey(object))!);
      service.kind = object.kind.toLowerCase();
      if (object.namespaced) service.tags.push(`namespace:${object.namespace}`);
      this.byObject.set(objectKey(object), service);
      this.byId.set(service.id, service);
    }
    for (const workload of workloads) this.describeWorkload(workload);
    for (const [kubeService, selected] of backing) {
      const key = `${kubeService.object.namespace}/${kubeService.object.name}`;
      this.namespaces.add(kubeService.object.namespace);
      this.serviceObjects.set(key, kubeService.object);
      const targets = selected.length > 0 ? selected.map((w) => w.object) : [kubeService.object];
      this.serviceTargets.set(
        key,
        targets.map((o) => this.byObject.get(objectKey(o))!.id),
      );
      const type = kubeService.type === 'ClusterIP' ? '' : ` (${kubeService.type})`;
      const shown = `Service ${kubeService.object.name}${type}`;
      if (selected.length === 0) {
        const why =
          kubeService.selector.size === 0
            ? 'it has no selector'
            : 'no workload in the input matches its selector';
        this.byObject.get(objectKey(kubeService.object))!.notes.push(`${shown}: ${why}`);
      } else {
        for (const w of selected)
          this.byObject.get(objectKey(w.object))!.notes.push(`behind ${shown}`);
      }
    }
  }

  services(): ImportedService[] {
    return [...this.byObject.values()];
  }

  serviceByName(namespace: string, name: string): KubeObject | undefined {
    return this.serviceObjects.get(`${namespace}/${name}`);
  }

  markEntry(kubeService: KubeObject, why: string): void {
    const key = `${kubeService.namespace}/${kubeService.name}`;
    for (const id of this.serviceTargets.get(key) ?? []) {
      const service = this.byId.get(id)!;
      // A LoadBalancer or NodePort Service already has its own note.
      if (!service.entrypoint && why.startsWith('Ingress')) service.notes.push(`behind ${why}`);
      service.entrypoint = true;
    }
  }

  inferFromConfiguration(workload: Workload, diagnostics: Diagnostics): void {
    const owner = this.byObject.get(objectKey(workload.object))!;
    const namespace = workload.object.namespace;
    for (const config of workload.strings) {
      for (const reference of hostReferences(config.text, config.variable)) {
        const named = serviceNamed(reference.host, namespace, this.namespaces);
        if (named === undefined) continue;
        const targets = this.serviceTargets.get(`${named.namespace}/${named.name}`);
        if (targets !== undefined) {
          owner.dependsOn.push({ anyOf: targets, soft: false, note: config.origin });
          continue;
        }
        const warnKey = `${owner.id}\u0000${reference.host}`;
        if (!reference.addressed || this.warned.has(warnKey)) continue;
        this.warned.add(warnKey);
        diagnostics.warning(
          config.place,
          `${describeObject(workload.object)}: ${config.origin} names "${reference.host}", which is no Service in the input; no dependency made`,
        );
      }
    }
  }

  inferFromEgress(policy: ReturnType<typeof readEgressPolicy>): void {
    const namespace = policy.object.namespace;
    const inNamespace = this.workloads.filter((w) => w.object.namespace === namespace);
    const sources = inNamespace.filter((w) => selects(policy.podSelector, w.podLabels));
    for (const target of policy.targets) {
      for (const callee of inNamespace.filter((w) => selects(target, w.podLabels))) {
        const calleeId = this.byObject.get(objectKey(callee.object))!.id;
        for (const source of sources) {
          const note = `NetworkPolicy ${policy.object.name} egress`;
          this.byObject
            .get(objectKey(source.object))!
            .dependsOn.push({ anyOf: [calleeId], soft: false, note });
        }
      }
    }
  }

  private describeWorkload(workload: Workload): void {
    const service = this.byObject.get(objectKey(workload.object))!;
    const { kind } = workload.object;
    const replicas =
      kind === 'DaemonSet'
        ? 'one pod per node'
        : workload.replicas === undefined
          ? 'replicas not set (1)'
          : `replicas ${workload.replicas}`;
    service.notes.push(`${describeObject(workload.object)}: ${replicas}`);
    for (const spread of workload.spread) service.notes.push(`topology spread: ${spread}`);
  }
}

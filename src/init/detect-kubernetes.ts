// Finds Kubernetes manifests: YAML or JSON files with a top-level `apiVersion` and a `kind` the
// Kubernetes importer reads, one import per folder that has a workload or a Service. Helm
// templates (`{{ .Values… }}` and other template actions) are left out: they are not
// Kubernetes objects until rendered.

import { importKubernetes } from '../import/kubernetes/kubernetes.js';
import { byFolder, type Detector } from './detector.js';
import type { RepositoryFile } from './repository-files.js';

const KINDS = 'Deployment|StatefulSet|DaemonSet|Service|NetworkPolicy|Ingress|List';
const YAML_KIND = new RegExp(`^kind:[ \\t]*["']?(${KINDS})["']?[ \\t]*(?:#.*)?$`, 'gm');
const JSON_KIND = new RegExp(`"kind"\\s*:\\s*"(${KINDS})"`, 'g');
const API_VERSION = /^apiVersion:|"apiVersion"\s*:/m;
/** A Go template action, as Helm charts hold; `{{instance}}` in a dashboard's text is not one. */
const TEMPLATE_ACTION = /\{\{-?\s*(?:[.$]|include\b|template\b|if\b|range\b|with\b|toYaml\b)/;
/** A folder is imported when it declares what runs or how it is reached, not only policies. */
const RUNS = /^(?:Deployment|StatefulSet|DaemonSet|Service|List)$/;

/** The kinds the file declares that the importer reads (none for a Helm template). */
function kindsOf(file: RepositoryFile): string[] {
  if (!API_VERSION.test(file.text) || TEMPLATE_ACTION.test(file.text)) return [];
  const pattern = file.path.toLowerCase().endsWith('.json') ? JSON_KIND : YAML_KIND;
  return [...file.text.matchAll(pattern)].map((match) => match[1]!);
}

export const KUBERNETES: Detector = {
  source: 'kubernetes',
  title: 'Kubernetes manifests',
  find(files) {
    const manifests = files.filter((file) => kindsOf(file).length > 0);
    const candidates = [];
    for (const [folder, group] of byFolder(manifests)) {
      if (!group.some((file) => kindsOf(file).some((kind) => RUNS.test(kind)))) continue;
      candidates.push({
        source: 'kubernetes',
        folder,
        inputs: group.map((file) => file.path),
        notes: [],
        run: async () =>
          importKubernetes(group.map((file) => ({ file: file.path, text: file.text }))),
      });
    }
    return candidates;
  },
};

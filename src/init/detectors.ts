// The sources `init` looks for. When two describe the same services and name as many
// dependencies, the earlier one here wins (the Kubernetes manifests that deploy a system over
// the compose file that runs it on a laptop). Teaching `init` a new source is one entry here.

import { BACKSTAGE_CATALOG } from './detect-backstage.js';
import { CLOUDFORMATION } from './detect-cloudformation.js';
import { COMPOSE } from './detect-compose.js';
import type { Detector } from './detector.js';
import { KUBERNETES } from './detect-kubernetes.js';
import { TERRAFORM } from './detect-terraform.js';

export const DETECTORS: readonly Detector[] = [
  KUBERNETES,
  COMPOSE,
  BACKSTAGE_CATALOG,
  TERRAFORM,
  CLOUDFORMATION,
];

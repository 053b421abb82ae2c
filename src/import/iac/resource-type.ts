// What one resource type is at run time, the row type of the Terraform and CloudFormation
// tables: a service (its kind, zonal, regional or global, which fields name subnets, whether it
// spreads over them), placement folded into services, routing, or deploy-order only.

import type { IacRole } from './iac-model.js';

export interface ResourceType {
  role: IacRole;
  kind?: string;
  scope?: 'zonal' | 'regional' | 'global';
  /** Field paths holding subnet ids (`*` steps over a list). */
  subnets?: string[][];
  /** Spread over its subnets' zones (instances or nodes). */
  spread?: boolean;
}

/** A runtime service of this kind and scope. */
export const service = (
  kind: string,
  scope: ResourceType['scope'] = 'regional',
  extra: Partial<ResourceType> = {},
): ResourceType => ({ role: 'service', kind, scope, ...extra });

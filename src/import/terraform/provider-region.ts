// The region of a plan's provider configuration for one resource: its `provider_config_key`
// looked up in `configuration.provider_config` (loosely, by module, name and alias, since the keys
// of some Terraform versions do not match), and the `region` expression read as a constant or as
// a root variable's value. A provider block without a region gives nothing.

import type { Fact } from '../iac/iac-model.js';
import { isRecord, type Json } from '../shared/values.js';
import type { TfInput, TfInstance } from './instances.js';

export function providerRegion(
  input: TfInput,
  block: Json | undefined,
  instance: TfInstance,
): Fact | undefined {
  const configs = isRecord(input.configuration?.['provider_config'])
    ? input.configuration['provider_config']
    : {};
  const key =
    typeof block?.['provider_config_key'] === 'string' ? block['provider_config_key'] : undefined;
  const config = (key && configs[key]) || looseMatch(configs, key, instance);
  if (!isRecord(config)) return undefined;
  const expressions = isRecord(config['expressions']) ? config['expressions'] : {};
  const region = expressions['region'];
  if (!isRecord(region)) return undefined;
  const name = `provider ${String(config['name'] ?? 'configuration')}${config['alias'] ? `.${String(config['alias'])}` : ''}`;
  if (typeof region['constant_value'] === 'string' && region['constant_value'] !== '') {
    return { value: region['constant_value'], source: `${name} region` };
  }
  const references = Array.isArray(region['references']) ? region['references'] : [];
  for (const reference of references) {
    if (typeof reference !== 'string' || !reference.startsWith('var.')) continue;
    const variable = input.variables?.[reference.slice(4)];
    if (isRecord(variable) && typeof variable['value'] === 'string' && variable['value'] !== '') {
      return { value: variable['value'], source: `${name} region (${reference})` };
    }
  }
  return undefined;
}

/** `module.db:aws`, `db:aws.east`, `aws`…: the same provider name and alias, nearest module first. */
function looseMatch(configs: Json, key: string | undefined, instance: TfInstance): unknown {
  const local = key?.includes(':') ? key.slice(key.lastIndexOf(':') + 1) : key;
  const [name, alias] = (local ?? providerShortName(instance.providerName)).split('.');
  const candidates = Object.values(configs).filter(
    (c) => isRecord(c) && c['name'] === name && (c['alias'] ?? undefined) === alias,
  ) as Json[];
  const module = instance.module.replace(/\[[^\]]*\]/g, '');
  return (
    candidates.find((c) => c['module_address'] === module) ??
    candidates.find((c) => c['module_address'] === undefined)
  );
}

/** `registry.terraform.io/hashicorp/aws` -> `aws`. */
function providerShortName(name: string): string {
  const clean = name.replace(/^provider\["?/, '').replace(/"?\].*$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1);
}

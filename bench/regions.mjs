// The cloud providers, regions and zones the benchmark generators place services in; the weights
// say how much of a synthetic estate runs in each region.

export const PROVIDERS = [
  {
    name: 'aws',
    regions: [
      { name: 'us-east-1', zones: ['use1-az1', 'use1-az2', 'use1-az4'], weight: 0.3 },
      { name: 'eu-west-1', zones: ['euw1-az1', 'euw1-az2', 'euw1-az3'], weight: 0.12 },
      { name: 'ap-southeast-1', zones: ['apse1-az1', 'apse1-az2', 'apse1-az3'], weight: 0.08 },
    ],
  },
  {
    name: 'gcp',
    regions: [
      {
        name: 'us-central1',
        zones: ['us-central1-a', 'us-central1-b', 'us-central1-c'],
        weight: 0.1,
      },
      {
        name: 'europe-west1',
        zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
        weight: 0.08,
      },
      { name: 'asia-east1', zones: ['asia-east1-a', 'asia-east1-b', 'asia-east1-c'], weight: 0.05 },
    ],
  },
  {
    name: 'azure',
    regions: [
      { name: 'eastus', zones: ['eastus-1', 'eastus-2', 'eastus-3'], weight: 0.1 },
      { name: 'westeurope', zones: ['westeurope-1', 'westeurope-2', 'westeurope-3'], weight: 0.1 },
      {
        name: 'southeastasia',
        zones: ['southeastasia-1', 'southeastasia-2', 'southeastasia-3'],
        weight: 0.07,
      },
    ],
  },
];

/** Every region with its provider's name, and the running sum of the weights to pick one. */
export const REGIONS = PROVIDERS.flatMap((p) => p.regions.map((r) => ({ provider: p.name, ...r })));
export const REGION_CUMULATIVE = REGIONS.reduce(
  (acc, r) => [...acc, (acc.at(-1) ?? 0) + r.weight],
  [],
);

// Region and zone names as the clouds write them: the region an AZ or GCP zone belongs to, the
// region field of an ARN, and whether a string is an AWS region at all. Local Zone and
// Wavelength names (`us-west-2-lax-1a`) are zones whose region cannot be read off the name.

const AWS_REGION = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)$/;
const AWS_AZ = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)[a-z]$/;
const GCP_ZONE = /^([a-z]+-[a-z]+\d+)-[a-z]$/;
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/;

export function isAwsRegion(text: string): boolean {
  return AWS_REGION.test(text);
}

/** `us-east-1b` -> `us-east-1`; a Local Zone or anything else -> undefined. */
export function awsRegionOfZone(zone: string): string | undefined {
  return AWS_AZ.exec(zone)?.[1];
}

/** `us-central1-a` -> `us-central1`. */
export function gcpRegionOfZone(zone: string): string | undefined {
  return GCP_ZONE.exec(zone)?.[1];
}

export function isGcpZone(text: string): boolean {
  return GCP_ZONE.test(text);
}

export function isGcpRegion(text: string): boolean {
  return GCP_REGION.test(text);
}

/**
 * The region field of an ARN (`arn:aws:ec2:us-east-1:…`): the region, `''` for a global
 * service (IAM, Route 53, CloudFront, S3 buckets), undefined when the text is no ARN.
 */
export function arnRegion(arn: string): string | undefined {
  const parts = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):/.exec(arn);
  if (parts === null) return undefined;
  const region = parts[3]!;
  return region === '' || isAwsRegion(region) ? region : undefined;
}

/** `aws`, or `aws-cn` / `aws-us-gov` for the other partitions, from an ARN. */
export function arnPartition(arn: string): string | undefined {
  return /^arn:(aws[a-z-]*):/.exec(arn)?.[1];
}

// Where the Webdep 2023 example lives and what its manifest header says: shared by the script
// that writes fixtures/webdep-2023/blast-radius.yaml and the test that checks it is up to date.

export const WEBDEP_FILES = {
  dns: 'us-dns-202304',
  cdn: 'us-cdn-202304',
  ca: 'us-ca-202304',
} as const;

export const WEBDEP_EXAMPLE_HEADER = {
  what: "the CrUX US top sites of April 2023, from the Webdep pipeline's recorded classification (AqsaKashaf/Webdep 77d5fc4, MIT; see LICENSE), not live DNS",
  command: 'npm run build && node scripts/webdep-example.mjs',
};

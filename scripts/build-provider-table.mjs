// Builds src/discover/classify/builtin-providers.ts, the provider table `discover` ships, from
// the MIT-licensed maps of AqsaKashaf/Webdep (DNS_MAP, CDN_MAP, CA_MAP), turbobytes/cdnfinder
// (cnamechain.json) and projectdiscovery/cdncheck (provider.yaml, common.fqdn). Substrings become
// label-aligned suffixes; overbroad ones are dropped; the biggest providers get a stable id, a
// display name and the company as their `provider:` label. Usage:
//   node scripts/build-provider-table.mjs DIR   (DIR holds webdep/, cdnfinder/, cdncheck/)

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const VERSION = '2026.12.1';

/** Webdep group key -> our id, display name, company, SOA contacts (RNAME or MNAME suffixes). */
const DNS_CURATED = {
  'amazon.com': ['route53', 'Amazon Route 53', 'aws', ['awsdns-hostmaster.amazon.com']],
  cloudflare: ['cloudflare', 'Cloudflare DNS', 'cloudflare', ['dns.cloudflare.com']],
  'akam.net': ['akamai', 'Akamai Edge DNS', 'akamai', ['hostmaster.akamai.com']],
  'domaincontrol.com': ['godaddy', 'GoDaddy DNS', 'godaddy', ['dns.jomax.net']],
  'nsone.net': ['ns1', 'NS1', 'ibm', ['hostmaster.nsone.net']],
  'dnsmadeeasy.com': ['dnsmadeeasy', 'DNS Made Easy', 'digicert', []],
  ultradns: ['ultradns', 'UltraDNS', 'digicert', []],
  'azure-dns': ['azure-dns', 'Azure DNS', 'microsoft', ['azuredns-hostmaster.microsoft.com']],
  'googledomains.com': [
    'google-cloud-dns',
    'Google Cloud DNS',
    'google',
    ['cloud-dns-hostmaster.google.com'],
  ],
  'cscdns.net': ['csc', 'CSC DNS', 'csc', []],
  'worldnic.com': ['network-solutions', 'Network Solutions', 'newfold', []],
  'dynect.net': ['dyn', 'Dyn', 'oracle', []],
  'rackspace.com': ['rackspace', 'Rackspace DNS', 'rackspace', []],
  'easydns.com': ['easydns', 'easyDNS', 'easydns', []],
  'edgecastdns.net': ['edgecast', 'Edgecast DNS', 'edgio', []],
  'incapsula.com': ['imperva', 'Imperva DNS', 'imperva', []],
  'ovh.net': ['ovh', 'OVH DNS', 'ovh', []],
  'gandi.net': ['gandi', 'Gandi LiveDNS', 'gandi', []],
  'dnsimple.com': ['dnsimple', 'DNSimple', 'dnsimple', []],
  'digitalocean.com': ['digitalocean', 'DigitalOcean DNS', 'digitalocean', []],
  'he.net': ['hurricane-electric', 'Hurricane Electric DNS', 'hurricane-electric', []],
  'stackpathdns.net': ['stackpath', 'StackPath DNS', 'stackpath', []],
  constellix: ['constellix', 'Constellix', 'digicert', []],
  'dnspod.com': ['dnspod', 'DNSPod', 'tencent', []],
};

/** CDN names (lower-cased) as the sources spell them -> our id, display name, company. */
const CDN_CURATED = {
  akamai: ['akamai', 'Akamai', 'akamai'],
  cloudfront: ['cloudfront', 'Amazon CloudFront', 'aws'],
  'amazon cloudfront': ['cloudfront', 'Amazon CloudFront', 'aws'],
  amazon: ['cloudfront', 'Amazon CloudFront', 'aws'],
  fastly: ['fastly', 'Fastly', 'fastly'],
  cloudflare: ['cloudflare', 'Cloudflare', 'cloudflare'],
  edgecast: ['edgecast', 'Edgecast', 'edgio'],
  edgio: ['edgio', 'Edgio', 'edgio'],
  limelight: ['limelight', 'Limelight', 'edgio'],
  azure: ['azure-cdn', 'Azure CDN / Front Door', 'microsoft'],
  'windows azure': ['azure-cdn', 'Azure CDN / Front Door', 'microsoft'],
  google: ['google', 'Google', 'google'],
  incapsula: ['imperva', 'Imperva', 'imperva'],
  stackpath: ['stackpath', 'StackPath', 'stackpath'],
  maxcdn: ['stackpath', 'StackPath', 'stackpath'],
  highwinds: ['stackpath', 'StackPath', 'stackpath'],
  bunnycdn: ['bunny', 'Bunny CDN', 'bunny'],
  cdn77: ['cdn77', 'CDN77', 'cdn77'],
  netlify: ['netlify', 'Netlify', 'netlify'],
  keycdn: ['keycdn', 'KeyCDN', 'keycdn'],
  cachefly: ['cachefly', 'CacheFly', 'cachefly'],
  sucuri: ['sucuri', 'Sucuri', 'godaddy'],
  ibmcloud: ['ibm-cloud', 'IBM Cloud CDN', 'ibm'],
  softlayer: ['ibm-cloud', 'IBM Cloud CDN', 'ibm'],
};

/** Substrings that name far more than a CDN (a retail site, all of AWS, a telecom). */
const CDN_OVERBROAD = new Set([
  'amazon.com',
  'amazon.co.uk',
  'amazonaws.com',
  'elasticbeanstalk.com',
  'att.com',
  'azure.com',
  'windows.net',
  'youtube.com',
  'doubleclick.net',
  'googlesyndication.com',
  'facebook.com',
  'salesforce.com',
]);

/** Webdep CA key -> our id, display name, company. */
const CA_CURATED = {
  letsencrypt: ['letsencrypt', "Let's Encrypt", 'isrg'],
  digicertinc: ['digicert', 'DigiCert', 'digicert'],
  sectigolimited: ['sectigo', 'Sectigo', 'sectigo'],
  usertrust: ['sectigo', 'Sectigo', 'sectigo'],
  amazon: ['amazon-trust', 'Amazon Trust Services', 'aws'],
  googletrustservicesllc: ['google-trust', 'Google Trust Services', 'google'],
  'globalsignnv-sa': ['globalsign', 'GlobalSign', 'globalsign'],
  godaddycominc: ['godaddy', 'GoDaddy', 'godaddy'],
  starfieldtechnologiesinc: ['godaddy', 'GoDaddy', 'godaddy'],
  entrustinc: ['entrust', 'Entrust', 'entrust'],
  microsoftcorporation: ['microsoft', 'Microsoft PKI', 'microsoft'],
  appleinc: ['apple', 'Apple PKI', 'apple'],
};

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/build-provider-table.mjs CORPUS_DIR\n');
  process.exitCode = 2;
} else {
  build(dir);
}

function build(corpus) {
  const providers = new Map();
  const add = (kind, id, name, company, suffixes, extra = {}) => {
    const key = `${kind}:${id}`;
    const entry = providers.get(key) ?? {
      kind,
      id,
      name,
      provider: company,
      suffixes: [],
      soa: [],
      webdep: [],
    };
    providers.set(key, entry);
    entry.suffixes.push(...suffixes);
    if (extra.soa) entry.soa.push(...extra.soa);
    if (extra.webdep) entry.webdep.push(extra.webdep);
    return entry;
  };
  const claimed = new Map(); // kind:suffix -> entry key, first source wins

  const read = (file) => readFileSync(path.join(corpus, file), 'utf8');
  for (const line of read('webdep/DNSdep/DNS_MAP').split('\n')) {
    const [key, list] = splitOnce(line.trim(), ',');
    if (!key || list === undefined) continue;
    const [id, name, company, soa] = DNS_CURATED[key] ?? [slug(key), key, slug(key), []];
    const suffixes = list
      .split(';')
      .map(suffix)
      .filter((s) => s && claim(claimed, 'dns', s, id));
    add('dns', id, name, company, suffixes, { soa, webdep: key });
  }
  for (const line of read('webdep/CDNdep/CDN_MAP').split('\n')) {
    const [key, list] = splitOnce(line.trim(), ',');
    if (!key || list === undefined) continue;
    const [id, name, company] = CDN_CURATED[key.toLowerCase()] ?? [slug(key), key, slug(key)];
    const suffixes = list
      .split(';')
      .map(suffix)
      .filter((s) => s && !CDN_OVERBROAD.has(s) && claim(claimed, 'cdn', s, id));
    add('cdn', id, name, company, suffixes, { webdep: key.toLowerCase() });
  }
  for (const [pattern, cdn] of JSON.parse(read('cdnfinder/assets/cnamechain.json'))) {
    const s = suffix(pattern);
    if (!s || CDN_OVERBROAD.has(s) || !claim(claimed, 'cdn', s, null)) continue;
    const [id, name, company] = CDN_CURATED[cdn.toLowerCase()] ?? [slug(cdn), cdn, slug(cdn)];
    claimed.set(`cdn:${s}`, id);
    add('cdn', id, name, company, [s]);
  }
  const fqdn = parse(read('cdncheck/cmd/generate-index/provider.yaml')).common.fqdn;
  for (const [cdn, list] of Object.entries(fqdn)) {
    if (!/^[a-z0-9 -]+$/i.test(cdn)) continue;
    const [id, name, company] = CDN_CURATED[cdn.toLowerCase()] ?? [slug(cdn), cdn, slug(cdn)];
    const suffixes = list
      .map(suffix)
      .filter((s) => s && !CDN_OVERBROAD.has(s) && claim(claimed, 'cdn', s, id));
    if (suffixes.length > 0) add('cdn', id, name, company, suffixes);
  }
  for (const line of read('webdep/CAdep/CA_MAP').split('\n')) {
    const [key, list] = splitOnce(line.trim(), ',');
    if (!key || list === undefined) continue;
    const [id, name, company] = CA_CURATED[key] ?? [slug(key), key, slug(key)];
    const suffixes = list
      .split(';')
      .map(suffix)
      .filter((s) => s && claim(claimed, 'ca', s, id));
    add('ca', id, name, company, suffixes, { webdep: key });
  }
  // A CA's responders move between hosts of its own domain: the registrable domain matches too
  // (the first CA to list a host of that domain claims it).
  for (const entry of [...providers.values()].filter((each) => each.kind === 'ca')) {
    for (const host of [...entry.suffixes]) {
      const domain = registrable(host);
      if (domain && claim(claimed, 'ca', domain, entry.id)) entry.suffixes.push(domain);
    }
  }

  const entries = [...providers.values()]
    .map((entry) => ({
      ...entry,
      suffixes: [...new Set(entry.suffixes)].sort(),
      soa: [...new Set(entry.soa)].sort(),
      webdep: [...new Set(entry.webdep)].sort(),
    }))
    .filter((entry) => entry.suffixes.length > 0 || entry.soa.length > 0 || entry.webdep.length > 0)
    .sort((a, b) => (a.kind === b.kind ? cmp(a.id, b.id) : cmp(a.kind, b.kind)));
  const notices = ['webdep/LICENSE', 'cdnfinder/LICENSE', 'cdncheck/LICENSE.md'].map(
    (file) => `${file.split('/')[0]}:\n${read(file).trim()}`,
  );
  const header = [
    '// The provider table `discover` ships: name-server, CNAME and OCSP/CRL host suffixes mapped to',
    '// DNS, CDN and CA providers, each with a stable id and its company as the `provider:` label.',
    '// Generated by scripts/build-provider-table.mjs (do not edit by hand) from MIT-licensed maps:',
    '// AqsaKashaf/Webdep 77d5fc4 (DNS_MAP, CDN_MAP, CA_MAP), turbobytes/cdnfinder 9e1b948',
    '// (cnamechain.json) and projectdiscovery/cdncheck 6fbcc53 (provider.yaml). Their notices:',
    '//',
    ...notices.flatMap((notice) => notice.split('\n').map((line) => `//   ${line}`.trimEnd())),
    '',
    "import type { ProviderTableData } from './provider-entry.js';",
    '',
    'export const BUILTIN_PROVIDERS: ProviderTableData = ',
  ].join('\n');
  const data = {
    version: VERSION,
    source:
      'Webdep 2023 maps (MIT), cdnfinder (MIT), cdncheck (MIT); ownership of acquired providers as of 2025',
    providers: entries,
  };
  const out = path.join(import.meta.dirname, '../src/discover/classify/builtin-providers.ts');
  writeFileSync(out, `${header}${JSON.stringify(data, null, 2)};\n`);
  process.stdout.write(`${entries.length} providers written to ${out}\n`);
}

function claim(claimed, kind, s, id) {
  const key = `${kind}:${s}`;
  if (claimed.has(key)) return false;
  if (id !== null) claimed.set(key, id);
  return true;
}

/** A source pattern as a label-aligned suffix, or undefined when it is not one. */
function suffix(pattern) {
  const s = pattern
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s)) return undefined;
  return s;
}

/** The last two labels, or three under a country's second level (digicert.cn, x.co.uk). */
function registrable(host) {
  const labels = host.split('.');
  if (labels.length < 2) return undefined;
  const twoLevel =
    labels.length >= 3 &&
    /^[a-z]{2}$/.test(labels.at(-1)) &&
    /^(co|com|net|org|ac|gov)$/.test(labels.at(-2));
  return labels.slice(twoLevel ? -3 : -2).join('.');
}

function slug(text) {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

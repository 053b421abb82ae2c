// Which other Services a container's configuration names: `host:port`, URLs and cluster DNS
// names (`name.namespace.svc.cluster.local`) in environment variables, args and commands, with
// Kubernetes' `$(VAR)` references expanded first. A heuristic, documented as one.

/** A host that a piece of configuration names. */
export interface HostReference {
  /** Lower case, without a trailing dot. */
  host: string;
  /** True when it came with a port or a URL scheme, so it is certainly meant as an address. */
  addressed: boolean;
}

/** Variable names that hold an address when their value is a bare host name (`REDIS_HOST=redis`). */
const ADDRESS_NAME = /HOST|ADDR|URL|URI|ENDPOINT|SERVER|SERVICE|BROKER|DSN|BOOTSTRAP/i;
const SEPARATORS = /[\s,;'"()[\]{}<>|=]+/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_PORT = /^([a-z0-9][a-z0-9.-]*?)\.?(?::(\d{1,5}))?$/i;

/** `$(NAME)` replaced by the value of NAME in `env` (unknown names stay as written). */
export function expandEnvReferences(text: string, env: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g,
    (whole, name: string) => env.get(name) ?? whole,
  );
}

/**
 * Hosts named in `text`. With `variable` (an environment variable's name), a value that is one
 * bare host name counts too when the name says it holds an address.
 */
export function hostReferences(text: string, variable?: string): HostReference[] {
  const references: HostReference[] = [];
  const tokens = text.split(SEPARATORS).filter((token) => token !== '');
  for (const token of tokens) {
    const url = SCHEME.test(token);
    let authority = url ? token.replace(SCHEME, '') : token;
    authority = authority.split(/[/?#]/, 1)[0] ?? '';
    authority = authority.slice(authority.lastIndexOf('@') + 1);
    const match = HOST_PORT.exec(authority);
    if (!match) continue;
    const host = match[1]!.toLowerCase();
    if (/^[\d.]+$/.test(host) || host === 'localhost') continue;
    const hasPort = match[2] !== undefined;
    const bare = !url && !hasPort;
    if (bare && !(variable !== undefined && ADDRESS_NAME.test(variable) && text.trim() === token)) {
      continue;
    }
    references.push({ host, addressed: !bare });
  }
  return references;
}

/** A Service as a host name may name it: in the caller's namespace, or in the one it names. */
export interface ServiceName {
  namespace: string;
  name: string;
}

/**
 * The Service `host` names, seen from a pod in `namespace`: `name`, `name.namespace`,
 * `name.namespace.svc`, `name.namespace.svc.<cluster domain>`. Undefined for anything else
 * (`api.example.com`), and for `name.other` when `other` is not one of `namespaces`.
 */
export function serviceNamed(
  host: string,
  namespace: string,
  namespaces: ReadonlySet<string>,
): ServiceName | undefined {
  const labels = host.split('.');
  if (labels.length === 1) return { namespace, name: host };
  const [name, space, third] = labels as [string, string, string | undefined];
  if (third === 'svc' || (labels.length === 2 && namespaces.has(space))) {
    return { namespace: space, name };
  }
  return undefined;
}

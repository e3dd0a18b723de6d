/**
 * The support desk's defence against DNS rebinding. A page on an attacker's site can make the browser resolve its own
 * host name (`evil.example`) to 127.0.0.1 and then read the desk's answers as if they were same-origin. The browser
 * still sends `Host: evil.example`, so refusing every Host the desk does not know closes that hole.
 *
 * Only the host name is compared, never the port: a rebinding page necessarily uses the attacker's name, whatever the
 * port, while legitimate users often see another port than the one the desk listens on (Docker `-p 8080:3000`, an SSH
 * tunnel, a reverse proxy on 443). Django's ALLOWED_HOSTS and Vite's allowedHosts make the same choice.
 */

/** Names the desk always answers to: this machine's own, which no outside page can claim. */
export const loopbackHostNames: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

// Letters and digits of any script (an internationalised name becomes punycode below), `-` and `_` within dot-separated
// labels, an optional final dot. Rules out what `new URL` would silently reinterpret: `user@host`, paths, ports, `*`.
const HOST_NAME = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.?$/u;
const IPV6_LITERAL = /^(?:\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\]|([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*))$/;
const HOST_HEADER = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{0,5}))?$/;

/**
 * The canonical form of a host name or IP address (no port), as a browser would write it in `Host`: lower case,
 * punycode, IPv4 in dotted decimal, IPv6 compressed in brackets, no final dot. Undefined when it is not a host.
 *
 * @example
 * canonicalHost('Desk.Example.com.') // => 'desk.example.com'
 * canonicalHost('::1') // => '[::1]'
 * canonicalHost('desk.example.com:8080') // => undefined (a port is not part of a host name)
 */
export function canonicalHost(name: string): string | undefined {
  let candidate: string;
  const ipv6 = IPV6_LITERAL.exec(name);
  if (ipv6) candidate = `[${ipv6[1] ?? ipv6[2]}]`;
  else if (HOST_NAME.test(name) && name.length <= 254) candidate = name;
  else return undefined;
  try {
    // The WHATWG parser is what the browser used to build the Host header, so both sides agree on `127.1`, `0x7f.0.0.1`…
    const hostname = new URL(`http://${candidate}/`).hostname;
    return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  } catch {
    return undefined;
  }
}

/**
 * The canonical host of a `Host` header (`name`, `name:port`, `[v6]:port`); undefined when absent or malformed.
 *
 * @example
 * hostOfHeader('LOCALHOST:3000') // => 'localhost'
 * hostOfHeader('evil.example@localhost') // => undefined
 */
export function hostOfHeader(header: string | undefined): string | undefined {
  const match = header === undefined ? null : HOST_HEADER.exec(header);
  if (!match) return undefined;
  if (match[2] !== undefined && match[2] !== '' && Number(match[2]) > 65535) return undefined;
  return canonicalHost(match[1]!);
}

/**
 * The set of canonical host names a desk answers to: the loopback names plus `extra`. Throws on an entry that is not a
 * host name, so a typo in a caller's list fails at start-up instead of refusing every request.
 *
 * @example
 * const allowed = allowedHostSet(['desk.example.com']);
 * allowed.has(hostOfHeader('desk.example.com:443')!) // => true
 */
export function allowedHostSet(extra: readonly string[] = []): ReadonlySet<string> {
  const allowed = new Set<string>();
  for (const name of [...loopbackHostNames, ...extra]) {
    const canonical = canonicalHost(name.trim());
    if (canonical === undefined) {
      throw new Error(`web: allowed host ${JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)} is not a host name or IP address (no scheme, port or wildcard)`);
    }
    allowed.add(canonical);
  }
  return allowed;
}

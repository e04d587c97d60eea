import {domainToASCII} from 'node:url';
import {parse} from 'tldts';
import {isHostAtDomains} from '../../src/contract/index.ts';

/**
 * Which domain an address or a web site belongs to, by the Public Suffix
 * List (tldts): the rule behind verified organisations (an address at the
 * registrable domain of the organisation's `url`) and domain-restricted
 * signing (`allowed_domains`). Domains are compared and returned in ASCII
 * (IDN as punycode), so a look-alike in another script never matches and the
 * badge shows what the mail server really is.
 */

// Private suffixes count too: two blogspot.com sites are different owners.
const PSL = {allowPrivateDomains: true} as const;

/** A host name in lower-case ASCII without a trailing dot; null for an IP address or no valid name. */
export function asciiHost(host: string): string | null {
  const ascii = domainToASCII(host.trim().replace(/\.$/, ''));
  if (!ascii || ascii.startsWith('[') || !/^[a-z0-9.-]+$/.test(ascii) || ascii.split('.').some((l) => !l)) return null;
  return parse(ascii, PSL).isIp ? null : ascii;
}

/** The host an e-mail address is at (ASCII), or null. */
export function emailHost(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at > 0 ? asciiHost(address.slice(at + 1)) : null;
}

/** The registrable domain of a host (`www.riverkeepers.org` → `riverkeepers.org`); null for a bare suffix or an IP. */
export function registrableDomain(host: string): string | null {
  const ascii = asciiHost(host);
  return ascii === null ? null : parse(ascii, PSL).domain;
}

/** The registrable domain of an http(s) URL's host, or null. */
export function urlDomain(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? registrableDomain(parsed.hostname) : null;
}

/**
 * The domain an organisation is verified for when its address is at the
 * same registrable domain as its web site, else null. A subdomain of the
 * site's domain counts (`press@mail.riverkeepers.org`); a look-alike
 * (`evil-riverkeepers.org`, `riverkeepers.org.evil.com`) does not.
 */
export function verifiedDomain(email: string, url: string): string | null {
  const site = urlDomain(url);
  const host = emailHost(email);
  return site !== null && host !== null && registrableDomain(host) === site ? site : null;
}

/**
 * A publisher's allowed domain in canonical form (`Uni.Example.` →
 * `uni.example`), or null when it is no domain anyone can have mail at
 * (an IP, a bare public suffix such as `co.uk`).
 */
export function normalizeDomain(domain: string): string | null {
  const ascii = asciiHost(domain);
  return ascii !== null && parse(ascii, PSL).domain !== null ? ascii : null;
}

/** Whether the address is at one of the domains (canonical, see normalizeDomain) or a subdomain of one. */
export function isAtDomains(email: string, domains: readonly string[]): boolean {
  const host = emailHost(email);
  return host !== null && isHostAtDomains(host, domains);
}

/**
 * The HTTP security headers the site should be served with. The nginx and IIS examples in docs/deploying.md
 * and the test server all use these values; the CSP meta tag in each page repeats the policy
 * (minus frame-ancestors, which only works as a header).
 */
export const contentSecurityPolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives that fall back to default-src when absent (CSP Level 3), so a meta tag may leave them out. */
const fallsBackToDefault = new Set(['style-src', 'img-src', 'font-src', 'connect-src', 'object-src']);

/**
 * The policy as one header value. `forMeta` drops what a meta tag cannot carry (frame-ancestors) and,
 * to keep every page's head short, the directives that say no more than default-src: the policy the
 * browser enforces is the same. The header keeps every directive, for whoever reads it.
 */
export function cspString(forMeta = false): string {
  const defaults = contentSecurityPolicy['default-src']!.join(' ');
  const directives = Object.entries(contentSecurityPolicy)
    .filter(([name, values]) => !(forMeta && fallsBackToDefault.has(name) && values.join(' ') === defaults))
    .map(([name, values]) => `${name} ${values.join(' ')}`);
  if (!forMeta) directives.push("frame-ancestors 'self'");
  return directives.join('; ');
}

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': cspString(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'SAMEORIGIN',
  };
}

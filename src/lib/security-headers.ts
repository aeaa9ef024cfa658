/**
 * The HTTP security headers the site should be served with. The README's nginx and IIS examples
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

/** The policy as one header value; `forMeta` drops what a meta tag cannot carry. */
export function cspString(forMeta = false): string {
  const directives = Object.entries(contentSecurityPolicy).map(([name, values]) => `${name} ${values.join(' ')}`);
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

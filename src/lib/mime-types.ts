/** The content types the site's files are served with: the test server uses them all, IIS's web.config the ones it lacks. */
export const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  // Pagefind's index files are binary.
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Types IIS does not serve out of the box (it refuses unknown extensions), so web.config maps them. */
export const typesIisLacks = ['.pagefind', '.pf_fragment', '.pf_index', '.pf_meta', '.pf_filter', '.wasm', '.json', '.svg'];

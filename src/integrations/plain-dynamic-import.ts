/**
 * Vite plugin: replaces Vite's module-preload helper with a plain `import()` for the browser code.
 * The lazily loaded chunks (search, calculator, term highlighter) import no stylesheets, so the
 * helper has nothing to preload, yet it costs about 0.7 KB gzip in the one script every page
 * loads, which the page-weight budget cannot spare. The build fails if a lazy chunk ever starts
 * importing CSS, since the plain import would then leave that CSS unloaded.
 */
import type { Plugin } from 'vite';

const helperId = '\0vite/preload-helper.js';

export default function plainDynamicImport(): Plugin {
  return {
    name: 'tacrolimus-reference:plain-dynamic-import',
    enforce: 'pre',
    // Only the browser build uses the helper; the prerendering build is left alone.
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    resolveId(id) {
      return id === helperId || id === 'vite/preload-helper.js' ? helperId : null;
    },
    load(id) {
      return id === helperId ? 'export const __vitePreload = (importModule) => importModule();' : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const importedCss = (chunk as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss;
        if (chunk.type === 'chunk' && chunk.isDynamicEntry && importedCss && importedCss.size > 0) {
          this.error(`${chunk.fileName} imports CSS; load its styles with a <link> instead (see src/integrations/plain-dynamic-import.ts).`);
        }
      }
    },
  };
}

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
      // With more than one entry script (the dose calculator's loader has its own), the helper
      // becomes a chunk of its own: one more request on every page for one line. Put the line back
      // into each chunk that imports it.
      const helper = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && chunk.moduleIds.length === 1 && chunk.moduleIds[0] === helperId,
      );
      if (helper) {
        const name = helper.fileName.split('/').pop()!.replace(/[.]/g, '\\.');
        const staticImport = new RegExp(`import\\{\\s*\\w+\\s+as\\s+(\\w+)\\s*\\}\\s*from\\s*["']\\./${name}["'];?`);
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.imports.includes(helper.fileName)) continue;
          if (!staticImport.test(chunk.code)) this.error(`${chunk.fileName}: could not inline the module-preload helper.`);
          chunk.code = chunk.code.replace(staticImport, (_statement, local: string) => `const ${local}=(load)=>load();`);
          chunk.imports = chunk.imports.filter((fileName) => fileName !== helper.fileName);
        }
        delete bundle[helper.fileName];
      }
      for (const chunk of Object.values(bundle)) {
        const importedCss = (chunk as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss;
        if (chunk.type === 'chunk' && chunk.isDynamicEntry && importedCss && importedCss.size > 0) {
          this.error(`${chunk.fileName} imports CSS; load its styles with a <link> instead (see src/integrations/plain-dynamic-import.ts).`);
        }
      }
    },
  };
}

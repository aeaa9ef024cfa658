/**
 * How the search box drives Pagefind, in one place so the benchmark times the engine exactly as the
 * search box uses it.
 */

/** Options passed to `pagefind.options()` (with `baseUrl`, which depends on the build's base path). */
export const pagefindOptions = { highlightParam: 'highlight', excerptLength: 22 } as const;

/** Milliseconds the box waits after a keystroke before it searches. */
export const debounceMs = 80;

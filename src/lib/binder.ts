/**
 * The binder puts every topic on one page, so ids that are unique within a topic (headings,
 * citations, references) must be prefixed with the topic's slug to stay unique in the binder.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(/\b(id|aria-labelledby)="([^"]+)"/g, (_match, attribute: string, value: string) => `${attribute}="${prefix}${value}"`)
    .replace(/\bhref="#([^"]+)"/g, (_match, target: string) => `href="#${prefix}${target}"`);
}

/** Moves every heading one level down (h2 -> h3 ...), as topics sit under the binder's own headings. */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([2-5])\b/g, (_match, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}

/** Removes the per-section print buttons, which belong to the topic page, not the binder. */
export function withoutSectionPrintButtons(html: string): string {
  return html.replace(/<button[^>]*data-print-section[^>]*>[\s\S]*?<\/button>/g, '');
}

/**
 * Links between topics point inside the binder once every topic is on the page:
 * `{base}topics/slug/#heading` becomes `#slug--heading`, `{base}topics/slug/` the topic's own title.
 */
export function linksWithinBinder(html: string, base: string, slugs: Set<string>): string {
  const cleanBase = base.endsWith('/') ? base : `${base}/`;
  const escaped = cleanBase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.replace(new RegExp(`href="${escaped}topics/([a-z0-9-]+)/(?:#([^"]+))?"`, 'g'), (whole, slug: string, heading?: string) =>
    slugs.has(slug) ? `href="#${slug}--${heading ?? 'topic'}"` : whole,
  );
}

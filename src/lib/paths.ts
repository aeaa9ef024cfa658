/** Joins the site's base path and a site path: ("/guidelines/tac/", "/topics/x/") -> "/guidelines/tac/topics/x/". */
export function joinBase(base: string, path: string): string {
  const cleanBase = base.endsWith('/') ? base : `${base}/`;
  return `${cleanBase}${path.replace(/^\/+/, '')}`;
}

/** A site path under the configured base (`BASE_PATH` at build time). */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The page address of a topic. */
export function topicPath(slug: string): string {
  return withBase(`topics/${slug}/`);
}

/**
 * Site-wide values. The code's own constants (title, language, review cycle) live here; the content
 * version, the editorial owner and the releases so far are content, read from `content/site.yaml`.
 * `SITE_URL` (optional) is the public address the site is served from; printouts use it for the
 * live-page pointer and QR code. Without it they print the path only.
 */
import { loadSiteContent } from './lib/site-content.ts';

const content = loadSiteContent();

export const site = {
  title: 'Tacrolimus Reference',
  tagline: 'Tacrolimus in nephrotic syndrome: a reference for clinicians',
  /** Content version (content/site.yaml): printed on every page, so printed binders can be matched to it. */
  version: content.version,
  /** Editorial owner (content/site.yaml). */
  owner: content.owner,
  /** Every content version released so far, newest first, with its date (content/site.yaml). */
  releases: content.releases,
  /** How often an approved topic must be re-reviewed, in months: `npm run approve` sets the next review this far on by default. */
  reviewCycleMonths: 24,
  /** Public address of the live site, e.g. https://intranet.example.org/guidelines/tacrolimus/ */
  siteUrl: process.env.SITE_URL || undefined,
  language: 'en-GB',
} as const;

export type Site = typeof site;

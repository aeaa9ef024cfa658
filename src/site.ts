/**
 * Site-wide values: the one place to change the title, version, owner and review cycle.
 * `SITE_URL` (optional) is the public address the site is served from; printouts use it for the
 * live-page pointer and QR code. Without it they print the path only.
 */
export const site = {
  title: 'Tacrolimus Reference',
  tagline: 'Tacrolimus in nephrotic syndrome: a reference for clinicians',
  /** Content version: bump when guidance changes, so printed binders can be matched to it. */
  version: '0.1.0',
  owner: 'Tacrolimus Reference editorial team',
  /** How often an approved topic must be re-reviewed, in months. */
  reviewCycleMonths: 12,
  /** Public address of the live site, e.g. https://intranet.example.org/guidelines/tacrolimus/ */
  siteUrl: process.env.SITE_URL || undefined,
  language: 'en-GB',
} as const;

export type Site = typeof site;

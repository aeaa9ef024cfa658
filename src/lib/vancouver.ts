/**
 * Formats one reference in Vancouver style (the NLM/ICMJE convention), e.g.
 * "Chin HJ, et al. Comparison of ... adults. J Am Soc Nephrol. 2021 Jan;32(1):199-210."
 * Identifiers (DOI, PMID, PMCID) and the web address are returned separately so the page can
 * make them links; `formatVancouverText` gives the single-line form for tests and print.
 */
import type { Reference } from '../content.config.ts';

/** Vancouver lists up to six authors, then "et al.". */
const maxAuthors = 6;

export interface VancouverParts {
  /** "Authors. Title. Source." with the final full stop. */
  citation: string;
  doi?: { label: string; href: string };
  pubmed?: { label: string; href: string };
  pmc?: { label: string; href: string };
  url?: string;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function authorList(reference: Pick<Reference, 'authors' | 'etAl'>): string | undefined {
  const { authors, etAl } = reference;
  if (authors.length === 0) return undefined;
  const shown = authors.slice(0, maxAuthors);
  const truncated = etAl || authors.length > maxAuthors;
  return `${shown.join(', ')}${truncated ? ', et al' : ''}`;
}

/** "2021 Jan;32(1):199-210" from whichever parts are known. */
function sourceDetails(reference: Reference): string | undefined {
  const date = [reference.year, reference.month].filter(Boolean).join(' ');
  const volumeIssue = `${reference.volume ?? ''}${reference.issue ? `(${reference.issue})` : ''}`;
  let details = date;
  if (volumeIssue) details += `${details ? ';' : ''}${volumeIssue}`;
  if (reference.pages) details += `${details ? ':' : ''}${reference.pages}`;
  return details || undefined;
}

export function formatVancouver(reference: Reference): VancouverParts {
  const parts: string[] = [];
  const authors = authorList(reference);
  if (authors) parts.push(sentence(authors));
  parts.push(sentence(reference.title));
  const details = sourceDetails(reference);
  if (reference.journal) {
    parts.push(sentence(reference.journal));
    if (details) parts.push(sentence(details));
  } else if (reference.publisher) {
    // Books, guidelines and web pages: "Publisher; Year."
    parts.push(sentence(details ? `${reference.publisher}; ${details}` : reference.publisher));
  } else if (details) {
    parts.push(sentence(details));
  }
  return {
    citation: parts.join(' '),
    doi: reference.doi ? { label: `doi:${reference.doi}`, href: `https://doi.org/${reference.doi}` } : undefined,
    pubmed: reference.pmid ? { label: `PMID: ${reference.pmid}`, href: `https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/` } : undefined,
    pmc: reference.pmcid ? { label: `PMCID: ${reference.pmcid}`, href: `https://pmc.ncbi.nlm.nih.gov/articles/${reference.pmcid}/` } : undefined,
    url: reference.url,
  };
}

/** The whole reference as one line of text, identifiers included. */
export function formatVancouverText(reference: Reference): string {
  const parts = formatVancouver(reference);
  const identifiers = [parts.doi?.label, parts.pubmed?.label, parts.pmc?.label].filter(Boolean).map((part) => sentence(part as string));
  // Vancouver ends a web address without a full stop, so the address can be copied as it is.
  const address = parts.url ? [`Available from: ${parts.url}`] : [];
  return [parts.citation, ...identifiers, ...address].join(' ');
}

/**
 * Words about how the site was made have no place on it: a reader wants to know what was seen and
 * where, not how the pages were put together. Phrases, not single words, so ordinary clinical
 * sentences ("passes into breast milk", "the study notes that") still pass. A test runs this list
 * over every built page.
 */
export const processPhrases: readonly RegExp[] = [
  /\bthe project(?:['’]s)?\b/i,
  /\bthis project\b/i,
  /\bour (?:own )?notes\b/i,
  /\breference pass\b/i,
  /\b(?:first|second|third|later) (?:reference )?pass\b(?![- ]?(?:metabolism|effect|through|elimination))/i,
  /\bsafety notes\b/i,
  /\bsafety-facts list\b/i,
  /\btagged \[\d/i,
  /\bfor this site\b/i,
  /\bthis site['’]s check\b/i,
  /\bthe site['’]s check\b/i,
  /\blater file\b/i,
  /\bsources-3\b/i,
  /\bshared\/references\b/i,
  /\bthe seeds?\b(?! (?:of|coat|oil|capsules?)\b)/i,
  /\bseed (?:copy|documents?|files?|text)\b/i,
  /\bnot in the notes\b/i,
  /\bsafety-sources\b/i,
  /\bcode search\b/i,
  /\bexact-string\b/i,
  /\bsupersedes the entry\b/i,
  /\bthe entry [a-z0-9]+(?:-[a-z0-9]+)+\b/i,
  /\bsources seen\b/i,
  /\binferred from the wording\b/i,
  /\bdeliberately left out\b/i,
  /\bevidence notes folded\b/i,
  /\bwith short markers\b/i,
  /\bmarkers? at the figures?\b/i,
  /\breferences-2\b/i,
  /\bsearch corpora\b/i,
  /\bunconfirmed recollections?\b/i,
];

/** The process phrases found in a text, each as it was written there. */
export function findProcessLanguage(text: string): string[] {
  const found: string[] = [];
  for (const phrase of processPhrases) {
    const match = phrase.exec(text);
    if (match) found.push(match[0]);
  }
  return found;
}

/** Sentences that read like process language to a careless filter, and must still pass. */
export const sentencesThatPass: readonly string[] = [
  'Tacrolimus passes into breast milk in small amounts.',
  'The study notes that troughs fell between 2 and 7 ng/mL.',
  'Tacrolimus undergoes first-pass metabolism in the gut wall and liver.',
  'A first pass through the liver removes part of each dose.',
  'The site makes no requests outside its own server.',
  'Projected relapse rates were not reported.',
  'The seeds of the plant are not used.',
  'Record the time of the last dose in the notes and on the request form.',
  'No source read gives a figure for older adults.',
  'The entry criteria of the trial excluded children.',
  'Search the references page for a study by its first author.',
  'Markers beside a figure say how sure it is.',
];

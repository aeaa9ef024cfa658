/**
 * An unconfirmed figure keeps its label wherever it is repeated. A figure (a number with its unit:
 * "12 months", "2-6 ng/mL", "25%") stated in a topic's body sentence beside an `[unconfirmed](evidence:...)`
 * marker is "marked". A summary (a topic's Key points, the home page's At a glance) that states the same
 * figure about the same subject (a content word shared near the figure in both sentences) must label it
 * too: with an evidence marker that says how uncertain it is, or in words ("not confirmed").
 * Pure functions: the content checks run them over every topic and the at-a-glance page.
 */

/** A Markdown body to read, with the line its body starts on (1-based) in its file. */
export interface SummarySource {
  file: string;
  body: string;
  bodyLine: number;
}

/** A figure as written and in its compared form ("12-month" and "12 months" -> "12 month"). */
export interface Figure {
  text: string;
  key: string;
  /** Offset of the figure in the plain sentence. */
  offset: number;
}

/** One sentence of a body, with where it is and what kind of text holds it. */
export interface Sentence {
  file: string;
  line: number;
  /** As written, markers and citations included. */
  raw: string;
  /** Without citations and marker links; link texts kept. */
  plain: string;
  where: 'key-points' | 'body';
}

/** A marked figure: the figure, the words around it and where it is. */
export interface MarkedFigure {
  figure: string;
  stems: Set<string>;
  file: string;
  line: number;
  sentence: string;
}

export interface SummaryLabelProblem {
  file: string;
  line: number;
  message: string;
}

const units = String.raw`ng\/mL|µg\/L|mg\/kg\/day|mg\/kg per dose|mg\/kg|mg\/day|mg\/mmol|mg\/g|g\/L|g\/day|mL\/min(?:\/1\.73 ?m²)?|mg|%|months?|weeks?|days?|years?|hours?`;
/** 12 months, 2-6 ng/mL, 2 to 6 ng/mL, 5.7%, 52.6-97.6%. */
const figurePattern = new RegExp(String.raw`(?<![\d.,/])(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*(${units})(?![A-Za-z])`, 'g');
/** 12-month, 6-week: the adjective form of a duration. */
const adjectiveDuration = /(?<![\d.])(\d+)-(month|week|day|year|hour)(?![A-Za-z])/g;

function unitKey(unit: string): string {
  const lower = unit.toLowerCase();
  if (/^(month|week|day|year|hour)s?$/.test(lower)) return lower.replace(/s$/, '');
  return unit;
}

/** The figures of a plain sentence, each with its compared form. */
export function figuresIn(plain: string): Figure[] {
  const found: Figure[] = [];
  for (const match of plain.matchAll(figurePattern)) {
    const numbers = match[2] ? `${match[1]}-${match[2]}` : match[1];
    found.push({ text: match[0], key: `${numbers} ${unitKey(match[3])}`, offset: match.index });
  }
  for (const match of plain.matchAll(adjectiveDuration)) {
    found.push({ text: match[0], key: `${match[1]} ${match[2]}`, offset: match.index });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Words too common to name a subject. */
const commonWords = new Set(
  `about above after again against also among another around because been before being below between both cannot could does doing down during each either even every from further given gives have having here into just least less more most much must never only other otherwise over same should since some still such than that their them then there these they this those through under until upon very were what when where whether which while with within without would your
  source sources article articles study studies trial trials figure figures report reports reported states stated says according seen shown gives given page tacrolimus patient patients people treatment treated dose doses taking takes take used using
  month months week weeks year years hour hours
  remission remissions complete completely nephrotic syndrome disease diseases reach reached reaches reaching`.split(/\s+/).filter(Boolean),
);

/**
 * A word's compared form: lower case, its first six letters ("responders" and "respond" both "respon");
 * a hyphenated compound whole ("steroid-resistant" is not "steroid").
 */
function stem(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('-') ? lower : lower.slice(0, 6);
}

interface Token {
  stem: string;
  offset: number;
}

function contentTokens(plain: string): Token[] {
  const tokens: Token[] = [];
  for (const match of plain.matchAll(/[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*/g)) {
    if (match[0].length < 4) continue;
    if (commonWords.has(match[0].toLowerCase())) continue;
    tokens.push({ stem: stem(match[0]), offset: match.index });
  }
  return tokens;
}

/** How many words either side of a figure count as its subject. */
const subjectWindow = 8;

/** The content words near a figure (up to eight either side), compared by stem. */
export function subjectNear(plain: string, offset: number): Set<string> {
  const words = [...plain.matchAll(/\S+/g)];
  const at = Math.max(0, words.findIndex((word) => word.index + word[0].length > offset));
  const from = words[Math.max(0, at - subjectWindow)]?.index ?? 0;
  const lastWord = words[Math.min(words.length - 1, at + subjectWindow)];
  const to = lastWord ? lastWord.index + lastWord[0].length : plain.length;
  return new Set(contentTokens(plain).filter((token) => token.offset >= from && token.offset < to).map((token) => token.stem));
}

const markerLink = /\[([^\]\n]+)\]\(evidence:[^)\s]*\)/g;
const citation = /\[@[^\]]+\]/g;
const anyLink = /(?<!!)\[([^\]\n]+)\]\([^)\s]+\)/g;

/** A sentence without its citations and evidence markers, links reduced to their text. */
export function plainText(raw: string): string {
  return raw.replace(markerLink, '').replace(citation, '').replace(anyLink, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/\s+([.,;:)])/g, '$1').trim();
}

/** Marker words that tell the reader a figure is uncertain. */
const uncertainMarkers = new Set(['unconfirmed', 'sources differ', 'low reliability']);
const uncertainWords = /\bunconfirmed\b|\bnot confirmed\b|\bcould not be confirmed\b|\bprimary study (?:was )?not (?:found|identified|confirmed)\b/i;

/** Does a sentence label its figures as uncertain, by marker or in words? */
export function isLabelled(raw: string): boolean {
  for (const match of raw.matchAll(markerLink)) if (uncertainMarkers.has(match[1])) return true;
  return uncertainWords.test(plainText(raw));
}

/** Sentences in a text: split after . ! ? before a capital letter or a digit. */
function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/).filter((part) => part.trim() !== '');
}

/**
 * The sentences of a body: Key points bullets as 'key-points', the rest as 'body'. Evidence notes
 * (block quotes), headings, code and tables' divider rows are left out; a table row is read as one text.
 */
export function sentencesOf(source: SummarySource, wholeIsSummary = false): Sentence[] {
  const sentences: Sentence[] = [];
  let inKeyPoints = false;
  let inFence = false;
  source.body.split('\n').forEach((line, index) => {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    const heading = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/.exec(line);
    if (heading) {
      if (heading[1].length <= 2) inKeyPoints = heading[1].length === 2 && /^Key points$/i.test(heading[2].trim());
      return;
    }
    if (line.startsWith('>') || /^\|?[\s:|-]+\|[\s:|-]*$/.test(line) || line.trim() === '') return;
    const text = line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '');
    for (const raw of splitSentences(text)) {
      sentences.push({
        file: source.file,
        line: source.bodyLine + index,
        raw,
        plain: plainText(raw),
        where: wholeIsSummary || inKeyPoints ? 'key-points' : 'body',
      });
    }
  });
  return sentences;
}

/**
 * Splits a clause at commas and semicolons that are not inside brackets, keeping each part's text.
 */
function phrases(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if ((char === ',' || char === ';' || char === ':') && depth === 0 && /\s/.test(text[index + 1] ?? ' ')) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The text an unconfirmed marker covers. Markers sit at their figure, so a marker covers the figures of
 * its own phrase (the part between commas, semicolons or colons that holds it, brackets kept whole); when that
 * phrase has no figure, the nearest phrase before it that has one. A condition earlier in the sentence
 * ("If a partial remission is reached by 6 months, continue for at least 12 months [unconfirmed]") is
 * not covered.
 */
export function markedPhrases(raw: string): string[] {
  const parts = phrases(raw);
  const covered: string[] = [];
  parts.forEach((part, index) => {
    if (![...part.matchAll(markerLink)].some((match) => match[1] === 'unconfirmed')) return;
    for (let back = index; back >= 0; back--) {
      const text = back === index ? part.slice(0, part.search(/\[unconfirmed\]\(evidence:/)) : parts[back];
      if (figuresIn(plainText(text)).length > 0) {
        covered.push(text);
        return;
      }
    }
  });
  return covered;
}

/** Every figure that a topic body marks unconfirmed, with the words around it. */
export function markedFigures(sources: SummarySource[]): MarkedFigure[] {
  const marked: MarkedFigure[] = [];
  for (const source of sources) {
    for (const sentence of sentencesOf(source)) {
      if (sentence.where !== 'body') continue;
      for (const phrase of markedPhrases(sentence.raw)) {
        const covered = new Set(figuresIn(plainText(phrase)).map((figure) => figure.key));
        // The subject is read in the whole sentence, around the covered figure.
        for (const figure of figuresIn(sentence.plain)) {
          if (!covered.has(figure.key)) continue;
          marked.push({ figure: figure.key, stems: subjectNear(sentence.plain, figure.offset), file: source.file, line: sentence.line, sentence: sentence.plain });
        }
      }
    }
  }
  return marked;
}

function shorten(text: string, length = 110): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/**
 * Summary sentences (Key points of every topic, and the whole at-a-glance page) that state a figure
 * marked unconfirmed in a topic's body, about the same subject, without a label of their own.
 */
export function summaryLabelProblems(topics: SummarySource[], glance?: SummarySource): SummaryLabelProblem[] {
  const marked = markedFigures(topics);
  const summaries = [
    ...topics.flatMap((topic) => sentencesOf(topic).filter((sentence) => sentence.where === 'key-points')),
    ...(glance ? sentencesOf(glance, true) : []),
  ];
  const problems: SummaryLabelProblem[] = [];
  for (const sentence of summaries) {
    if (isLabelled(sentence.raw)) continue;
    const reported = new Set<string>();
    for (const figure of figuresIn(sentence.plain)) {
      if (reported.has(figure.key)) continue;
      const subject = subjectNear(sentence.plain, figure.offset);
      const match = marked.find((entry) => entry.figure === figure.key && [...entry.stems].some((word) => subject.has(word)));
      if (!match) continue;
      reported.add(figure.key);
      problems.push({
        file: sentence.file,
        line: sentence.line,
        message: `the figure "${figure.text}" is marked unconfirmed in ${match.file}:${match.line} ("${shorten(match.sentence)}") but this summary states it without a label: "${shorten(sentence.plain)}"; add [unconfirmed](evidence:...) beside it, or say that its primary study is not confirmed`,
      });
    }
  }
  return problems;
}

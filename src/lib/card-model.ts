/**
 * The bedside card as data: content/card.yaml's sections filled from the topics' rendered key points
 * and tables and from the dose tools' data, with one citation numbering for the whole card, in the
 * order the card shows its sections. Pure: the page (src/pages/card.astro) passes the topics in.
 */
import type { Card, CardSection, DoseTools, Product, Timeline } from '../content.config.ts';
import type { LocalContact } from './local.ts';
import type { NumberedCitation } from './citations.ts';
import { adopt, CardCitations, expandEachAbbreviationOnce, innerHtml, keyPoints, otherTroughRanges, pickKeyPoint, tableAsRow, troughRows, type CardRowItem, type CardTroughRow } from './card.ts';
import { cardDoseBands, type CardDose } from './card-dose.ts';
import { timelineRows } from './timeline.ts';

/** A topic as the card needs it: its rendered HTML and its page address. */
export interface CardTopic {
  html: string;
  path: string;
  title: string;
}

export interface CardKeyPointHtml {
  topic: string;
  /** HTML of the key point, its citations numbered for the card. */
  html: string;
}

export interface CardSectionModel {
  section: CardSection;
  keyPoints: CardKeyPointHtml[];
  row?: CardRowItem[];
  /** The topic the section's sentences come from (for "more in ..."). */
  topics: string[];
}

export interface CardModel {
  card: Card;
  /** The patient, regimen, products and bands of the starting-dose section. */
  dose: CardDose;
  troughs: CardTroughRow[];
  otherRanges: ReturnType<typeof otherTroughRanges>;
  sections: CardSectionModel[];
  contacts: LocalContact[];
  citations: NumberedCitation[];
}

export interface CardInputs {
  card: Card;
  topics: Map<string, CardTopic>;
  tools: DoseTools;
  timeline: Timeline;
  /** The products doses are measured in (whole capsules, whole sachets). */
  products: Product[];
  contacts: LocalContact[];
}

export function cardModel({ card, topics, tools, timeline, products, contacts }: CardInputs): CardModel {
  if (!tools.patients.some((patient) => patient.id === card.dosePatient)) {
    throw new Error(`content/card.yaml: dosePatient "${card.dosePatient}" is not a patient in content/dose-tools.yaml (${tools.patients.map((item) => item.id).join(', ')}).`);
  }
  const dose = cardDoseBands(tools, products, card.dosePatient);
  const topicOf = (slug: string) => {
    const topic = topics.get(slug);
    if (!topic) throw new Error(`content/card.yaml: no topic "${slug}".`);
    return topic;
  };
  const citations = new CardCitations();
  const troughs = troughRows(tools);
  const otherRanges = otherTroughRanges(tools);
  const built = card.sections.map((section) => {
    // Data blocks come first in a section, so their citations are numbered first.
    if (section.show === 'dose-bands') {
      citations.number([...dose.regimen.citations, ...dose.patient.sourcesDiffer.flatMap((item) => item.citations), ...tools.doseRule.citations, ...dose.products.flatMap((product) => product.citations)]);
    }
    if (section.show === 'trough-targets') citations.number([...troughs.flatMap((row) => row.citations), ...otherRanges.flatMap((row) => row.citations)]);
    if (section.show === 'timeline') citations.number(timelineRows(tools, timeline).flatMap((row) => row.citations));
    const row = section.table ? tableAsRow(topicOf(section.table.topic).html, section.table.section, section.table.valueColumn, section.table.sourceColumn, topicOf(section.table.topic).path, citations) : undefined;
    const points = section.keyPoints.map((pick) => {
      const topic = topicOf(pick.topic);
      return { topic: pick.topic, element: adopt(pickKeyPoint(keyPoints(topic.html), pick), topic.path, citations) };
    });
    const used = [...new Set([...section.keyPoints.map((pick) => pick.topic), ...(section.table ? [section.table.topic] : [])])];
    return { section, points, row, topics: used };
  });
  // The card reads down the left column, then the right: an abbreviation is spelled out at its first use in that order.
  const readingOrder = [1, 2].flatMap((column) => built.filter(({ section }) => section.column === column));
  expandEachAbbreviationOnce(readingOrder.flatMap(({ points }) => points.map((point) => point.element)));
  const sections = built.map(({ section, points, row, topics: used }): CardSectionModel => ({
    section,
    keyPoints: points.map((point) => ({ topic: point.topic, html: innerHtml(point.element) })),
    row,
    topics: used,
  }));
  return { card, dose, troughs, otherRanges, sections, contacts, citations: citations.all() };
}

/** Loads content/card.yaml (the bedside card's sections), checked against cardSchema. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlData } from './yaml-data.ts';
import { cardSchema, type Card } from '../content.config.ts';

export const cardFile = 'content/card.yaml';


/** Parses a card file's text; throws naming the field at fault. */
export function parseCard(text: string, file = cardFile): Card {
  return parseYamlData(text, file, cardSchema);
}

export function loadCard(root = process.cwd()): Card {
  return parseCard(readFileSync(join(root, cardFile), 'utf8'), cardFile);
}

/** The bedside card's own page: its title and summary (from content/card.yaml) and site path, for the links to it. */
export const cardPage = (({ title, summary }) => ({ title, summary, path: 'card/' }))(loadCard());

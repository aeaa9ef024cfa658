/**
 * Loads the `timeline:` key of content/dose-tools.yaml (the treatment timeline's milestones and
 * taper), checked against its schema and against the phases it is drawn with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlData } from './yaml-data.ts';
import { timelineFileSchema, type Timeline } from '../content.config.ts';

/** Parses the timeline from the text of dose-tools.yaml; throws naming the field at fault. */
export function parseTimeline(text: string, file = 'content/dose-tools.yaml'): Timeline {
  return parseYamlData(text, file, timelineFileSchema).timeline;
}

export function loadTimeline(root = process.cwd()): Timeline {
  return parseTimeline(readFileSync(join(root, 'content/dose-tools.yaml'), 'utf8'));
}

/**
 * The treatment timeline: the course of tacrolimus as a picture (months across; one lane per phase
 * with its headline trough range; the 6-month judgement, the 12-month minimum and the taper), and
 * the table it is drawn from. Pure geometry: numbers and words in, shapes out; the SVG itself is
 * written by src/components/Timeline.astro. Every figure comes from content/dose-tools.yaml.
 */
import type { DoseTools, RangeEvidence, Timeline } from '../content.config.ts';
import { headlineRange, rangeEvidenceWords, troughRangeText } from './dose.ts';

/** The fills that tell the lanes apart in black and white: each a pattern of lines or dots. */
export const lanePatterns = ['hatch', 'dots', 'lines'] as const;
export type LanePattern = (typeof lanePatterns)[number];

/** How a range's evidence is drawn: the outline's dash says how sure it is, on paper and on screen. */
export type Outline = 'solid' | 'dashed' | 'dotted';
export function outlineFor(evidence: RangeEvidence | undefined): Outline {
  if (evidence === 'unconfirmed') return 'dashed';
  if (evidence === 'low-reliability') return 'dotted';
  return 'solid';
}

/** One row of the table the picture is drawn from (its text equivalent). */
export interface TimelineRow {
  /** A phase, a milestone or the taper. */
  kind: 'phase' | 'milestone' | 'taper';
  id: string;
  what: string;
  /** "Months 0-6", "From month 6", "At 6 months". */
  when: string;
  /** "5-10 ng/mL" for a phase; the statement for a milestone or the taper. */
  detail: string;
  /** The evidence words at the figure ("primary study not identified"), if any. */
  status?: string;
  citations: string[];
}

export interface TimelineLane {
  id: string;
  /** The phase name, drawn above its bar from the left edge (labelX). */
  label: string;
  labelX: number;
  labelY: number;
  /** The bar: months as x, its row as y. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The bar runs on past the last month shown (the phase has no end month): an arrow head ends it. */
  openEnded: boolean;
  /** The arrow head's points, for an open-ended bar. */
  arrow?: string;
  pattern: LanePattern;
  outline: Outline;
  /** "5-10 ng/mL", drawn inside the bar. */
  rangeText: string;
  status: string;
}

export interface TimelineMark {
  id: string;
  month: number;
  x: number;
  /** The line runs from y1 to y2; the label sits at labelY. */
  y1: number;
  y2: number;
  label: string;
  labelY: number;
  /** Width of the label as drawn (an estimate from its length), for the ground behind it. */
  labelWidth: number;
  /** The label reads leftwards from the line when it would run off the right edge. */
  anchor: 'start' | 'end';
  outline: Outline;
}

export interface TimelineTick {
  month: number;
  x: number;
  label: string;
}

export interface TimelineGeometry {
  width: number;
  height: number;
  lanes: TimelineLane[];
  marks: TimelineMark[];
  /** The taper: a wedge that narrows from its first month to the edge (no end month is given). */
  taper: { label: string; labelX: number; labelY: number; x: number; y: number; width: number; height: number; points: string; outline: Outline; status?: string };
  axis: { y: number; x1: number; x2: number; ticks: TimelineTick[]; caption: string };
  rows: TimelineRow[];
  /** A one-sentence accessible name for the picture. */
  name: string;
}

export interface TimelineOptions {
  /** Width of the drawing in its own units (the viewBox). */
  width?: number;
  /** The months shown across: the last month of the axis. */
  monthsShown?: number;
  /** Months between axis ticks. */
  tickEvery?: number;
}

const layout = { padX: 10, markLabelRow: 16, laneLabel: 15, barHeight: 22, laneGap: 7, axisGap: 8, axisHeight: 34, charWidth: 6.6, arrow: 9 } as const;

/** "Months 0-6", "From month 6". */
export function monthsText(fromMonth: number, toMonth?: number): string {
  return toMonth === undefined ? `From month ${fromMonth}` : `Months ${fromMonth}-${toMonth}`;
}

/** The table the timeline is drawn from: each phase with its headline range, then the milestones and the taper, by month. */
export function timelineRows(tools: Pick<DoseTools, 'troughPhases' | 'troughRanges'>, timeline: Timeline): TimelineRow[] {
  const phases: TimelineRow[] = tools.troughPhases.map((phase) => {
    const range = headlineRange(tools, phase.id);
    return { kind: 'phase', id: phase.id, what: phase.name, when: monthsText(phase.fromMonth, phase.toMonth), detail: `Trough ${troughRangeText(range)}`, status: rangeEvidenceWords[range.evidence], citations: range.citations };
  });
  const events: TimelineRow[] = [
    ...timeline.milestones.map((milestone): TimelineRow => ({
      kind: 'milestone', id: milestone.id, what: milestone.label, when: `At ${milestone.month} months`, detail: milestone.text,
      status: milestone.evidence && rangeEvidenceWords[milestone.evidence], citations: milestone.citations,
    })),
    {
      kind: 'taper', id: 'taper', what: timeline.taper.label, when: `From month ${timeline.taper.fromMonth} at the earliest`, detail: timeline.taper.text,
      status: timeline.taper.evidence && rangeEvidenceWords[timeline.taper.evidence], citations: timeline.taper.citations,
    },
  ];
  const month = (row: TimelineRow) => timeline.milestones.find((item) => item.id === row.id)?.month ?? timeline.taper.fromMonth;
  return [...phases, ...events.sort((a, b) => month(a) - month(b))];
}

/**
 * Lays the timeline out. Months run left to right from 0 to `monthsShown`; a phase without an end
 * month runs to the edge and is marked open-ended. Throws when a milestone or the taper falls
 * outside the months shown, or a phase starts there: nothing is drawn off the picture.
 */
export function timelineGeometry(tools: Pick<DoseTools, 'troughPhases' | 'troughRanges'>, timeline: Timeline, options: TimelineOptions = {}): TimelineGeometry {
  const width = options.width ?? 360;
  const monthsShown = options.monthsShown ?? 18;
  const tickEvery = options.tickEvery ?? 3;
  const x1 = layout.padX;
  const x2 = width - layout.padX;
  const xAt = (month: number) => round(x1 + ((x2 - x1) * Math.min(month, monthsShown)) / monthsShown);
  for (const milestone of timeline.milestones) {
    if (milestone.month >= monthsShown) throw new Error(`Milestone "${milestone.id}" at month ${milestone.month} is not inside the ${monthsShown} months shown.`);
  }
  if (timeline.taper.fromMonth >= monthsShown) throw new Error(`The taper starts at month ${timeline.taper.fromMonth}, not inside the ${monthsShown} months shown.`);

  // Milestone labels sit in rows above the lanes, one row each, so they never overlap.
  const milestones = [...timeline.milestones].sort((a, b) => a.month - b.month);
  const lanesTop = milestones.length * layout.markLabelRow + 6;
  const laneStep = layout.laneLabel + layout.barHeight + layout.laneGap;

  const lanes: TimelineLane[] = tools.troughPhases.map((phase, index) => {
    if (phase.fromMonth >= monthsShown) throw new Error(`Phase "${phase.id}" starts at month ${phase.fromMonth}, not inside the ${monthsShown} months shown.`);
    const range = headlineRange(tools, phase.id);
    const top = lanesTop + index * laneStep;
    const x = xAt(phase.fromMonth);
    const openEnded = phase.toMonth === undefined || phase.toMonth > monthsShown;
    const y = top + layout.laneLabel;
    const end = openEnded ? x2 - layout.arrow : xAt(phase.toMonth!);
    return {
      id: phase.id,
      label: phase.name,
      labelX: x1,
      labelY: top + layout.laneLabel - 4,
      x,
      y,
      width: round(end - x),
      height: layout.barHeight,
      openEnded,
      arrow: openEnded ? [`${end},${y - 4}`, `${x2},${round(y + layout.barHeight / 2)}`, `${end},${y + layout.barHeight + 4}`].join(' ') : undefined,
      pattern: lanePatterns[index % lanePatterns.length],
      outline: outlineFor(range.evidence),
      rangeText: troughRangeText(range),
      status: rangeEvidenceWords[range.evidence],
    };
  });

  const taperTop = lanesTop + lanes.length * laneStep;
  const taperX = xAt(timeline.taper.fromMonth);
  const taperY = taperTop + layout.laneLabel;
  const taperHeight = layout.barHeight;
  const taper = {
    label: `${timeline.taper.label} (no end month given)`,
    labelX: x1,
    labelY: taperTop + layout.laneLabel - 4,
    x: taperX,
    y: taperY,
    width: round(x2 - taperX),
    height: taperHeight,
    points: [`${taperX},${taperY}`, `${x2},${round(taperY + taperHeight / 2)}`, `${taperX},${taperY + taperHeight}`].join(' '),
    outline: outlineFor(timeline.taper.evidence),
    status: timeline.taper.evidence && rangeEvidenceWords[timeline.taper.evidence],
  };

  const axisY = taperY + taperHeight + layout.axisGap;
  const marks: TimelineMark[] = milestones.map((milestone, index) => {
    const x = xAt(milestone.month);
    const label = `${milestone.month} months: ${milestone.label}`;
    // A label that would run past the right edge reads leftwards from its line instead.
    const anchor = x + 4 + label.length * layout.charWidth > width ? 'end' : 'start';
    return { id: milestone.id, month: milestone.month, x, y1: index * layout.markLabelRow + 2, y2: axisY, label, labelY: (index + 1) * layout.markLabelRow - 3, labelWidth: round(label.length * layout.charWidth), anchor, outline: outlineFor(milestone.evidence) };
  });

  const ticks: TimelineTick[] = [];
  for (let month = 0; month <= monthsShown; month += tickEvery) ticks.push({ month, x: xAt(month), label: String(month) });

  const rows = timelineRows(tools, timeline);
  const phaseWords = lanes.map((lane) => `${lane.label.charAt(0).toLowerCase()}${lane.label.slice(1)} ${lane.rangeText}`).join('; ');
  const name = `Timeline of tacrolimus treatment over ${monthsShown} months: ${phaseWords}; ${milestones.map((item) => `${item.label.toLowerCase()} at ${item.month} months`).join('; ')}; ${timeline.taper.label.toLowerCase()} from month ${timeline.taper.fromMonth}.`;
  return {
    width,
    height: round(axisY + layout.axisHeight),
    lanes,
    marks,
    taper,
    axis: { y: axisY, x1, x2, ticks, caption: 'Months from the start of tacrolimus' },
    rows,
    name,
  };
}

/** Rounds away floating-point noise in coordinates. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

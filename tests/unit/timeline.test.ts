import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { doseToolsSchema, type Timeline } from '../../src/content.config';
import { outlineFor, timelineGeometry, timelineRows } from '../../src/lib/timeline';
import { loadTimeline, parseTimeline } from '../../src/lib/timeline-data';
import { rangeEvidenceWords } from '../../src/lib/dose';

const tools = doseToolsSchema.parse(parse(readFileSync('content/dose-tools.yaml', 'utf8')));
const timeline = loadTimeline();

/** A small, fixed set of phases and ranges, so the geometry's numbers can be checked by hand. */
const fixture = {
  troughPhases: [
    { id: 'first', name: 'First phase', stage: 'induction' as const, fromMonth: 0, toMonth: 6 },
    { id: 'later', name: 'Later phase', stage: 'maintenance' as const, fromMonth: 6 },
  ],
  troughRanges: [
    { id: 'a', min: 5, max: 10, phases: ['first'], condition: 'any', headline: true, population: 'p', studyWindow: { stage: 'induction' as const, text: 't' }, evidence: 'secondary' as const, source: 's', citations: ['x'] },
    { id: 'b', min: 2, max: 6, phases: ['later'], condition: 'any', headline: true, population: 'p', studyWindow: { stage: 'maintenance' as const, text: 't' }, evidence: 'unconfirmed' as const, source: 's', citations: ['y'] },
  ],
};
const fixtureTimeline: Timeline = {
  title: 'T',
  milestones: [{ id: 'judge', month: 6, label: 'Judge', text: 'Judge at 6 months.', evidence: 'secondary', citations: ['x'] }],
  taper: { fromMonth: 12, label: 'Taper', text: 'Taper slowly.', citations: ['y'] },
};

describe('timeline geometry', () => {
  const geometry = timelineGeometry(fixture, fixtureTimeline, { width: 380, monthsShown: 18, tickEvery: 6 });

  it('puts months on a linear scale between the margins', () => {
    // 10 to 370 across 18 months: 20 units a month.
    expect(geometry.axis.ticks.map((tick) => [tick.month, tick.x])).toEqual([[0, 10], [6, 130], [12, 250], [18, 370]]);
    expect(geometry.marks[0].x).toBe(130);
    expect(geometry.taper.x).toBe(250);
  });

  it('draws a phase with an end month to that month, and an open-ended phase to the edge with an arrow head', () => {
    const [first, later] = geometry.lanes;
    expect([first.x, first.width, first.openEnded, first.arrow]).toEqual([10, 120, false, undefined]);
    expect(later.x).toBe(130);
    expect(later.openEnded).toBe(true);
    expect(later.x + later.width).toBeLessThan(370);
    expect(later.arrow).toContain(`370,${later.y + later.height / 2}`);
  });

  it('gives each lane its own pattern and each status its own outline', () => {
    expect(new Set(geometry.lanes.map((lane) => lane.pattern)).size).toBe(2);
    expect(geometry.lanes.map((lane) => lane.outline)).toEqual(['solid', 'dashed']);
    expect(outlineFor('low-reliability')).toBe('dotted');
    expect(outlineFor(undefined)).toBe('solid');
  });

  it('stacks the lanes without overlap, the taper below them and the axis below everything', () => {
    const boxes = [...geometry.lanes.map((lane) => [lane.labelY - 12, lane.y + lane.height]), [geometry.taper.labelY - 12, geometry.taper.y + geometry.taper.height]];
    for (let index = 1; index < boxes.length; index += 1) expect(boxes[index][0]).toBeGreaterThanOrEqual(boxes[index - 1][1]);
    expect(geometry.axis.y).toBeGreaterThan(geometry.taper.y + geometry.taper.height);
    expect(geometry.height).toBeGreaterThan(geometry.axis.y);
    // Milestone lines run from their label down to the axis, above the first lane's label.
    expect(geometry.marks[0].y2).toBe(geometry.axis.y);
    expect(geometry.marks[0].labelY).toBeLessThan(geometry.lanes[0].labelY - 12);
  });

  it('turns a label leftwards when it would run past the right edge', () => {
    const late = timelineGeometry(fixture, { ...fixtureTimeline, milestones: [{ ...fixtureTimeline.milestones[0], month: 15 }] }, { width: 380, monthsShown: 18 });
    expect(late.marks[0].anchor).toBe('end');
    expect(geometry.marks[0].anchor).toBe('start');
  });

  it('names the picture with every phase range and milestone', () => {
    expect(geometry.name).toBe('Timeline of tacrolimus treatment over 18 months: first phase 5-10 ng/mL; later phase 2-6 ng/mL; judge at 6 months; taper from month 12.');
  });

  it('refuses to draw a milestone or the taper outside the months shown', () => {
    expect(() => timelineGeometry(fixture, fixtureTimeline, { monthsShown: 12 })).toThrow('The taper starts at month 12, not inside the 12 months shown.');
    expect(() => timelineGeometry(fixture, { ...fixtureTimeline, milestones: [{ ...fixtureTimeline.milestones[0], month: 24 }] }, { monthsShown: 18 })).toThrow('Milestone "judge" at month 24 is not inside the 18 months shown.');
  });

  it('builds its table from the same data: phases with ranges and status, then milestones and the taper by month', () => {
    expect(timelineRows(fixture, fixtureTimeline)).toEqual([
      { kind: 'phase', id: 'first', what: 'First phase', when: 'Months 0-6', detail: 'Trough 5-10 ng/mL', status: 'secondary', citations: ['x'] },
      { kind: 'phase', id: 'later', what: 'Later phase', when: 'From month 6', detail: 'Trough 2-6 ng/mL', status: rangeEvidenceWords.unconfirmed, citations: ['y'] },
      { kind: 'milestone', id: 'judge', what: 'Judge', when: 'At 6 months', detail: 'Judge at 6 months.', status: 'secondary', citations: ['x'] },
      { kind: 'taper', id: 'taper', what: 'Taper', when: 'From month 12 at the earliest', detail: 'Taper slowly.', status: undefined, citations: ['y'] },
    ]);
  });
});

describe('the timeline data (content/dose-tools.yaml timeline:)', () => {
  const topic = readFileSync('content/topics/dosing-and-trough-targets.md', 'utf8').split('\n');
  const linesWith = (words: string[], keys: string[]) => topic.filter((line) => words.every((word) => line.includes(word)) && keys.every((key) => line.includes(`@${key}`)));

  it('states each milestone and the taper as the dosing topic does, with the same citations', () => {
    expect(linesWith(['at least 6 months', 'failed'], timeline.milestones.find((item) => item.id === 'judge-response')!.citations)).not.toHaveLength(0);
    expect(linesWith(['partial remission', 'at least 12 months'], timeline.milestones.find((item) => item.id === 'minimum-course')!.citations)).not.toHaveLength(0);
    expect(linesWith(['very gradually', 'several months'], timeline.taper.citations)).not.toHaveLength(0);
    for (const milestone of timeline.milestones) expect(topic.some((line) => line.includes(`${milestone.month} months`))).toBe(true);
  });

  it('draws the real data inside the picture', () => {
    const geometry = timelineGeometry(tools, timeline);
    expect(geometry.lanes.map((lane) => lane.rangeText)).toEqual(['5-10 ng/mL', '2-6 ng/mL', '5-10 ng/mL']);
    for (const lane of geometry.lanes) expect(lane.x + lane.width).toBeLessThanOrEqual(geometry.width);
    expect(geometry.rows.filter((row) => row.kind === 'milestone').map((row) => row.when)).toEqual(['At 6 months', 'At 12 months']);
  });

  it('rejects a milestone without a citation or with a long label, naming the field', () => {
    expect(() => parseTimeline('timeline:\n  title: T\n  milestones:\n    - { id: a, month: 6, label: L, text: T, citations: [] }\n  taper: { fromMonth: 12, label: L, text: T, citations: [x] }\n')).toThrow(
      'content/dose-tools.yaml: field "timeline.milestones.0.citations": cite at least one source',
    );
    expect(() => parseTimeline(`timeline:\n  title: T\n  milestones:\n    - { id: a, month: 6, label: "${'x'.repeat(41)}", text: T, citations: [x] }\n  taper: { fromMonth: 12, label: L, text: T, citations: [x] }\n`)).toThrow(
      'field "timeline.milestones.0.label": keep a milestone label short (40 characters at most): it is drawn on the picture',
    );
  });
});

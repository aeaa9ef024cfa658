import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { doseToolsSchema, productsSchema } from '../../src/content.config';
import { adopt, CardCitations, expandEachAbbreviationOnce, innerHtml, keyPoints, otherTroughRanges, pickKeyPoint, plainText, tableAsRow, troughRows } from '../../src/lib/card';
import { cardDoseBands } from '../../src/lib/card-dose';
import { patientBands } from '../../src/lib/dose-bands';
import { cardModel, type CardTopic } from '../../src/lib/card-model';
import { loadCard, parseCard } from '../../src/lib/card-data';
import { loadTimeline } from '../../src/lib/timeline-data';
import { rangeEvidenceWords } from '../../src/lib/dose';

const tools = doseToolsSchema.parse(parse(readFileSync('content/dose-tools.yaml', 'utf8')));
const products = productsSchema.parse(parse(readFileSync('content/products.yaml', 'utf8'))).products.filter((product) => product.calculator);

/** A rendered topic as the build writes it: sections, key points with citation superscripts and markers. */
const sampling = `<div class="topic-body"><section class="topic-section" data-section="key-points"><h2 id="key-points">Key points</h2><button class="print-button">Print this section</button>
<ul>
<li>Take the sample about 12 hours after the last dose <sup class="citation">[<a href="#ref-prograf-smpc" id="cite-1-1">1</a>,<a href="#ref-lab" id="cite-2-1">2</a>]</sup>.</li>
<li>Send whole blood in an EDTA tube <sup class="citation">[<a href="#ref-lab" id="cite-2-2">2</a>]</sup>.</li>
<li>Write the time of the last dose; see <a href="#what-to-write">what to write</a> <a href="#note-x-1" class="evidence-marker evidence-marker-unconfirmed">unconfirmed</a> <sup class="citation">[<a href="#ref-other" id="cite-3-1">3</a>]</sup>.</li>
</ul></section>
<section class="topic-section" data-section="schedule"><h2 id="schedule">Schedule</h2><table><thead><tr><th>What</th><th>When</th><th>Source</th></tr></thead>
<tbody><tr><td>Creatinine</td><td>Monthly</td><td>Article <a href="#note-s-1" class="evidence-marker evidence-marker-unconfirmed">unconfirmed</a> <sup class="citation">[<a href="#ref-other" id="cite-3-2">3</a>]</sup></td></tr>
<tr><td>Growth (children)</td><td>With the checks</td><td>Article <sup class="citation">[<a href="#ref-lab" id="cite-2-3">2</a>]</sup></td></tr></tbody></table></section></div>`;

describe('key points from a rendered topic', () => {
  const items = keyPoints(sampling);

  it('reads the items of the Key points list, as text without citation numbers', () => {
    expect(items.map((item) => plainText(item))).toEqual([
      'Take the sample about 12 hours after the last dose.',
      'Send whole blood in an EDTA tube.',
      'Write the time of the last dose; see what to write unconfirmed.',
    ]);
  });

  it('picks the one key point containing the words, ignoring case', () => {
    expect(plainText(pickKeyPoint(items, { topic: 'level-sampling', with: 'edta tube' }))).toBe('Send whole blood in an EDTA tube.');
  });

  it('matches the words as the author wrote them, not the abbreviation expansions the build inserts', () => {
    const expanded = keyPoints('<section data-section="key-points"><ul><li>Strong CYP3A4<span class="abbreviation-expansion" data-pagefind-ignore=""> (cytochrome P450 3A4)</span> inhibitors raise levels.</li></ul></section>');
    expect(plainText(pickKeyPoint(expanded, { topic: 'drug-interactions', with: 'Strong CYP3A4 inhibitors' }))).toBe('Strong CYP3A4 (cytochrome P450 3A4) inhibitors raise levels.');
  });

  it('spells each abbreviation out once on the card, at its first use in reading order', () => {
    const points = keyPoints(
      '<section data-section="key-points"><ul>' +
        '<li>Strong CYP3A4<span class="abbreviation-expansion"> (cytochrome P450 3A4)</span> inhibitors raise levels.</li>' +
        '<li>Avoid NSAIDs<span class="abbreviation-expansion"> [non-steroidal anti-inflammatory drugs]</span>; CYP3A4<span class="abbreviation-expansion"> (cytochrome P450 3A4)</span> inducers lower levels.</li>' +
        '<li>Tell the team about NSAIDs<span class="abbreviation-expansion"> (non-steroidal anti-inflammatory drugs)</span>.</li>' +
        '</ul></section>',
    );
    expandEachAbbreviationOnce(points);
    expect(points.map((item) => plainText(item))).toEqual([
      'Strong CYP3A4 (cytochrome P450 3A4) inhibitors raise levels.',
      'Avoid NSAIDs [non-steroidal anti-inflammatory drugs]; CYP3A4 inducers lower levels.',
      'Tell the team about NSAIDs.',
    ]);
  });

  it('refuses words no key point or several key points contain, saying which', () => {
    expect(() => pickKeyPoint(items, { topic: 'level-sampling', with: 'plasma' })).toThrow('content/card.yaml: key point of "level-sampling" with "plasma": no key point contains these words. Pick words that one key point contains.');
    expect(() => pickKeyPoint(items, { topic: 'level-sampling', with: 'last dose' })).toThrow('2 key points contain these words');
    expect(() => pickKeyPoint([], { topic: 'empty', with: 'dose' })).toThrow('the topic has no key points');
  });

  it('renumbers citations for the card in the order it uses them, and points in-page links at the topic', () => {
    const citations = new CardCitations();
    citations.number(['lab']);
    const html = innerHtml(adopt(items[2], '/topics/level-sampling/', citations));
    expect(html).toContain('href="/topics/level-sampling/#what-to-write"');
    expect(html).toContain('href="/topics/level-sampling/#note-x-1" class="evidence-marker evidence-marker-unconfirmed"');
    expect(html).toContain('<sup class="citation">[<a href="#ref-other" id="cite-2-1">2</a>]</sup>');
    const first = innerHtml(adopt(items[0], '/topics/level-sampling/', citations));
    expect(first).toContain('[<a href="#ref-prograf-smpc" id="cite-3-1">3</a>,<a href="#ref-lab" id="cite-1-1">1</a>]');
    expect(citations.all()).toEqual([
      { key: 'lab', citationNumber: 1, uses: [{ anchorId: 'cite-1-1' }] },
      { key: 'other', citationNumber: 2, uses: [{ anchorId: 'cite-2-1' }] },
      { key: 'prograf-smpc', citationNumber: 3, uses: [{ anchorId: 'cite-3-1' }] },
    ]);
  });
});

describe('a topic table as one row', () => {
  it('names each item by its first cell, with its value and only the markers and citations of its source', () => {
    const citations = new CardCitations();
    const row = tableAsRow(sampling, 'schedule', 2, 3, '/topics/monitoring/', citations);
    expect(row.map((item) => [item.name, item.value])).toEqual([['Creatinine', 'Monthly'], ['Growth (children)', 'With the checks']]);
    expect(row[0].source).toBe('<a href="/topics/monitoring/#note-s-1" class="evidence-marker evidence-marker-unconfirmed">unconfirmed</a> <sup class="citation">[<a href="#ref-other" id="cite-1-1">1</a>]</sup>');
    expect(row[0].source).not.toContain('Article');
  });

  it('refuses a section without a table', () => {
    expect(() => tableAsRow(sampling, 'key-points', 2, 3, '/', new CardCitations())).toThrow('content/card.yaml: the section "key-points" has no table.');
  });
});

describe('the card\'s figures from the data files', () => {
  it('gives every phase its headline trough range and status', () => {
    expect(troughRows(tools).map((row) => [row.phase, row.range, row.status])).toEqual([
      ['Induction (first 6 months)', '5-10 ng/mL', rangeEvidenceWords.unconfirmed],
      ['Maintenance after complete remission', '2-6 ng/mL', rangeEvidenceWords.unconfirmed],
      ['Maintenance after partial remission', '5-10 ng/mL', rangeEvidenceWords.unconfirmed],
    ]);
    expect(otherTroughRanges(tools).map((range) => `${range.condition}: ${range.range}, ${range.status}`)).toContain('Lupus nephritis: 4-6 ng/mL, low reliability');
  });

  it('shows the dose tools\' own bands for the patient, one whole-unit dose per product per band, per dose and per day', () => {
    const dose = cardDoseBands(tools, products, 'child-other');
    const tables = patientBands(tools, products).find((entry) => entry.patient.id === 'child-other')!;
    expect(dose.regimen.id).toBe('general');
    expect(dose.bands).toHaveLength(tables.bands.length);
    // Contiguous: each band starts 0.1 kg after the one before ends.
    const edges = dose.bands.map((band) => band.weight.replace(' kg', '').split('-').map(Number));
    for (let index = 1; index < edges.length; index += 1) expect(edges[index][0]).toBeCloseTo(edges[index - 1].at(-1)! + 0.1, 6);
    const sixteen = dose.bands.find((band) => band.weight === '16.1-20 kg')!;
    expect(sixteen.doses).toEqual([
      { productId: 'prograf-capsules', inRange: true, perDose: '0.5 mg', perDay: '1 mg/day', madeOf: '1 × 0.5 mg capsule' },
      { productId: 'modigraf-granules', inRange: true, perDose: '0.6 mg', perDay: '1.2 mg/day', madeOf: '3 × 0.2 mg sachets' },
    ]);
    // 5-8 kg: under one 0.5 mg capsule inside the range; the granule dose fits.
    expect(dose.bands[0].doses[0]).toMatchObject({ inRange: false, text: expect.stringContaining('No whole-capsule dose in range') });
  });

  it('never gives a dose above the regimen\'s range at any weight of a band, nor below it', () => {
    for (const patient of ['child-other', 'adult-other']) {
      const dose = cardDoseBands(tools, products, patient);
      const { min, max } = dose.regimen.doseMgPerKgPerDay;
      for (const band of dose.bands) {
        const [from, to] = band.weight.replace(' kg', '').split('-').map(Number);
        for (const cell of band.doses) {
          if (!cell.inRange) continue;
          const perDay = Number(cell.perDay.replace(' mg/day', ''));
          expect(perDay / from, `${patient} ${band.weight}`).toBeLessThanOrEqual(max + 1e-9);
          expect(perDay / (to ?? from), `${patient} ${band.weight}`).toBeGreaterThanOrEqual(min - 1e-9);
        }
      }
    }
  });

  it('leaves out a product no band offers (an adult\'s bands are capsules)', () => {
    expect(cardDoseBands(tools, products, 'adult-other').products.map((product) => product.id)).toEqual(['prograf-capsules']);
  });
});

describe('the card as a whole', () => {
  const card = loadCard();
  const topic = (slug: string): [string, CardTopic] => [slug, { html: sampling, path: `/topics/${slug}/`, title: slug }];
  const small = parseCard(`title: Card\nsummary: S\ndosePatient: child-other\nnoLocalContacts: Write here\nsections:\n  - { id: a, heading: Dose, show: dose-bands }\n  - { id: b, heading: Sample, keyPoints: [{ topic: level-sampling, with: EDTA }], column: 2 }\n  - { id: c, heading: When, table: { topic: level-sampling, section: schedule, valueColumn: 2, sourceColumn: 3 } }\n`);

  it('numbers the data\'s citations first, then the sentences\', in the order of the sections', () => {
    const model = cardModel({ card: small, topics: new Map([topic('level-sampling')]), tools, timeline: loadTimeline(), products, contacts: [] });
    const regimen = tools.regimens.find((candidate) => candidate.id === 'general')!;
    expect(model.citations.map((citation) => citation.key).slice(0, regimen.citations.length)).toEqual(regimen.citations);
    expect(model.dose.patient.id).toBe('child-other');
    expect(model.sections[1].keyPoints).toEqual([{ topic: 'level-sampling', html: expect.stringContaining('EDTA tube') }]);
    expect(model.sections[1].section.column).toBe(2);
    expect(model.sections[2].row?.map((item) => item.name)).toEqual(['Creatinine', 'Growth (children)']);
    const numbers = model.citations.map((citation) => citation.citationNumber);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it('refuses an unknown regimen or topic', () => {
    expect(() => cardModel({ card: { ...small, dosePatient: 'nope' }, topics: new Map([topic('level-sampling')]), tools, timeline: loadTimeline(), products, contacts: [] })).toThrow('dosePatient "nope" is not a patient');
    expect(() => cardModel({ card: small, topics: new Map(), tools, timeline: loadTimeline(), products, contacts: [] })).toThrow('content/card.yaml: no topic "level-sampling".');
  });

  it('reads content/card.yaml: a regimen of the dose tools, topics that exist, each pick a phrase', () => {
    expect(tools.patients.map((patient) => patient.id)).toContain(card.dosePatient);
    const slugs = new Set(['level-sampling', 'monitoring', 'drug-interactions', 'formulations-and-brands', 'dosing-and-trough-targets']);
    for (const section of card.sections) for (const pick of section.keyPoints) expect(slugs).toContain(pick.topic);
    expect(() => parseCard('title: C\nsummary: S\ndosePatient: child-other\nnoLocalContacts: W\nsections:\n  - { id: a, heading: H, keyPoints: [{ topic: x, with: ab }] }\n')).toThrow(
      'content/card.yaml: field "sections.0.keyPoints.0.with": give a phrase of at least 3 characters the key point contains',
    );
  });
});

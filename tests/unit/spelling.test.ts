import { describe, expect, it } from 'vitest';
import { countWords, spellingMap, spellingTwins } from '../../src/lib/spelling-rules';
import { respellQuery, respeltNote } from '../../src/lib/spelling';
import { searchedQuery } from '../../src/lib/searched-query';

/** British spelling, American spelling: each must be the other's twin. */
const pairs: Array<[british: string, american: string]> = [
  ['anaemia', 'anemia'],
  ['haematuria', 'hematuria'],
  ['haemolytic', 'hemolytic'],
  ['hyperkalaemia', 'hyperkalemia'],
  ['hypomagnesaemia', 'hypomagnesemia'],
  ['hyperglycaemia', 'hyperglycemia'],
  ['hypoalbuminaemia', 'hypoalbuminemia'],
  ['ischaemic', 'ischemic'],
  ['leukaemia', 'leukemia'],
  ['septicaemia', 'septicemia'],
  ['uraemic', 'uremic'],
  ['paediatric', 'pediatric'],
  ['paediatrician', 'pediatrician'],
  ['paeds', 'peds'],
  ['orthopaedic', 'orthopedic'],
  ['anaesthetic', 'anesthetic'],
  ['aetiology', 'etiology'],
  ['gynaecology', 'gynecology'],
  ['faecal', 'fecal'],
  ['caesarean', 'cesarean'],
  ['oedema', 'edema'],
  ['oedematous', 'edematous'],
  ['oesophagus', 'esophagus'],
  ['oesophageal', 'esophageal'],
  ['oestrogen', 'estrogen'],
  ['foetal', 'fetal'],
  ['foetus', 'fetus'],
  ['diarrhoea', 'diarrhea'],
  ['amenorrhoea', 'amenorrhea'],
  ['coeliac', 'celiac'],
  ['sulphamethoxazole', 'sulfamethoxazole'],
  ['sulphonylurea', 'sulfonylurea'],
  ['leucopenia', 'leukopenia'],
  ['leucocyte', 'leukocyte'],
  ['leucoencephalopathy', 'leukoencephalopathy'],
  ['minimise', 'minimize'],
  ['randomised', 'randomized'],
  ['immunisation', 'immunization'],
  ['organisations', 'organizations'],
  ['analyse', 'analyze'],
  ['dialysed', 'dialyzed'],
  ['colour', 'color'],
  ['behaviour', 'behavior'],
  ['behavioural', 'behavioral'],
  ['tumours', 'tumors'],
  ['favourite', 'favorite'],
  ['litre', 'liter'],
  ['millilitres', 'milliliters'],
  ['centre', 'center'],
  ['fibre', 'fiber'],
  ['titre', 'titer'],
  ['analogue', 'analog'],
  ['catalogue', 'catalog'],
  ['ciclosporin', 'cyclosporine'],
  ['aciclovir', 'acyclovir'],
  ['rifampicin', 'rifampin'],
  ['judgement', 'judgment'],
];

/** Words no rule may touch: the letters look British but the word is spelt the same both ways. */
const untouched = [
  'aerobic', 'maelstrom', 'michael', 'does', 'goes', 'shoes', 'poetry', 'phoenix',
  'advise', 'advised', 'exercise', 'otherwise', 'likewise', 'medicinewise', 'rise', 'raised', 'noise', 'precise', 'promise', 'surprise', 'expertise', 'supervised',
  'size', 'seize', 'prize', 'citizen',
  'four', 'hour', 'your', 'pour', 'tour', 'flour', 'contour', 'doctor', 'laboratory', 'humoral', 'rigors',
  'systemic', 'academic', 'epidemic', 'endemic', 'academia',
  'parameter', 'diameter', 'literature', 'litter', 'fetch', 'pedal', 'speed', 'hemisphere',
  'leukotriene', 'leucovorin', 'leucine', 'analysis', 'diagnosis', 'basis',
];

describe('spellingTwins', () => {
  for (const [british, american] of pairs) {
    it(`${british} <-> ${american}`, () => {
      expect(spellingTwins(british)).toContain(american);
      expect(spellingTwins(american)).toContain(british);
    });
  }

  it('gives ciclosporin both American forms', () => {
    expect(spellingTwins('ciclosporin')).toEqual(expect.arrayContaining(['cyclosporine', 'cyclosporin']));
  });

  it('is case-blind and gives no twin for a word spelt the same both ways', () => {
    expect(spellingTwins('Oedema')).toEqual(['edema']);
    for (const word of untouched) expect(spellingTwins(word), word).toEqual([]);
  });
});

describe('spellingMap', () => {
  it('maps a twin to the spelling the site uses, whichever way round', () => {
    const vocabulary = countWords('Peripheral oedema and hyperkalaemia. Fetal risk. Ciclosporin or ciclosporin. Randomised, randomised, randomized.');
    const map = spellingMap(vocabulary);
    expect(map).toMatchObject({ edema: 'oedema', hyperkalemia: 'hyperkalaemia', foetal: 'fetal', cyclosporine: 'ciclosporin', randomized: 'randomised' });
    // The site's own words are never sent elsewhere, except the rarer of two spellings it uses both of.
    expect(map.oedema).toBeUndefined();
    expect(map.fetal).toBeUndefined();
    expect(map.randomised).toBeUndefined();
  });

  it('only holds twins of words the site uses', () => {
    const map = spellingMap(countWords('Oedema.'));
    expect(Object.keys(map)).toEqual(['edema']);
  });

  it('leaves a twin that begins a longer, more used word of the site as typed', () => {
    // "Pediatr Nephrol" (a journal) and "paediatric" in the text: "paediatr" is "paediatric" being typed.
    const map = spellingMap(countWords('Pediatr Nephrol. Paediatric dosing, paediatric levels.'));
    expect(map.paediatr).toBeUndefined();
    expect(map.pediatric).toBe('paediatric');
  });
});

describe('respellQuery', () => {
  const spellings = { edema: 'oedema', hyperkalemia: 'hyperkalaemia', pediatric: 'paediatric' };

  it('respells each word the site spells the other way, keeping the rest of the query', () => {
    expect(respellQuery('Pediatric edema dose', spellings)).toEqual({
      query: 'paediatric oedema dose',
      respelt: [
        { typed: 'Pediatric', searched: 'paediatric' },
        { typed: 'edema', searched: 'oedema' },
      ],
    });
    expect(respellQuery('steroid-resistant', spellings)).toEqual({ query: 'steroid-resistant', respelt: [] });
  });

  it('never treats an inherited property name as a word of the map', () => {
    expect(respellQuery('constructor toString', spellings).query).toBe('constructor toString');
  });

  it('says what it searched for', () => {
    expect(respeltNote([{ typed: 'edema', searched: 'oedema' }])).toBe('Spelt “oedema” in this guidance; showing those results.');
    expect(respeltNote([])).toBeUndefined();
  });
});

describe('searchedQuery', () => {
  it('cleans, corrects a slip, then respells, and says both', () => {
    const rules = {
      corrections: [{ typed: 'nephritic', searched: 'nephrotic', note: 'Showing results for nephrotic syndrome.' }],
      spellings: { pediatric: 'paediatric' },
    };
    expect(searchedQuery('  pediatric  <nephritic> ', rules)).toEqual({
      typed: 'pediatric nephritic',
      query: 'paediatric nephrotic',
      note: 'Showing results for nephrotic syndrome. Spelt “paediatric” in this guidance; showing those results.',
    });
    expect(searchedQuery('tremor', rules)).toEqual({ typed: 'tremor', query: 'tremor' });
  });
});

/**
 * British and American spellings of medical words, by rule, used at build time to make the
 * search box's spelling map (see `spellingMap`). A rule turns a word into its twin spelt the other
 * way ("oedema" -> "edema", "fetal" -> "foetal"); the map keeps only twins of words the site
 * actually uses, so a rule can never send a query to a word that is not on a page.
 *
 * The rules are narrow on purpose: each one names the word parts it applies to ("oedem", "paed",
 * "-aemia"), not a bare letter pair, so "does", "aerobic", "maelstrom" or "doctor" have no twin.
 * See docs/search.md.
 */

type Rule = (word: string) => string | undefined;

/** Replaces `pattern` in `word`, or gives undefined when it does not match. */
const swap = (pattern: RegExp, replacement: string): Rule => (word) => (pattern.test(word) ? word.replace(pattern, replacement) : undefined);

/** Words ending in -ise that are spelt -ise in American English too ("advise", "exercise", "raise"). */
const iseBothWays = /(advis|devis|revis|supervis|televis|improvis|exercis|excis|incis|concis|precis|promis|premis|compromis|surpris|enterpris|expertis|franchis|merchandis|chastis|despis|disguis|nois|pois|prais|rais|aris|bruis|cruis|circumcis|treatis|paradis|demis|wis|guis)(e|ed|es|ing|er|ers)$/;

/** -our words (colour, tumour) whose American form drops the u; not "four", "hour", "your", "pour". */
const ourStems = '(colo|behavio|tumo|favo|labo|hono|odo|humo|vigo|rumo|neighbo|harbo|flavo|savo|armo|endeavo|clamo)';

/** Drug names the British (INN) and American (USAN) lists spell differently: each pair both ways. */
export const drugNamePairs: ReadonlyArray<readonly [british: string, american: string]> = [
  ['ciclosporin', 'cyclosporine'],
  ['ciclosporin', 'cyclosporin'],
  ['aciclovir', 'acyclovir'],
  ['valaciclovir', 'valacyclovir'],
  ['rifampicin', 'rifampin'],
  ['aluminium', 'aluminum'],
  ['artefact', 'artifact'],
  ['artefacts', 'artifacts'],
  ['enrolment', 'enrollment'],
  ['judgement', 'judgment'],
  ['programme', 'program'],
  ['programmes', 'programs'],
];

/** British spelling to American. */
const toAmerican: Rule[] = [
  // ae: anaemia, hyperkalaemia, leukaemia, glycaemic, ischaemia, uraemic
  swap(/aemi/, 'emi'),
  // haem-: haematuria, haemoglobin, haemorrhage, haemolytic
  swap(/^haem/, 'hem'),
  // paed: paediatric, paediatrician, paeds, orthopaedic
  swap(/paed/, 'ped'),
  swap(/^anaesth/, 'anesth'),
  swap(/^aetiol/, 'etiol'),
  swap(/^gynaec/, 'gynec'),
  swap(/^faec/, 'fec'),
  swap(/^caesar/, 'cesar'),
  // oe: oedema, oesophagus, oestrogen, foetal, diarrhoea, amenorrhoea, coeliac
  swap(/^oedem/, 'edem'),
  swap(/^oesophag/, 'esophag'),
  swap(/^oestr/, 'estr'),
  swap(/^foet(?=al$|us$|uses$|o)/, 'fet'),
  swap(/rrhoe/, 'rrhe'),
  swap(/^coeliac/, 'celiac'),
  // sulph/sulf: sulphate, sulphonamide, sulphamethoxazole
  swap(/sulph/, 'sulf'),
  // leuc/leuk: leucopenia, leucocyte, leucoencephalopathy (leukaemia has a k both ways)
  swap(/^leuco(?!vorin)/, 'leuko'),
  // -ise/-ize, -isation/-ization: minimise, randomised, immunisation (not advise, exercise, raise)
  (word) => (iseBothWays.test(word) ? undefined : swap(/(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1')(word)),
  // -yse/-yze: analyse, dialyse, paralyse
  swap(/lys(e|ed|es|ing)$/, 'lyz$1'),
  // -our/-or: colour, behaviour, tumour
  swap(new RegExp(`^${ourStems}ur(s|ed|ing|al|ful|ite|ites|less|able)?$`), '$1r$2'),
  // -re/-er: litre, millilitre, centre, fibre, titre
  swap(/^((?:milli|micro|deci)?lit|(?:epi)?cent|fib|tit)re(s?)$/, '$1er$2'),
  // -ogue/-og: analogue, catalogue, dialogue
  swap(/^(analog|catalog|dialog)ue(s?)$/, '$1$2'),
];

/** American spelling to British. */
const toBritish: Rule[] = [
  // -emia: anemia, hyperkalemia, leukemia, glycemic, ischemia, uremic
  swap(/(?<=[a-z]{2})(?<!a|syst|acad|epid|end|pand|pol|tot|^ch)emi(a|as|c|cs)$/, 'aemi$1'),
  swap(/^hem(?=at|o|orrh)/, 'haem'),
  swap(/^ped(?=iatr|s$)/, 'paed'),
  swap(/^orthoped/, 'orthopaed'),
  swap(/^anesth/, 'anaesth'),
  swap(/^etiol/, 'aetiol'),
  swap(/^gynec/, 'gynaec'),
  swap(/^fec(?=es$|al$)/, 'faec'),
  swap(/^cesar/, 'caesar'),
  swap(/^edem/, 'oedem'),
  swap(/^esophag/, 'oesophag'),
  swap(/^estr(?=ogen|adiol|iol)/, 'oestr'),
  swap(/^fet(?=al$|us$|uses$|o)/, 'foet'),
  swap(/rrhe(?=a|al|ic)/, 'rrhoe'),
  swap(/^celiac/, 'coeliac'),
  swap(/sulf/, 'sulph'),
  swap(/^leuko(?!s|tri)/, 'leuco'),
  swap(/(?<=\w{3})iz(e|ed|es|ing|ation|ations|er|ers)$/, 'is$1'),
  swap(/lyz(e|ed|es|ing)$/, 'lys$1'),
  // (not "humoral", spelt so both ways)
  swap(new RegExp(`^(?!humoral)${ourStems}r(s|ed|ing|al|ful|ite|ites|less|able)?$`), '$1ur$2'),
  swap(/^((?:milli|micro|deci)?lit|(?:epi)?cent|fib|tit)er(s?)$/, '$1re$2'),
  swap(/^(analog|catalog|dialog)(s?)$/, '$1ue$2'),
];

/** The word spelt the other way (British to American or American to British), each twin once. */
export function spellingTwins(word: string): string[] {
  const lower = word.toLowerCase();
  const twins = new Set<string>();
  for (const [british, american] of drugNamePairs) {
    if (lower === british) twins.add(american);
    if (lower === american) twins.add(british);
  }
  // Rules apply in turn, so a word with two differences ("haemolytic uraemia" parts, "paediatric anaemia") gets both.
  for (const rules of [toAmerican, toBritish]) {
    let changed = lower;
    for (const rule of rules) changed = rule(changed) ?? changed;
    if (changed !== lower) twins.add(changed);
  }
  twins.delete(lower);
  return [...twins];
}

/** Words of a page's text, lower case, with how often each occurs. */
export function countWords(text: string, counts: Map<string, number> = new Map()): Map<string, number> {
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * The search box's spelling map: a word spelt the other way to the spelling the site uses. When the
 * site uses both spellings (a reference title spelt the American way), the rarer one maps to the one
 * used most, so a query finds the sections that say it most.
 */
export function spellingMap(vocabulary: Map<string, number>): Record<string, string> {
  const map = new Map<string, string>();
  const countOf = (word: string) => vocabulary.get(word) ?? 0;
  const words = [...vocabulary.keys()];
  // A twin that begins a longer, more used word of the site ("paediatr", twin of the journal
  // abbreviation "pediatr", begins "paediatric") is left as typed: it is that word being typed, and
  // Pagefind finds the longer word from its start.
  const beginsAnother = (twin: string, count: number) => words.some((other) => other !== twin && other.startsWith(twin) && countOf(other) > count);
  for (const [word, count] of vocabulary) {
    for (const twin of spellingTwins(word)) {
      if (countOf(twin) > count || (countOf(twin) === count && twin < word) || beginsAnother(twin, count)) continue;
      const existing = map.get(twin);
      if (!existing || countOf(existing) < count) map.set(twin, word);
    }
  }
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}

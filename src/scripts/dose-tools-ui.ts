/**
 * The dose calculator and trough check on the dosing topic, loaded on first use. All arithmetic is
 * in src/lib/dose.ts; this file only reads the fields, shows messages at the field, and writes
 * results as text (never as HTML).
 */
import { calculateDose, compareTrough, formatMg, parseTroughNgPerMl, parseWeightKg, roundToStep, type TroughPosition } from '../lib/dose.ts';
import type { DoseTools } from '../content.config.ts';
import { referenceAnchorId } from '../lib/citations.ts';


const positionWords: Record<TroughPosition, string> = { below: 'below', within: 'within', above: 'above' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A reference's number on this page, read from the page's own reference list. */
function citationNumber(key: string): string {
  const item = document.getElementById(referenceAnchorId(key)) as HTMLLIElement | null;
  return item ? String(item.value) : '?';
}

/** "[3]" as a link to the page's reference list. */
function citationMarks(keys: string[]): HTMLElement {
  const sup = element('sup', undefined, 'citation');
  sup.append('[');
  keys.forEach((key, index) => {
    if (index > 0) sup.append(',');
    const link = element('a', citationNumber(key));
    link.href = `#${referenceAnchorId(key)}`;
    sup.append(link);
  });
  sup.append(']');
  return sup;
}

function showFieldError(input: HTMLInputElement, message: string | undefined): void {
  const error = document.querySelector<HTMLElement>(`[data-error-for="${input.id}"]`)!;
  error.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

const range = (min: number, max: number, unit: string) => (min === max ? `${formatMg(min)} ${unit}` : `${formatMg(min)}-${formatMg(max)} ${unit}`);

function calculate(form: HTMLFormElement, tools: DoseTools): void {
  const input = form.elements.namedItem('weight') as HTMLInputElement;
  const output = form.querySelector<HTMLOutputElement>('[data-dose-result]')!;
  output.replaceChildren();
  const regimenId = (form.querySelector<HTMLInputElement>('input[name="regimen"]:checked') ?? form.querySelector<HTMLInputElement>('input[name="regimen"]'))!.value;
  const regimen = tools.regimens.find((candidate) => candidate.id === regimenId)!;
  const weight = parseWeightKg(input.value);
  if (!weight.ok) {
    showFieldError(input, weight.message);
    return;
  }
  const outcome = calculateDose(weight.value, regimen);
  if (!outcome.ok) {
    showFieldError(input, outcome.message);
    return;
  }
  showFieldError(input, undefined);
  const { dose } = outcome;
  const heading = element('p', undefined, 'tool-result-heading');
  heading.append(element('strong', `${regimen.name}, ${formatMg(dose.weightKg)} kg`), citationMarks(regimen.citations));
  const list = element('dl', undefined, 'dose-figures');
  list.append(
    element('dt', 'Total daily dose'),
    element('dd', range(dose.dailyMg.min, dose.dailyMg.max, 'mg/day')),
    element('dt', `Each dose (${dose.dosesPerDay} a day)`),
    element('dd', range(dose.perDoseMg.min, dose.perDoseMg.max, 'mg')),
  );
  const working = element('p', `Working: ${dose.working.join('; ')}.`, 'dose-working');
  const note = element('p', tools.formulation, 'dose-note');
  output.append(heading, list, working);
  const rounding = form.elements.namedItem('rounding') as HTMLInputElement;
  if (rounding.checked) {
    const step = Number((form.elements.namedItem('step') as HTMLSelectElement).value);
    const low = roundToStep(dose.perDoseMg.min, step);
    const high = roundToStep(dose.perDoseMg.max, step);
    output.append(
      element(
        'p',
        `Rounding aid (to ${formatMg(step)} mg steps, never to zero): ${range(low, high, 'mg')} per dose. This is an aid only; the exact figures above are the calculation.`,
        'dose-rounding',
      ),
    );
  }
  output.append(note);
}

function checkTrough(form: HTMLFormElement, tools: DoseTools): void {
  const input = form.elements.namedItem('level') as HTMLInputElement;
  const output = form.querySelector<HTMLOutputElement>('[data-trough-result]')!;
  output.replaceChildren();
  const phase = tools.troughPhases.find((candidate) => candidate.id === (form.elements.namedItem('phase') as HTMLSelectElement).value)!;
  const level = parseTroughNgPerMl(input.value);
  if (!level.ok) {
    showFieldError(input, level.message);
    return;
  }
  showFieldError(input, undefined);
  const { comparisons, agreement } = compareTrough(level.value, phase.ranges);
  const summary =
    comparisons.length === 1
      ? `${formatMg(level.value)} ng/mL is ${positionWords[comparisons[0].position]} the one range cited for ${phase.name.toLowerCase()}.`
      : agreement
        ? `${formatMg(level.value)} ng/mL is ${positionWords[agreement]} all ${comparisons.length} ranges cited for ${phase.name.toLowerCase()}.`
        : `The cited ranges disagree: ${formatMg(level.value)} ng/mL is within some and outside others, so there is no single verdict. Each is shown below.`;
  const list = element('ul', undefined, 'trough-comparisons');
  for (const { range: cited, position } of comparisons) {
    const item = element('li');
    item.append(
      element('strong', `${positionWords[position]} ${formatMg(cited.min)}-${formatMg(cited.max)} ng/mL`, `trough-${position}`),
      `: ${cited.source}`,
      citationMarks(cited.citations),
    );
    list.append(item);
  }
  output.append(element('p', summary, 'tool-result-heading'), list);
  for (const advice of tools.advice) {
    const paragraph = element('p', advice.text, 'dose-note');
    paragraph.append(citationMarks(advice.citations));
    output.append(paragraph);
  }
}

/** The regimens and ranges come from the build (dose-tools.json, the same data as the printed table). */
let toolsLoading: Promise<DoseTools> | undefined;
function loadTools(): Promise<DoseTools> {
  toolsLoading ??= fetch(`${import.meta.env.BASE_URL}dose-tools.json`).then((response) => {
    if (!response.ok) throw new Error(`dose-tools.json: ${response.status}`);
    return response.json() as Promise<DoseTools>;
  });
  return toolsLoading;
}

const attached = new WeakSet<HTMLElement>();

/** Wires the calculator and trough check inside `root` (once). */
export async function attachDoseTools(root: HTMLElement): Promise<void> {
  if (attached.has(root)) return;
  attached.add(root);
  const tools = await loadTools();
  const doseForm = root.querySelector<HTMLFormElement>('[data-dose-form]')!;
  const troughForm = root.querySelector<HTMLFormElement>('[data-trough-form]')!;
  doseForm.addEventListener('submit', (event) => {
    event.preventDefault();
    calculate(doseForm, tools);
  });
  troughForm.addEventListener('submit', (event) => {
    event.preventDefault();
    checkTrough(troughForm, tools);
  });
  doseForm.addEventListener('change', (event) => {
    const input = doseForm.elements.namedItem('weight') as HTMLInputElement;
    if (event.target !== input && input.value.trim()) calculate(doseForm, tools);
  });
}

/** Handles a submit that happened before the listeners above were attached. */
export async function submitted(form: HTMLFormElement): Promise<void> {
  const tools = await loadTools();
  if (form.matches('[data-dose-form]')) calculate(form, tools);
  else checkTrough(form, tools);
}

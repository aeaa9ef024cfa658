/**
 * The dose calculator and trough check on the dosing topic, loaded on first use. All arithmetic is
 * in src/lib/dose.ts; this file only reads the fields, shows messages at the field, and writes
 * results as text (never as HTML).
 */
import {
  checkTrough as checkLevel,
  doseWithProducts,
  exactDoseText,
  formatMg,
  listedRangeText,
  parseTroughNgPerMl,
  parseWeightKg,
  productDoseLines,
  rangeEvidenceWords,
  troughSummary,
} from '../lib/dose.ts';
import type { DoseToolsBundle } from '../lib/dose-tools-data.ts';
import { referenceAnchorId } from '../lib/citations.ts';

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

function calculate(form: HTMLFormElement, { tools, products }: DoseToolsBundle): void {
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
  const cell = doseWithProducts(weight.value, regimen, products);
  if (!cell.ok) {
    showFieldError(input, cell.message);
    return;
  }
  showFieldError(input, undefined);
  const { dose } = cell;
  const heading = element('p', undefined, 'tool-result-heading');
  heading.append(element('strong', `${regimen.name}, ${formatMg(dose.weightKg)} kg`), citationMarks(regimen.citations));
  if (regimen.populationGroup === 'adult') heading.append(' ', element('span', 'Adults only', 'population-label'));
  output.append(heading);
  for (const doses of cell.products) {
    const block = element('div', undefined, 'product-doses');
    const title = element('p', undefined, 'product-doses-title');
    title.append(element('strong', `${doses.product.label} (whole ${doses.product.unitName}s: ${doses.product.strengths.values.map((value) => `${formatMg(value)} mg`).join(', ')})`), citationMarks(doses.product.citations));
    const list = element('ul', undefined, 'dose-lines');
    for (const line of productDoseLines(doses)) {
      const item = element('li');
      if (line.label !== 'In range') item.append(`${line.label}: `);
      item.append(element('strong', line.text));
      if (line.madeOf) item.append(element('span', ` ${line.madeOf}`, 'made-of'));
      list.append(item);
    }
    block.append(title, list);
    for (const note of doses.product.notes.slice(0, 1)) {
      const paragraph = element('p', note.text, 'dose-note');
      paragraph.append(citationMarks(note.citations));
      block.append(paragraph);
    }
    output.append(block);
  }
  output.append(
    element('p', `Exact calculation, not a dose to give: ${exactDoseText(dose)}. Working: ${dose.working.join('; ')}.`, 'dose-working'),
    element('p', tools.formulation, 'dose-note'),
  );
}

function checkTrough(form: HTMLFormElement, { tools }: DoseToolsBundle): void {
  const input = form.elements.namedItem('level') as HTMLInputElement;
  const output = form.querySelector<HTMLOutputElement>('[data-trough-result]')!;
  output.replaceChildren();
  const phaseId = (form.elements.namedItem('phase') as HTMLSelectElement).value;
  const conditionId = (form.elements.namedItem('condition') as HTMLSelectElement).value;
  const level = parseTroughNgPerMl(input.value);
  if (!level.ok) {
    showFieldError(input, level.message);
    return;
  }
  showFieldError(input, undefined);
  const check = checkLevel(level.value, tools, phaseId, conditionId);
  const summary = element('p', undefined, `tool-result-heading trough-verdict${check.verdict ? ` trough-${check.verdict.position}` : ' trough-none'}`);
  summary.append(element('strong', troughSummary(level.value, check)));
  output.append(summary);
  if (check.verdict) {
    const source = element('p', `Verdict range: ${check.verdict.range.source}, ${check.verdict.range.studyWindow.text}. `, 'dose-note');
    source.append(element('span', rangeEvidenceWords[check.verdict.range.evidence], `evidence-label evidence-${check.verdict.range.evidence}`), citationMarks(check.verdict.range.citations));
    output.append(source);
  }
  const conditionsLink = document.querySelector<HTMLAnchorElement>('[data-level-sampling-link]');
  const conditions = element('p', `${tools.troughConditions} See `, 'dose-note');
  if (conditionsLink) conditions.append(Object.assign(element('a', conditionsLink.textContent ?? ''), { href: conditionsLink.getAttribute('href') ?? '' }), '.');
  output.append(conditions);
  if (check.alsoListed.length > 0) {
    const differ = element('div', undefined, 'callout callout-sources-differ');
    const lead = element('p');
    lead.append(element('strong', 'Sources differ.'), check.verdict ? ` Also listed for ${check.condition.name.toLowerCase()}, not used for the verdict:` : ` Listed for ${check.condition.name.toLowerCase()}, not used for a verdict:`);
    const list = element('ul', undefined, 'trough-comparisons');
    for (const item of check.alsoListed) {
      const { lead: where, detail } = listedRangeText(item);
      const entry = element('li');
      entry.append(element('strong', where, check.verdict ? `trough-${item.position}` : 'trough-listed'), `: ${detail} `, element('span', rangeEvidenceWords[item.range.evidence], `evidence-label evidence-${item.range.evidence}`), citationMarks(item.range.citations));
      list.append(entry);
    }
    differ.append(lead, list);
    output.append(differ);
  } else if (check.condition.id === 'any') {
    output.append(element('p', 'Membranous nephropathy and lupus nephritis have ranges of their own in some sources: choose the condition to see them.', 'dose-note'));
  }
  for (const advice of tools.advice) {
    const paragraph = element('p', advice.text, 'dose-note');
    paragraph.append(citationMarks(advice.citations));
    output.append(paragraph);
  }
}

/** The regimens, ranges and products come from the build (dose-tools.json, the same data as the printed tables). */
let toolsLoading: Promise<DoseToolsBundle> | undefined;
function loadTools(): Promise<DoseToolsBundle> {
  toolsLoading ??= fetch(`${import.meta.env.BASE_URL}dose-tools.json`).then((response) => {
    if (!response.ok) throw new Error(`dose-tools.json: ${response.status}`);
    return response.json() as Promise<DoseToolsBundle>;
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
  troughForm.addEventListener('change', (event) => {
    const input = troughForm.elements.namedItem('level') as HTMLInputElement;
    if (event.target !== input && input.value.trim()) checkTrough(troughForm, tools);
  });
}

/** Handles a submit that happened before the listeners above were attached. */
export async function submitted(form: HTMLFormElement): Promise<void> {
  const tools = await loadTools();
  if (form.matches('[data-dose-form]')) calculate(form, tools);
  else checkTrough(form, tools);
}

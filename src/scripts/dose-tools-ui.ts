/**
 * The dose calculator and trough check on the dosing topic, loaded on first use. All arithmetic is
 * in src/lib/dose.ts; this file only reads the fields, shows messages at the field, and writes
 * results as text (never as HTML).
 */
import { calculateDose, checkTrough as checkLevel, exactDoseText, formatMg, listedRangeText, parseTroughNgPerMl, parseWeightKg, rangeEvidenceWords, troughSummary } from '../lib/dose.ts';
import { askPharmacyText, bandDoseText, bandFor, bandRateText, bandText, noDoseText, patientRegimen, shortfallSentence, toBandWeight, unitsText, weightBands } from '../lib/dose-bands.ts';
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

function showPatientError(form: HTMLFormElement, message: string | undefined): void {
  const error = form.querySelector<HTMLElement>('[data-error-for="patient"]')!;
  error.textContent = message ?? '';
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="patient"]')) {
    if (message) radio.setAttribute('aria-invalid', 'true');
    else radio.removeAttribute('aria-invalid');
  }
}

/** The dose for one patient and weight: the band the weight falls in, as the weight-band table gives it. */
function calculate(form: HTMLFormElement, { tools, products }: DoseToolsBundle): void {
  const input = form.elements.namedItem('weight') as HTMLInputElement;
  const output = form.querySelector<HTMLOutputElement>('[data-dose-result]')!;
  output.replaceChildren();
  const weight = parseWeightKg(input.value);
  showFieldError(input, weight.ok ? undefined : weight.message);
  const patientId = form.querySelector<HTMLInputElement>('input[name="patient"]:checked')?.value;
  showPatientError(form, patientId ? undefined : 'Choose the patient: child or adult, and the condition where it is listed.');
  if (!weight.ok || !patientId) return;
  const { patient, regimen } = patientRegimen(tools, patientId);
  const limits = patient.weightLimitsKg;
  const weightKg = toBandWeight(weight.value);
  if (weightKg < limits.min || weightKg > limits.max) {
    showFieldError(input, `${formatMg(weight.value)} kg is outside ${limits.min}-${limits.max} kg, the weights accepted for: ${patient.name.toLowerCase()}. ${patient.weightLimitsNote}`);
    return;
  }
  const bands = weightBands(regimen, limits, products, tools.granules.maxUnits, patient.group);
  const band = bandFor(bands, weightKg)!;
  const heading = element('p', undefined, 'tool-result-heading');
  heading.append(element('strong', `${patient.name}, ${formatMg(weightKg)} kg`), ` (band ${bandText(band)})`);
  if (weightKg !== weight.value) heading.append(element('span', ` ${formatMg(weight.value)} kg read as ${formatMg(weightKg)} kg.`, 'made-of'));
  output.append(heading);
  const answer = element('dl', undefined, 'dose-figures');
  for (const { product, cell } of band.cells) {
    if (cell.kind === 'not-offered') continue;
    const label = product.form === 'granules' && band.answer === 'capsule' ? `${product.label}, for a child who cannot swallow capsules` : product.label;
    const term = element('dt', label);
    term.append(citationMarks(product.citations));
    const detail = element('dd');
    if (cell.kind === 'dose') {
      const rateHere = formatMg(Math.round((cell.dose.dailyMg / weightKg) * 10000) / 10000);
      detail.append(element('span', bandDoseText(cell.dose), 'band-dose'), element('span', ` ${unitsText(cell.dose.units, product.unitName)}; ${rateHere} mg/kg/day at ${formatMg(weightKg)} kg (${bandRateText(cell.dose)} across the band)`, 'made-of'));
    } else {
      detail.append(element('span', noDoseText(cell, product, band.answer), 'dose-line-none'));
    }
    answer.append(term, detail);
  }
  output.append(answer);
  const regimenLine = element('p', undefined, 'dose-note');
  regimenLine.append(element('strong', regimen.name), citationMarks(regimen.citations), `. ${patient.why}`, citationMarks(patient.whyCitations));
  if (regimen.populationGroup === 'adult') regimenLine.append(' ', element('span', 'Adults only', 'population-label'));
  output.append(regimenLine);
  if (band.answer === 'pharmacy') output.append(element('p', askPharmacyText, 'tool-result-heading'));
  const granules = band.cells.find(({ product, cell }) => product.form === 'granules' && cell.kind === 'dose');
  if (granules) {
    for (const note of granules.product.notes.slice(0, 1)) {
      const paragraph = element('p', note.text, 'dose-note');
      paragraph.append(citationMarks(note.citations));
      output.append(paragraph);
    }
  }
  if (patient.group === 'adult' && !granules) {
    const paragraph = element('p', 'Adult weights take capsules. For an adult who cannot swallow capsules, ask the pharmacy about Modigraf granules.', 'dose-note');
    paragraph.append(citationMarks(tools.granules.citations));
    output.append(paragraph);
  }
  const shortfall = shortfallSentence(regimen, bands);
  const rule = element('p', `Rule: ${tools.doseRule.text}`, 'dose-note');
  rule.append(citationMarks(tools.doseRule.citations));
  if (shortfall) rule.append(` ${shortfall}`);
  output.append(rule);
  if (patient.sourcesDiffer.length > 1) {
    const differ = element('div', undefined, 'callout callout-sources-differ');
    const lead = element('p');
    lead.append(element('strong', 'Sources differ.'));
    const list = element('ul');
    for (const item of patient.sourcesDiffer) {
      const entry = element('li', item.text);
      entry.append(citationMarks(item.citations));
      list.append(entry);
    }
    differ.append(lead, list);
    output.append(differ);
  }
  const exact = calculateDose(weightKg, regimen);
  if (exact.ok) output.append(element('p', `Exact calculation, not a dose to give: ${exactDoseText(exact.dose)}. Working: ${exact.dose.working.join('; ')}.`, 'dose-working'));
  output.append(element('p', tools.formulation, 'dose-note'));
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
  if (check.alsoListed.length > 0) {
    const differ = element('div', undefined, 'callout callout-sources-differ');
    const lead = element('p');
    lead.append(element('strong', 'Sources differ.'), check.verdict ? ` Other ranges for ${check.phase.name.charAt(0).toLowerCase()}${check.phase.name.slice(1)}, not used for the verdict:` : ` Ranges listed, not used for a verdict:`);
    const list = element('ul', undefined, 'trough-comparisons');
    for (const item of check.alsoListed) {
      const { lead: where, detail } = listedRangeText(item);
      const entry = element('li');
      entry.append(element('strong', where, check.verdict ? `trough-${item.position}` : 'trough-listed'), `: ${detail} `, element('span', rangeEvidenceWords[item.range.evidence], `evidence-label evidence-${item.range.evidence}`), citationMarks(item.range.citations));
      list.append(entry);
    }
    differ.append(lead, list);
    output.append(differ);
  }
  const links = element('p', `${tools.troughConditions} See `, 'dose-note');
  const pageLink = (selector: string) => {
    const link = document.querySelector<HTMLAnchorElement>(selector);
    return link ? Object.assign(element('a', link.textContent ?? ''), { href: link.getAttribute('href') ?? '' }) : '';
  };
  links.append(pageLink('[data-level-sampling-link]'), ' and ', pageLink('[data-change-dose-link]'), '.');
  output.append(links);
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

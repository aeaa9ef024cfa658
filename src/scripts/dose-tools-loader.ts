/**
 * The dose calculator's loader, on the page that carries the calculator only: the calculator's code
 * loads when the calculator is first touched, or at once when the address carries a weight
 * (`?weight=20&patient=child-other`, as the home page's dose form sends it).
 */
const doseTools = document.querySelector<HTMLElement>('[data-dose-tools]');
if (doseTools) {
  let doseToolsLoading: Promise<typeof import('./dose-tools-ui.ts')> | undefined;
  const loadDoseTools = () =>
    (doseToolsLoading ??= import('./dose-tools-ui.ts').then(async (module) => {
      await module.attachDoseTools(doseTools);
      return module;
    }));
  doseTools.addEventListener('focusin', () => loadDoseTools(), { once: true });
  // A submit before the calculator's listeners are attached (Enter pressed at once) is handled when they are.
  doseTools.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return; // the calculator's own listener has handled it
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    loadDoseTools().then((module) => module.submitted(form));
  });
  // A weight (and patient) sent from another page: fill the fields and calculate.
  const query = new URLSearchParams(window.location.search);
  const weight = query.get('weight');
  const form = doseTools.querySelector<HTMLFormElement>('[data-dose-form]');
  if (weight !== null && form) {
    (form.elements.namedItem('weight') as HTMLInputElement).value = weight.slice(0, 20);
    const patient = query.get('patient');
    const radio = [...form.querySelectorAll<HTMLInputElement>('input[name="patient"]')].find((candidate) => candidate.value === patient);
    if (radio) radio.checked = true;
    loadDoseTools().then((module) => module.submitted(form));
  }
}

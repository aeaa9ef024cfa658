/**
 * The dose calculator's loader, on the page that carries the calculator only: the calculator's code
 * loads when the calculator is first touched.
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
}


/**
 * The binder page's topic choice (loaded by that page only). Each topic has a tick box (all ticked
 * unless the address says otherwise, `?topics=a,b`); an unticked topic is hidden from the contents
 * and from print, the address is updated so it can be shared, and the cover says what the binder
 * holds. With JavaScript off none of this runs and the whole binder prints.
 */
import { chosenTopics, holdsText, searchFor } from '../lib/binder-choice.ts';

const form = document.querySelector<HTMLElement>('[data-binder-choice]');
if (form) {
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-binder-topic]')];
  const slugs = boxes.map((box) => box.dataset.binderTopic!);
  const titleOf = (slug: string) => boxes.find((box) => box.dataset.binderTopic === slug)!.dataset.title!;

  const apply = (chosen: string[], updateAddress: boolean) => {
    for (const box of boxes) box.checked = chosen.includes(box.dataset.binderTopic!);
    document.querySelectorAll<HTMLElement>('[data-binder-part]').forEach((part) => {
      part.hidden = !chosen.includes(part.dataset.binderPart!);
    });
    const holds = holdsText(chosen.map(titleOf), slugs.length);
    document.querySelectorAll<HTMLElement>('[data-binder-holds]').forEach((element) => {
      element.textContent = holds;
    });
    const count = form.querySelector<HTMLElement>('[data-binder-count]');
    if (count) count.textContent = chosen.length === slugs.length ? `All ${slugs.length} topics ticked.` : `${chosen.length} of ${slugs.length} topics ticked.`;
    const printButton = document.querySelector<HTMLButtonElement>('[data-binder-print]');
    if (printButton) {
      printButton.disabled = chosen.length === 0;
      printButton.textContent = chosen.length === slugs.length ? 'Print the whole binder' : chosen.length === 0 ? 'Tick a topic to print' : `Print the binder of ${chosen.length} ${chosen.length === 1 ? 'topic' : 'topics'}`;
    }
    if (updateAddress) history.replaceState(history.state, '', `${location.pathname}${searchFor(chosen, slugs, location.search)}${location.hash}`);
  };

  const ticked = () => boxes.filter((box) => box.checked).map((box) => box.dataset.binderTopic!);
  form.addEventListener('change', () => apply(ticked(), true));
  form.querySelector('[data-binder-all]')?.addEventListener('click', () => apply(slugs, true));
  form.querySelector('[data-binder-none]')?.addEventListener('click', () => apply([], true));
  form.hidden = false;
  apply(chosenTopics(location.search, slugs), false);
}

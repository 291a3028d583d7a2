/**
 * A wide or long piece of the page (a table of numbers) in a box that scrolls both ways, so that
 * the page itself never scrolls sideways on a narrow screen. The box is focusable and labelled,
 * so a keyboard can scroll it and a screen reader names it; an optional legend stays outside the
 * box, readable at any width, and describes it. The box's size does not depend on its content
 * (CSS strict containment): a change inside re-lays out the box's content, never the page.
 */
import { uniqueId } from './controls.ts';

export function scrollRegion(label: string, content: HTMLElement, lines: number, legend?: string): HTMLElement {
  const region = document.createElement('div');
  region.className = 'scroll';
  region.tabIndex = 0;
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', label);
  // Room for `lines` rows of small text, up to the box's maximum height.
  region.style.height = `${lines * 1.2 + 1}rem`;
  region.append(content);
  if (legend === undefined) return region;
  const text = document.createElement('p');
  text.className = 'legend';
  text.id = uniqueId('legend');
  text.textContent = legend;
  region.setAttribute('aria-describedby', text.id);
  const wrapper = document.createElement('div');
  wrapper.append(text, region);
  return wrapper;
}

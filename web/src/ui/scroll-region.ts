/**
 * A wide or long piece of the page (a table of numbers) in a box that scrolls both ways, so that
 * the page itself never scrolls sideways on a narrow screen. The box is focusable and labelled,
 * so a keyboard can scroll it and a screen reader names it. Its size does not depend on its
 * content (CSS strict containment): a change inside re-lays out the box's content, never the page.
 */
export function scrollRegion(label: string, content: HTMLElement, lines: number): HTMLDivElement {
  const region = document.createElement('div');
  region.className = 'scroll';
  region.tabIndex = 0;
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', label);
  // Room for `lines` rows of small text, up to the box's maximum height.
  region.style.height = `${lines * 1.2 + 1}rem`;
  region.append(content);
  return region;
}

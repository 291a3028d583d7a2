/** Inline stability lab: a problem run inline-compressed in a worker, drawn as it runs. */
export function mountLabView(root: HTMLElement): void {
  root.innerHTML = '<h2>Inline stability lab</h2>';
}

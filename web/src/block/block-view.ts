/** Inside a block: one ZFP block through every stage of the codec. */
export function mountBlockView(root: HTMLElement): void {
  root.innerHTML = '<h2>Inside a block</h2>';
}

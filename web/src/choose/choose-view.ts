/** Choose: a target error to the lemma's setting, then the run that confirms it. */
export function mountChooseView(root: HTMLElement): void {
  root.innerHTML = '<h2>Choose a setting</h2>';
}

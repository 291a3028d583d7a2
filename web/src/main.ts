/** Routes the page between its three views by the URL's hash; each view is loaded when first shown. */
type ViewName = 'block' | 'lab' | 'choose';
type Mount = (root: HTMLElement) => void;

const views: Record<ViewName, () => Promise<Mount>> = {
  block: async () => (await import('./block/block-view.ts')).mountBlockView,
  lab: async () => (await import('./lab/lab-view.ts')).mountLabView,
  choose: async () => (await import('./choose/choose-view.ts')).mountChooseView,
};

function viewFromHash(): ViewName {
  const name = location.hash.slice(1);
  return name in views ? (name as ViewName) : 'block';
}

// Views keep their state when the reader switches away and back: each is mounted once, then hidden.
const mounted = new Map<ViewName, HTMLElement>();

async function show(name: ViewName): Promise<void> {
  const main = document.getElementById('view')!;
  for (const [other, section] of mounted) section.hidden = other !== name;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!mounted.has(name)) {
    const section = document.createElement('section');
    section.dataset.view = name;
    mounted.set(name, section);
    main.append(section);
    (await views[name]())(section);
  }
}

window.addEventListener('hashchange', () => void show(viewFromHash()));
void show(viewFromHash());

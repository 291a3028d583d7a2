/** The part of plotly.js-dist-min (which ships no types) the lab draws with. */
declare module 'plotly.js-dist-min' {
  interface PlotlyStatic {
    react(root: HTMLElement, data: object[], layout?: object, config?: object): Promise<HTMLElement>;
    purge(root: HTMLElement): void;
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}

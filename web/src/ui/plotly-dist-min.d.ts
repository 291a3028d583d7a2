/** plotly.js-dist-min ships no types; web/src/ui/plotly.ts gives the part the views use its types. */
declare module 'plotly.js-dist-min' {
  const plotly: unknown;
  export default plotly;
}

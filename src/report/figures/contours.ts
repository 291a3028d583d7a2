/** β_min contour maps of Lemmas 3.18 and 3.20 (paper Figure 3), infeasible cells drawn apart. */
import type { ContourGrid } from '../../results/schema.ts';
import { axis, baseLayout, type Figure } from '../figure.ts';

export function contourFigure(grid: ContourGrid): Figure {
  const infeasible = grid.z.map((row) => row.map((beta) => (beta === null ? 1 : null)));
  const anyInfeasible = infeasible.some((row) => row.includes(1));
  return {
    title: `β_min from ${grid.lemma}`,
    caption:
      'Bit planes ZFP must keep so that its error provably stays below IEEE double round-off: closed forms that bound the exact sums, with the full K_β, so β runs over 1..64. Grey: infeasible, no β ≤ 64 is certified.',
    data: [
      {
        type: 'contour',
        x: grid.x,
        y: grid.y,
        z: grid.z,
        zmin: 1,
        zmax: 64,
        connectgaps: false,
        colorscale: 'Viridis',
        reversescale: true,
        contours: { coloring: 'heatmap', showlabels: true, labelfont: { color: 'white', size: 12 }, start: 4, end: 64, size: 4 },
        colorbar: { title: { text: 'β' } },
        hovertemplate: `${grid.xLabel} = %{x:.2f}<br>q = %{y:.4f}<br>β = %{z}<extra></extra>`,
      },
      ...(anyInfeasible
        ? [
            {
              type: 'heatmap',
              name: 'infeasible',
              x: grid.x,
              y: grid.y,
              z: infeasible,
              colorscale: [
                [0, '#9e9e9e'],
                [1, '#9e9e9e'],
              ],
              showscale: false,
              hovertemplate: `${grid.xLabel} = %{x:.2f}<br>q = %{y:.4f}<br>infeasible: no β ≤ 64<extra></extra>`,
            },
          ]
        : []),
    ],
    layout: baseLayout({ xaxis: axis(grid.xLabel), yaxis: axis(grid.yLabel) }),
  };
}

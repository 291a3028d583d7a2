/** β_min contour maps of Lemmas 3.18 and 3.20 (paper Figure 3). */
import type { ContourGrid } from '../../results/schema.ts';
import { axis, baseLayout, type Figure } from '../figure.ts';

export function contourFigure(grid: ContourGrid): Figure {
  return {
    title: `β_min from ${grid.lemma}`,
    caption: 'Bit planes ZFP must keep so that its error stays below IEEE double round-off (closed form, K_β ≈ c_d 2^−β).',
    data: [
      {
        type: 'contour',
        x: grid.x,
        y: grid.y,
        z: grid.z,
        colorscale: 'Viridis',
        reversescale: true,
        contours: { coloring: 'heatmap', showlabels: true, labelfont: { color: 'white', size: 12 }, start: 0, end: 64, size: 4 },
        colorbar: { title: { text: 'β' } },
        hovertemplate: `${grid.xLabel} = %{x:.2f}<br>ρ = %{y:.4f}<br>β = %{z:.1f}<extra></extra>`,
      },
    ],
    layout: baseLayout({ xaxis: axis(grid.xLabel), yaxis: axis('spectral radius ρ(G)') }),
  };
}

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * GOV.UK colours for the charts' marks, so that a chart reads as part of the page; the palette
 * keeps neighbouring series apart for colour-blind readers (blue, orange, turquoise, purple...).
 */
export const CHART_COLOURS = ['#1d70b8', '#f47738', '#28a197', '#4c2c92', '#d4351c', '#00703c', '#f499be', '#505a5f', '#85994b', '#b58840'];

const CONFIG = {
  // The chart is named as a whole (role="img"); its marks are not read out one by one.
  aria: false,
  background: 'white',
  font: 'arial, sans-serif',
  range: { category: CHART_COLOURS },
  axis: { labelFontSize: 12, titleFontSize: 13, labelColor: '#0b0c0c', titleColor: '#0b0c0c', gridColor: '#e5e6e7' },
  legend: { labelFontSize: 12, titleFontSize: 13, labelColor: '#0b0c0c', titleColor: '#0b0c0c', orient: 'bottom', direction: 'vertical', labelLimit: 400 },
  view: { stroke: null },
} as const;

/**
 * A Vega-Lite chart drawn on the server as SVG markup (no script in the browser; it prints as it
 * shows). The SVG is named by `label` as one image, and scales to its container: its width and
 * height attributes give way to the viewBox. Vega escapes the text it draws.
 */
export async function svgChart(spec: TopLevelSpec, label: string): Promise<string> {
  const { spec: compiled } = compile({ ...spec, config: { ...CONFIG, ...spec.config } } as TopLevelSpec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    // Vega names some mark groups for screen readers even with aria off; inside one image they must not be.
    const svg = (await view.toSVG()).replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, '');
    return svg.replace(/^<svg ([^>]*?) width="[\d.]+" height="[\d.]+"/, (_, before: string) => `<svg ${before} role="img" aria-label="${escapeAttribute(label)}" focusable="false"`);
  } finally {
    view.finalize();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

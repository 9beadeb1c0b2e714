import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, RadarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * Text colours for charts, per theme. Each meets WCAG AA (4.5:1) against the Lumo background it is drawn on:
 * #1a2533 on white is 15.5:1, #4a5567 on white 7.5:1; on Lumo's dark base (#223348) #e6e9ee is 10.6:1 and #b8c0cc
 * 7.0:1 (ChartContrastTest checks these pairs).
 */
const THEMES = {
  light: { text: '#1a2533', muted: '#4a5567', line: '#c9ced6', tooltip: '#ffffff' },
  dark: { text: '#e6e9ee', muted: '#b8c0cc', line: '#4a5567', tooltip: '#1f2733' },
};

/**
 * An ECharts chart. The server sends the chart's option as JSON in `option`; a click on a data point fires
 * `chart-click` with the point's `id` (for example a vendor slug). The chart is an image for assistive technology:
 * `label` describes it, and every view that shows one also shows the same data as a table. Text colours follow the
 * portal's light or dark theme, also when the user switches it while the chart is shown.
 */
@customElement('portal-chart')
export class PortalChart extends LitElement {
  @property() option = '';
  @property() label = 'Chart';
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private themeObserver?: MutationObserver;
  private readonly systemScheme = window.matchMedia('(prefers-color-scheme: dark)');
  private readonly onSystemScheme = () => this.apply();

  static styles = css`
    :host { display: block; width: 100%; height: 360px; }
    div { width: 100%; height: 100%; }
  `;

  render() {
    return html`<div role="img" aria-label=${this.label}></div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('div') as HTMLDivElement;
    this.chart = echarts.init(container, undefined, { renderer: 'canvas' });
    this.chart.on('click', (params: any) => {
      const id = params?.data?.id ?? params?.name;
      if (id) this.dispatchEvent(new CustomEvent('chart-click', { detail: { id }, bubbles: true, composed: true }));
    });
    // The observer also reports the size the chart was just drawn at; only a change of size draws it again.
    let width = container.clientWidth;
    let height = container.clientHeight;
    this.resizeObserver = new ResizeObserver(() => {
      if (container.clientWidth === width && container.clientHeight === height) return;
      width = container.clientWidth;
      height = container.clientHeight;
      this.chart?.resize();
      this.declutter();
    });
    this.resizeObserver.observe(container);
    this.themeObserver = new MutationObserver(() => this.apply());
    this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme', 'style'] });
    this.systemScheme.addEventListener('change', this.onSystemScheme);
    this.apply();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('option')) this.apply();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.themeObserver?.disconnect();
    this.systemScheme.removeEventListener('change', this.onSystemScheme);
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Vaadin sets theme="light", "dark" or "light-dark" (follow the system) on the page. */
  private dark(): boolean {
    const theme = (document.documentElement.getAttribute('theme') ?? '').split(/\s+/);
    if (theme.includes('dark')) return true;
    if (theme.includes('light')) return false;
    return this.systemScheme.matches;
  }

  private apply() {
    if (!this.chart || !this.option) return;
    const option = JSON.parse(this.option);
    // drawn at once: an entry animation redraws the whole canvas every frame for a second, while the page that
    // shows the chart is still settling (and it is motion some people turn off)
    if (option.animation === undefined) option.animation = false;
    const c = this.dark() ? THEMES.dark : THEMES.light;
    option.textStyle = { color: c.text };
    option.tooltip = { ...(option.tooltip ?? {}), backgroundColor: c.tooltip, borderColor: c.line, textStyle: { color: c.text } };
    if (option.legend) option.legend.textStyle = { color: c.text };
    if (option.radar) {
      option.radar.axisName = { color: c.text };
      option.radar.axisLine = { lineStyle: { color: c.line } };
      option.radar.splitLine = { lineStyle: { color: c.line } };
      option.radar.splitArea = { show: false };
    }
    for (const key of ['xAxis', 'yAxis']) {
      for (const axis of [option[key]].flat().filter(Boolean)) {
        axis.nameTextStyle = { color: c.text, ...(axis.nameTextStyle ?? {}) };
        axis.axisLabel = { color: c.muted, ...(axis.axisLabel ?? {}) };
        axis.axisLine = { lineStyle: { color: c.muted } };
        axis.splitLine = { lineStyle: { color: c.line } };
      }
    }
    for (const series of [option.series].flat().filter(Boolean)) {
      if (series.label && series.label.color === undefined && series.label.position !== 'inside') series.label.color = c.text;
    }
    this.chart.setOption(option, true);
    this.declutter();
    this.setAttribute('data-rendered', 'true');
  }

  /**
   * Point labels of scatter series that ask for it (`labelLayout.hideOverlap`) never overlap: each label takes the
   * first free place right, left, above or below its point, and is hidden when none is free (the tooltip and the
   * table beside every chart still name the point). Runs after each render and resize, in pixels of the real size.
   */
  private declutter() {
    const chart = this.chart;
    if (!chart) return;
    const option = chart.getOption() as any;
    const grid = (chart as any).getModel().getComponent('grid')?.coordinateSystem?.getRect?.();
    const measure = document.createElement('canvas').getContext('2d');
    if (!measure || !grid) return;
    const updates: any[] = [];
    (option.series ?? []).forEach((series: any, seriesIndex: number) => {
      if (series.type !== 'scatter' || !series.label?.show || !series.labelLayout?.hideOverlap) {
        updates.push({});
        return;
      }
      const size = series.label.fontSize ?? 12;
      measure.font = `${size}px sans-serif`;
      const symbol = (series.symbolSize ?? 10) / 2;
      const taken: { x: number; y: number; w: number; h: number }[] = [];
      const points = (series.data ?? []).map((d: any) => chart.convertToPixel({ seriesIndex }, d.value) as unknown as number[]);
      points.forEach(([x, y]: number[]) => taken.push({ x: x - symbol, y: y - symbol, w: 2 * symbol, h: 2 * symbol }));
      const data = (series.data ?? []).map((d: any, i: number) => {
        const [x, y] = points[i];
        const w = measure.measureText(String(d.name)).width + 4;
        const h = size + 4;
        const places: [string, { x: number; y: number; w: number; h: number }][] = [
          ['right', { x: x + symbol + 2, y: y - h / 2, w, h }],
          ['left', { x: x - symbol - 2 - w, y: y - h / 2, w, h }],
          ['top', { x: x - w / 2, y: y - symbol - 2 - h, w, h }],
          ['bottom', { x: x - w / 2, y: y + symbol + 2, w, h }],
        ];
        const inside = (b: any) => b.x >= Math.max(0, grid.x - 40) && b.x + b.w <= chart.getWidth() - 2
          && b.y >= Math.max(0, grid.y - 20) && b.y + b.h <= Math.min(chart.getHeight(), grid.y + grid.height + 20);
        const free = (b: any) => taken.every(t => b.x + b.w <= t.x || t.x + t.w <= b.x || b.y + b.h <= t.y || t.y + t.h <= b.y);
        const place = places.find(([, b]) => inside(b) && free(b));
        if (place) taken.push(place[1]);
        return { ...d, label: place ? { show: true, position: place[0] } : { show: false } };
      });
      updates.push({ data, labelLine: { show: false } });
    });
    if (updates.some(u => u.data)) chart.setOption({ series: updates });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'portal-chart': PortalChart }
}

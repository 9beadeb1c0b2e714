import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([RadarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart. The server sends the chart's option as JSON in `option`; a click on a data point fires
 * `chart-click` with the point's `id` (for example a vendor slug). The chart is an image for assistive technology:
 * `label` describes it, and every view that shows one also shows the same data as a table.
 */
@customElement('portal-chart')
export class PortalChart extends LitElement {
  @property() option = '';
  @property() label = 'Chart';
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

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
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(container);
    this.apply();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('option')) this.apply();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private apply() {
    if (!this.chart || !this.option) return;
    const option = JSON.parse(this.option);
    const dark = document.documentElement.getAttribute('theme')?.includes('dark')
      || (!document.documentElement.getAttribute('theme')?.includes('light') && window.matchMedia('(prefers-color-scheme: dark)').matches);
    const text = dark ? '#e6e9ee' : '#1a2533';
    option.textStyle = { color: text };
    if (option.radar) option.radar.axisName = { color: text };
    if (option.legend) option.legend.textStyle = { color: text };
    this.chart.setOption(option, true);
    this.setAttribute('data-rendered', 'true');
  }
}

declare global {
  interface HTMLElementTagNameMap { 'portal-chart': PortalChart }
}

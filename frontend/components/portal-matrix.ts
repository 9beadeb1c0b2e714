import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

interface Cell { s: string; n: string; src: string[]; c: boolean; r: string | null }
interface MatrixData {
  vendors: { slug: string; name: string }[];
  groups: { key: string; name: string; capabilities: { key: string; name: string }[] }[];
  cells: Record<string, Record<string, Cell>>;
}

const LABEL: Record<string, string> = { yes: 'Yes', partial: 'Partial', paid_addon: 'Paid add-on', no: 'No', unknown: 'Unknown' };
const SYMBOL: Record<string, string> = { yes: '✓', partial: '◐', paid_addon: '$', no: '✗', unknown: '?' };

/**
 * The capability matrix: vendors across, capabilities down, grouped. Each cell shows a symbol and a colour (never
 * colour alone), is focusable, and on hover or focus its note, sources, confirmation and review date appear in the
 * panel below (one listener on the table for all cells, so 1,300 cells cost no 2,600 listeners). Headers stay in view while scrolling. The server sends the data as JSON in the `json` property.
 */
@customElement('portal-matrix')
export class PortalMatrix extends LitElement {
  @property() json = '';
  @state() private data: MatrixData | null = null;
  @state() private active: { vendor: string; capability: string; cell: Cell } | null = null;

  static styles = css`
    :host { display: flex; flex-direction: column; gap: 0.5rem; min-height: 0; }
    .scroll { overflow: auto; max-height: 70vh; border: 1px solid var(--lumo-contrast-10pct, #ddd); border-radius: 6px; }
    table { border-collapse: separate; border-spacing: 0; font-size: var(--lumo-font-size-s, 0.875rem); }
    th, td { padding: 0.3rem 0.45rem; border-bottom: 1px solid var(--lumo-contrast-10pct, #eee); white-space: nowrap; }
    thead th { position: sticky; top: 0; z-index: 2; background: var(--lumo-base-color, #fff); font-weight: 600;
      writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; vertical-align: bottom; max-height: 14rem; }
    thead th.corner { writing-mode: horizontal-tb; transform: none; left: 0; z-index: 3; vertical-align: bottom; }
    tbody th { position: sticky; left: 0; z-index: 1; background: var(--lumo-base-color, #fff); text-align: left; font-weight: 500; }
    tr.group th { background: var(--lumo-contrast-5pct, #f3f3f3); font-weight: 700; position: static; }
    /* the row spans the table, wider than the screen: its name, not the cell, keeps to the left while the table scrolls */
    tr.group th span { position: sticky; left: 0.45rem; }
    td { text-align: center; cursor: default; min-width: 1.6rem; }
    td:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: -2px; }
    td.s-yes { background: var(--lumo-success-color-10pct, #e6f4ea); color: var(--lumo-success-text-color, #137333); }
    td.s-partial, td.s-paid_addon { background: rgba(255, 196, 0, 0.18); color: var(--lumo-warning-text-color, #8a5a00); }
    td.s-no { background: var(--lumo-error-color-10pct, #fce8e6); color: var(--lumo-error-text-color, #a50e0e); }
    td.s-unknown { color: var(--lumo-secondary-text-color, #666); }
    td.unconfirmed span { text-decoration: underline dotted; }
    .panel { min-height: 4.5rem; padding: 0.5rem 0.75rem; border-radius: 6px; background: var(--lumo-contrast-5pct, #f5f5f5); }
    .panel a { margin-right: 0.75rem; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.75rem; font-size: var(--lumo-font-size-s, 0.875rem); color: var(--lumo-secondary-text-color, #666); }
  `;

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('json')) {
      this.data = this.json ? (JSON.parse(this.json) as MatrixData) : null;
      this.active = null;
    }
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('data')) {
      const scroll = this.renderRoot.querySelector('.scroll');
      if (scroll) scroll.scrollTop = 0;
    }
  }

  private show(vendor: string, capability: string, cell: Cell) {
    this.active = { vendor, capability, cell };
  }

  /** One listener on the table for every cell (pointer or focus): a cell says its vendor and capability by index. */
  private readonly onCell = (e: Event) => {
    const td = (e.target as Element | null)?.closest?.('td');
    const d = this.data;
    if (!td || !d) return;
    const vendor = d.vendors[Number(td.dataset.v)];
    const capability = this.capabilities[Number(td.dataset.c)];
    if (!vendor || !capability) return;
    if (this.active?.vendor === vendor.name && this.active?.capability === capability.name) return;
    this.show(vendor.name, capability.name, this.cell(vendor.slug, capability.key));
  };

  private capabilities: { key: string; name: string }[] = [];

  private cell(vendor: string, capability: string): Cell {
    return this.data?.cells[vendor]?.[capability] ?? { s: 'unknown', n: '', src: [], c: false, r: null };
  }

  private host(url: string) {
    try { return new URL(url).hostname.replace(/^www\./, ''); } catch { return url; }
  }

  render() {
    const d = this.data;
    if (!d) return nothing;
    if (d.vendors.length === 0 || d.groups.length === 0) {
      return html`<div class="panel">Nothing to show: choose at least one vendor, or switch off "only differences".</div>`;
    }
    this.capabilities = d.groups.flatMap((g) => g.capabilities);
    let index = 0;
    return html`
      <div class="legend" aria-hidden="true">
        ${Object.keys(LABEL).map((k) => html`<span>${SYMBOL[k]} ${LABEL[k]}</span>`)}<span><u style="text-decoration-style:dotted">dotted</u> = unconfirmed</span>
      </div>
      <div class="scroll">
        <table aria-label="Capability matrix" @mouseover=${this.onCell} @focusin=${this.onCell}>
          <thead><tr><th class="corner" scope="col">Capability</th>${d.vendors.map((v) => html`<th scope="col">${v.name}</th>`)}</tr></thead>
          <tbody>
            ${d.groups.map((g) => html`
              <tr class="group"><th scope="rowgroup" colspan=${d.vendors.length + 1}><span>${g.name}</span></th></tr>
              ${g.capabilities.map((c) => {
                const ci = index++;
                return html`
                <tr>
                  <th scope="row">${c.name}</th>
                  ${d.vendors.map((v, vi) => {
                    // the note and sources show in the panel below on pointer or focus (onCell), not in every cell
                    const cell = this.cell(v.slug, c.key);
                    const confirmed = cell.c || cell.s === 'unknown';
                    return html`<td tabindex="0" data-v=${vi} data-c=${ci}
                        class=${confirmed ? `s-${cell.s}` : `s-${cell.s} unconfirmed`}
                        aria-label=${`${v.name}, ${c.name}: ${LABEL[cell.s]}${cell.c ? '' : ', unconfirmed'}`}><span>${SYMBOL[cell.s]}</span></td>`;
                  })}
                </tr>`;
              })}`)}
          </tbody>
        </table>
      </div>
      <div class="panel" role="status" aria-live="polite">
        ${this.active
          ? html`<strong>${this.active.vendor} · ${this.active.capability}: ${LABEL[this.active.cell.s]}</strong>
              (${this.active.cell.c ? 'confirmed' : 'unconfirmed'}${this.active.cell.r ? `, reviewed ${this.active.cell.r}` : ''})
              <div>${this.active.cell.n}</div>
              <div>${this.active.cell.src.length === 0 ? 'No source'
                : this.active.cell.src.map((s) => html`<a href=${s} target="_blank" rel="noopener noreferrer">${this.host(s)}</a>`)}</div>`
          : html`Point at or tab to a cell to see its note and sources.`}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'portal-matrix': PortalMatrix }
}

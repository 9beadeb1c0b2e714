import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * Shows a long hex value (a SHA-256) shortened to its first and last characters, with the whole value in a
 * tooltip and a button that copies it. Used wherever the portal shows audit chain hashes.
 */
@customElement('portal-hash')
export class PortalHash extends LitElement {
  @property() value = '';
  @property() label = 'hash';
  @state() private copied = false;

  static styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
    }
    code {
      padding: 0 0.25rem;
      border-radius: 4px;
      background: var(--lumo-contrast-5pct, rgba(0, 0, 0, 0.05));
    }
    button {
      font: inherit;
      font-size: 0.8em;
      cursor: pointer;
      border: 1px solid var(--lumo-contrast-20pct, #ccc);
      border-radius: 4px;
      background: transparent;
      color: inherit;
      padding: 0 0.35rem;
    }
    button:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 1px;
    }
  `;

  private get short(): string {
    return this.value.length > 20 ? `${this.value.slice(0, 10)}…${this.value.slice(-8)}` : this.value;
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.value);
      this.copied = true;
      setTimeout(() => (this.copied = false), 1500);
    } catch {
      // Clipboard blocked (insecure context): the full value stays readable in the tooltip.
    }
  }

  render() {
    return html`<code title=${this.value} aria-label="${this.label} ${this.value}">${this.short}</code
      ><button type="button" @click=${this.copy} aria-label="Copy ${this.label}">${this.copied ? 'Copied' : 'Copy'}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-hash': PortalHash;
  }
}

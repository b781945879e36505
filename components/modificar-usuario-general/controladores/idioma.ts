import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, idiomaDe, setLocale } from '../localization.js';

/**
 * The element's language: its `lang`, else the page's (`<html lang>`, watched while connected so
 * a host that switches it is followed at once).
 */
export class Idioma implements ReactiveController {
  private observador: MutationObserver | null = null;
  /** The `lang` last applied: a change of it applies again (as `willUpdate` would see it). */
  private aplicado: string | undefined;

  constructor(private readonly host: ReactiveControllerHost & { lang: string }) {
    host.addController(this);
  }

  hostConnected() {
    this.observador = new MutationObserver(() => this.aplicar());
    this.observador.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.aplicar();
  }

  hostDisconnected() {
    this.observador?.disconnect();
  }

  hostUpdate() {
    if (this.host.lang !== this.aplicado) this.aplicar();
  }

  private aplicar() {
    this.aplicado = this.host.lang;
    const idioma = idiomaDe(this.host.lang || document.documentElement.lang);
    if (idioma !== getLocale()) void setLocale(idioma);
  }
}

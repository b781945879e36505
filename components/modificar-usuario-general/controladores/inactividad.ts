import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { INACTIVIDAD_SESION_MS } from '../../../contract/http.js';

/** The warning comes at 28 minutes: at least a minute before the BFF may close an idle session. */
export const AVISO_MS = INACTIVIDAD_SESION_MS - 2 * 60_000;

/** Warns before the session's idle timeout; every authenticated answer restarts the clock. */
export class Inactividad implements ReactiveController {
  estado: 'activa' | 'aviso' | 'expirada' = 'activa';
  /** Instant of the last answer while watching; the server's clock does not stop while detached. */
  private desde: number | null = null;
  private relojes: ReturnType<typeof setTimeout>[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly alCambiar: (estado: Inactividad['estado']) => void,
  ) {
    host.addController(this);
  }

  // An element moved in the page is disconnected and connected again: keep warning on time.
  hostConnected() {
    if (this.desde !== null) this.programar();
  }

  hostDisconnected() {
    this.limpiar();
  }

  /** Called on every successful answer of the BFF. */
  reiniciar() {
    this.desde = Date.now();
    this.programar();
    if (this.estado !== 'activa') this.cambiar('activa');
  }

  detener() {
    this.desde = null;
    this.limpiar();
  }

  private programar() {
    this.limpiar();
    const pasado = Date.now() - this.desde!;
    this.relojes = [
      setTimeout(() => this.cambiar('aviso'), AVISO_MS - pasado),
      setTimeout(() => this.cambiar('expirada'), INACTIVIDAD_SESION_MS - pasado),
    ];
  }

  private limpiar() {
    this.relojes.forEach(clearTimeout);
    this.relojes = [];
  }

  private cambiar(estado: Inactividad['estado']) {
    this.estado = estado;
    this.alCambiar(estado);
    this.host.requestUpdate();
  }
}

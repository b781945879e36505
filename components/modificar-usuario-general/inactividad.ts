import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The BFF closes a session after 30 minutes without requests (DESIGN.md §4). */
export const INACTIVIDAD_MS = 30 * 60_000;
/** The warning comes two minutes before. */
export const AVISO_MS = INACTIVIDAD_MS - 2 * 60_000;

/** Warns before the session's idle timeout; every authenticated answer restarts the clock. */
export class Inactividad implements ReactiveController {
  estado: 'activa' | 'aviso' | 'expirada' = 'activa';
  private aviso: ReturnType<typeof setTimeout> | null = null;
  private fin: ReturnType<typeof setTimeout> | null = null;
  private activo = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {}

  hostDisconnected() {
    this.detener();
  }

  /** Called on every successful answer of the BFF. */
  reiniciar() {
    this.detener();
    this.activo = true;
    this.aviso = setTimeout(() => this.cambiar('aviso'), AVISO_MS);
    this.fin = setTimeout(() => this.cambiar('expirada'), INACTIVIDAD_MS);
    if (this.estado !== 'activa') this.cambiar('activa');
  }

  detener() {
    if (this.aviso) clearTimeout(this.aviso);
    if (this.fin) clearTimeout(this.fin);
    this.aviso = this.fin = null;
    this.activo = false;
  }

  get vigilando(): boolean {
    return this.activo;
  }

  private cambiar(estado: Inactividad['estado']) {
    this.estado = estado;
    this.host.requestUpdate();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** If a pressed pointer never clicks (dragged off its target), the held work runs anyway. */
const ESPERA_SIN_CLICK_MS = 600;

/**
 * Holds layout-changing work caused by a blur (an error appearing under a field) while a pointer
 * interaction is under way, and runs it once the click is done. The mousedown that blurs a field
 * comes before the mouseup that completes the click: an error shown in between pushes the button
 * down and the click lands elsewhere (a "lost click"). Keyboard blurs run at once.
 * On touch screens the tap's mousedown/click come after pointerup, so the interaction lasts until
 * the click (or a short wait when there is none).
 */
export class TrasPuntero implements ReactiveController {
  private enCurso = false;
  private pendientes: (() => void)[] = [];
  private espera: ReturnType<typeof setTimeout> | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {
    addEventListener('pointerdown', this.empezar, true);
    addEventListener('pointerup', this.soltar, true);
    addEventListener('pointercancel', this.soltar, true);
    addEventListener('click', this.terminar, true);
  }

  hostDisconnected() {
    removeEventListener('pointerdown', this.empezar, true);
    removeEventListener('pointerup', this.soltar, true);
    removeEventListener('pointercancel', this.soltar, true);
    removeEventListener('click', this.terminar, true);
    this.limpiar();
    this.enCurso = false;
    this.pendientes = [];
  }

  /** Runs `tarea` now, or after the pointer interaction under way. */
  ejecutar(tarea: () => void) {
    if (this.enCurso) this.pendientes.push(tarea);
    else tarea();
  }

  private empezar = () => {
    this.limpiar();
    this.enCurso = true;
  };

  private soltar = () => {
    this.limpiar();
    this.espera = setTimeout(this.vaciar, ESPERA_SIN_CLICK_MS);
  };

  // The click is dispatched in the same task as mouseup: run the held work after it.
  private terminar = () => {
    if (!this.enCurso) return;
    this.limpiar();
    this.espera = setTimeout(this.vaciar, 0);
  };

  private vaciar = () => {
    this.espera = null;
    this.enCurso = false;
    for (const tarea of this.pendientes.splice(0)) tarea();
  };

  private limpiar() {
    if (this.espera !== null) clearTimeout(this.espera);
    this.espera = null;
  }
}

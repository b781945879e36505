import type { ReactiveControllerHost } from 'lit';
import type { CodigoCampo } from '../../../contract/codigos.js';
import { CAMPOS, type Campo, type Valores } from '../lib/tipos.js';
import { PASOS_PENDIENTES, type CodigoFormulario } from '../lib/codigos.js';

// Reminders of a pending step ("check the address first"): they matter only on submit.
const PASOS = new Set<CodigoFormulario>(PASOS_PENDIENTES);

/**
 * Values and interaction state of the form, and when an error is worth showing (Lion's
 * InteractionStateMixin): after leaving a touched and changed field, after a submit, or when
 * the server said so (until the field changes).
 */
export class EstadoFormulario {
  valores = {} as Valores;
  private iniciales = {} as Valores;
  private tocados = new Set<Campo>();
  private servidor = new Map<Campo, CodigoCampo>();
  /** Every error the browser can tell right now, in screen order (see formulario.ts). */
  errores = new Map<Campo, CodigoFormulario>();
  enviado = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  reiniciar(valores: Valores) {
    this.valores = valores;
    this.iniciales = { ...valores };
    this.tocados.clear();
    this.servidor.clear();
    this.enviado = false;
  }

  /**
   * New values from the server as the starting point, with `valores` on top (the user's edits,
   * kept after a 412): fields differing from `iniciales` count as changed, as typed ones do.
   */
  rebasar(iniciales: Partial<Valores>, valores: Partial<Valores>) {
    this.iniciales = { ...this.iniciales, ...iniciales };
    this.valores = { ...this.valores, ...valores };
    this.servidor.clear();
    this.host.requestUpdate();
  }

  poner(cambios: Partial<Valores>) {
    for (const campo of Object.keys(cambios) as Campo[]) this.servidor.delete(campo);
    this.valores = { ...this.valores, ...cambios };
    this.host.requestUpdate();
  }

  /** Modificar was pressed: every error shows. */
  enviar() {
    this.enviado = true;
    this.host.requestUpdate();
  }

  tocar(...campos: Campo[]) {
    campos.forEach((c) => this.tocados.add(c));
    this.host.requestUpdate();
  }

  errorDelServidor(campo: Campo, codigo: CodigoCampo) {
    this.servidor.set(campo, codigo);
    this.host.requestUpdate();
  }

  visible(campo: Campo): CodigoFormulario | null {
    const servidor = this.servidor.get(campo);
    if (servidor) return servidor;
    const codigo = this.errores.get(campo);
    if (!codigo) return null;
    if (PASOS.has(codigo)) return this.enviado ? codigo : null;
    const sucio = this.valores[campo] !== this.iniciales[campo];
    return this.enviado || (this.tocados.has(campo) && sucio) ? codigo : null;
  }

  /** The errors shown now, in screen order: what the summary lists. */
  lista(): [Campo, CodigoFormulario][] {
    const r: [Campo, CodigoFormulario][] = [];
    for (const campo of CAMPOS) {
      const codigo = this.visible(campo);
      if (codigo) r.push([campo, codigo]);
    }
    return r;
  }
}

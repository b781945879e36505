import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ProblemaHttp, type ClienteApi } from './api.js';

import type { EvaluacionContrasena } from '../../contract/contrasena.js';
import type { ContextoContrasena } from '../../contract/datos-personales.js';

type Evaluador = (clave: string, contexto: ContextoContrasena) => Promise<EvaluacionContrasena>;

let carga: Promise<Evaluador | null> | null = null;

/** zxcvbn-ts and its dictionaries are big: they come in a lazy chunk, on first use only. */
function cargarEvaluador(): Promise<Evaluador | null> {
  carga ??= import('../../contract/contrasena.js').then(
    (m) => m.evaluarContrasena as Evaluador,
    () => null,
  );
  return carga;
}

/**
 * "Cambio de clave": checks the old password on the server (only then are the new password
 * fields enabled) and evaluates the new one for the live checklist and strength meter.
 */
export class FlujoClave implements ReactiveController {
  verificada = false;
  verificando = false;
  evaluacion: EvaluacionContrasena | null = null;
  /** The policy module could not be loaded: the strength item says so instead of guessing. */
  sinEvaluador = false;
  private turno = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => ClienteApi,
  ) {
    host.addController(this);
  }

  // No lifecycle work; declared because a controller needs at least one hook.
  hostConnected() {}

  /** Posts the old password; resolves with an error code for the field, or null when it is right. */
  async verificar(contrasenaAnterior: string): Promise<string | null> {
    if (!contrasenaAnterior) return 'REQUERIDO';
    this.verificando = true;
    this.host.requestUpdate();
    try {
      await this.api().post('/api/usuario/clave/verificacion', { contrasenaAnterior });
      this.verificada = true;
      void cargarEvaluador();
      return null;
    } catch (e) {
      // 422 INCORRECTA is an answer about the field, not a failure of the request.
      if (e instanceof ProblemaHttp && e.status === 422) return e.errores[0]?.codigo ?? 'INCORRECTA';
      throw e;
    } finally {
      this.verificando = false;
      this.host.requestUpdate();
    }
  }

  /** The old password changed after the check: the check no longer holds. */
  anular() {
    this.verificada = false;
    this.evaluacion = null;
    this.host.requestUpdate();
  }

  async evaluar(clave: string, contexto: ContextoContrasena) {
    const turno = ++this.turno;
    if (!clave) {
      this.evaluacion = null;
      this.host.requestUpdate();
      return;
    }
    const evaluador = await cargarEvaluador();
    if (turno !== this.turno) return;
    if (!evaluador) {
      this.sinEvaluador = true;
      this.host.requestUpdate();
      return;
    }
    try {
      const resultado = await evaluador(clave, contexto);
      if (turno !== this.turno) return;
      this.evaluacion = resultado;
    } catch {
      this.sinEvaluador = true;
    }
    this.host.requestUpdate();
  }
}


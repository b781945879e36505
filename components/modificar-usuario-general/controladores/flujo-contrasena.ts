import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import { ProblemaHttp, type ClienteApi } from '../lib/api.js';
import { cargarParte } from '../lib/partes.js';

import type { CodigoCampo } from '../../../contract/codigos.js';
import type { EvaluacionContrasena } from '../../../contract/contrasena.js';
import type { ContextoContrasena } from '../../../contract/datos-personales.js';

type Evaluador = (contrasena: string, contexto: ContextoContrasena) => Promise<EvaluacionContrasena>;

let carga: Promise<Evaluador | null> | null = null;

/** zxcvbn-ts and its dictionaries are big: they come in a lazy chunk, on first use only. */
function cargarEvaluador(): Promise<Evaluador | null> {
  carga ??= import('../../../contract/contrasena.js').then(
    (m) => m.evaluarContrasena as Evaluador,
    () => null,
  );
  return carga;
}

/**
 * "Cambio de clave": checks the old password on the server (only then are the new password
 * fields enabled) and evaluates the new one for the live checklist and strength meter.
 */
export class FlujoContrasena implements ReactiveController {
  verificada = false;
  verificando = false;
  /** The checklist and meter (a lazy part, fetched beside the check): here once `verificada`. */
  requisitos: typeof import('../vistas/requisitos-contrasena.js') | null = null;

  /**
   * zxcvbn on the new password, again whenever it (or the name it must not contain) changes; only
   * the latest evaluation counts.
   */
  private readonly evaluador: Task<[string, string, string, string], EvaluacionContrasena | null>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => ClienteApi,
    /** The new password as typed, and who it must not name. */
    nueva: () => [contrasena: string, contexto: ContextoContrasena],
  ) {
    host.addController(this);
    this.evaluador = new Task(host, {
      args: () => {
        if (!this.verificada) return ['', '', '', ''];
        const [contrasena, { idUsuario, nombre, correo }] = nueva();
        return [contrasena, idUsuario, nombre, correo];
      },
      task: async ([contrasena, idUsuario, nombre, correo]) => {
        if (!contrasena) return null;
        const evaluador = await cargarEvaluador();
        if (!evaluador) throw new Error('sin evaluador');
        return evaluador(contrasena, { idUsuario, nombre, correo });
      },
    });
  }

  get evaluacion(): EvaluacionContrasena | null {
    return this.evaluador.value ?? null;
  }

  /** The policy module could not be loaded (or failed): the strength item says so instead of guessing. */
  get sinEvaluador(): boolean {
    return this.evaluador.error !== undefined;
  }

  // No lifecycle work; declared because a controller needs at least one hook.
  hostConnected() {}

  /** Posts the old password; resolves with an error code for the field, or null when it is right. */
  async verificar(contrasenaAnterior: string): Promise<CodigoCampo | null> {
    if (!contrasenaAnterior) return 'REQUERIDO';
    this.verificando = true;
    this.host.requestUpdate();
    try {
      [, this.requisitos] = await Promise.all([
        this.api().post('/api/usuario/clave/verificacion', { contrasenaAnterior }),
        cargarParte(import('../vistas/requisitos-contrasena.js')),
      ]);
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
    this.host.requestUpdate();
  }
}

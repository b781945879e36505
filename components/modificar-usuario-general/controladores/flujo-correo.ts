import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CodigoEnviado, Disponibilidad } from '../../../contract/api.js';
import type { CodigoCampo } from '../../../contract/codigos.js';
import { normalizarCorreo } from '../../../contract/texto.js';
import { ProblemaHttp, type ClienteApi } from '../lib/api.js';
import { cargarParte } from '../lib/partes.js';
import { duracionCodigo, msHasta, umbralCruzado } from '../vistas/cuenta-regresiva.js';

/**
 * The new-email steps of seed §5.5.1: availability check (locks the fields), security code
 * request, its 15-minute countdown and the resend cooldown.
 */
export class FlujoCorreo implements ReactiveController {
  /** The address confirmed free by the server; null until "Comprobar disponibilidad" succeeds. */
  verificado: string | null = null;
  comprobando = false;
  solicitando = false;
  /** Local instant (ms) when the code expires; null when no valid code is pending. */
  expira: number | null = null;
  /** Local instant (ms) before which a new code cannot be asked for. */
  reenviarDesde = 0;
  /** Tries left on the current code, when the server said it. */
  intentosRestantes: number | null = null;
  /** The last threshold crossed (10, 5, 2, 1 minutes), for the polite live region. */
  anuncio: number | null = null;
  ahora = Date.now();
  /** The countdown's view (a lazy part, fetched beside the availability check). */
  vistaCodigo: typeof import('../vistas/estado-codigo.js') | null = null;
  private reloj: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => ClienteApi,
    /** The security code ran out: the host tells the user with an informative message. */
    private readonly alExpirar: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    if (this.expira !== null || this.reenviarDesde > Date.now()) this.arrancar();
  }

  hostDisconnected() {
    this.parar();
  }

  get restante(): number {
    return this.expira === null ? 0 : Math.max(0, this.expira - this.ahora);
  }

  get esperaReenvio(): number {
    return Math.max(0, this.reenviarDesde - this.ahora);
  }

  /** Resolves with an error code for the `correo` field, or null when the address is free. */
  async comprobar(correo: string): Promise<CodigoCampo | null> {
    this.comprobando = true;
    this.host.requestUpdate();
    try {
      const [{ datos }, vistaCodigo] = await Promise.all([
        this.api().post<Disponibilidad>('/api/correo/disponibilidad', { correo }),
        cargarParte(import('../vistas/estado-codigo.js')),
      ]);
      this.vistaCodigo = vistaCodigo;
      if (!datos.disponible) return 'NO_DISPONIBLE';
      this.verificado = normalizarCorreo(correo);
      return null;
    } catch (e) {
      if (e instanceof ProblemaHttp && e.status === 422) return e.errores[0]?.codigo ?? 'FORMATO';
      throw e;
    } finally {
      this.comprobando = false;
      this.host.requestUpdate();
    }
  }

  /** "Usar otro correo": unlocks the fields and voids the check and any code sent. */
  usarOtro() {
    this.verificado = null;
    this.anularCodigo();
  }

  /** Resolves true when a code was sent for the address still checked. */
  async solicitar(): Promise<boolean> {
    const correo = this.verificado;
    if (!correo || this.solicitando) return false;
    this.solicitando = true;
    this.host.requestUpdate();
    try {
      const { datos } = await this.api().post<CodigoEnviado>('/api/correo/codigo', { correo });
      // «Usar otro correo» meanwhile: that code is for the address left, no countdown for it.
      if (this.verificado !== correo) return false;
      const ahora = Date.now();
      this.ahora = ahora;
      this.expira = ahora + duracionCodigo(datos.expiraEn, ahora);
      this.reenviarDesde = ahora + msHasta(datos.reenviarDesde, ahora, 3_600_000, 60_000);
      this.intentosRestantes = null;
      this.anuncio = null;
      this.arrancar();
      return true;
    } catch (e) {
      if (e instanceof ProblemaHttp && e.status === 429 && e.reintentarEn) {
        this.reenviarDesde = Date.now() + e.reintentarEn * 1000;
        this.arrancar();
      }
      throw e;
    } finally {
      this.solicitando = false;
      this.host.requestUpdate();
    }
  }

  /** The server said the code is wrong, spent or expired. */
  rechazado(codigo: CodigoCampo, problema: ProblemaHttp) {
    if (codigo === 'EXPIRADO' || codigo === 'AGOTADO') {
      this.anularCodigo();
      return;
    }
    this.intentosRestantes = intentosDe(problema) ?? this.intentosRestantes;
    this.host.requestUpdate();
  }

  anularCodigo() {
    this.expira = null;
    this.anuncio = null;
    this.intentosRestantes = null;
    this.host.requestUpdate();
  }

  private arrancar() {
    if (this.reloj) return;
    this.ahora = Date.now();
    this.reloj = setInterval(() => this.tic(), 1000);
  }

  private parar() {
    if (this.reloj) clearInterval(this.reloj);
    this.reloj = null;
  }

  private tic() {
    const antes = this.expira === null ? 0 : this.expira - this.ahora;
    this.ahora = Date.now();
    if (this.expira !== null) {
      const restante = this.expira - this.ahora;
      const umbral = umbralCruzado(antes, restante);
      if (umbral !== null) this.anuncio = umbral;
      if (restante <= 0) {
        this.anularCodigo();
        this.alExpirar();
      }
    }
    if (this.expira === null && this.esperaReenvio === 0) this.parar();
    this.host.requestUpdate();
  }
}

/** Tries left on the code, from its field error (`intentosRestantes`). */
function intentosDe(p: ProblemaHttp): number | null {
  return p.errores.find((e) => e.campo === 'codigoSeguridad')?.intentosRestantes ?? null;
}

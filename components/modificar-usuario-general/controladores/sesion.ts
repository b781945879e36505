import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ClienteApi } from '../lib/api.js';
import { cargarParte } from '../lib/partes.js';
import { SesionExpiradaEvent } from '../eventos.js';
import type { Usuario } from '../../../contract/api.js';
import type { SesionIniciadaEvent } from '../vistas/formulario-login.js';

/**
 * What the element shows: the form (or, while it loads, grey blocks, or the load's error), the
 * built-in login, a session ended with the host's token, the login that could not be fetched, the
 * closing message of a baja.
 */
export type Pantalla = 'formulario' | 'login' | 'sin-sesion' | 'sin-login' | 'baja';

export interface AnfitrionSesion extends ReactiveControllerHost, EventTarget {
  apiBase: string;
  token: string | undefined;
}

export interface OpcionesSesion {
  /** The user whose data is on screen, if any: what was typed is kept for that user only. */
  idUsuario(): string | undefined;
  /** `listo`: the form is on screen with a user's data. */
  pantalla(): Pantalla | 'listo';
  mostrar(pantalla: Pantalla): void;
  /** Loads the user and the catalogs again (another user, or the first session). */
  cargar(): Promise<void>;
  /** Asks the user for the password (403 REAUTENTICACION_REQUERIDA); true when it was renewed. */
  reautenticar(): Promise<boolean>;
  /** Every answer under the session (the idle clock). */
  alResponder(): void;
  /** The session ended (401). */
  alTerminar(): void;
}

/**
 * Sessions and tokens: the client of the BFF with the host's `token`, the built-in login's token
 * (memory only, never storage) or the cookie; the token the BFF renews after a password change;
 * a 401, that tells the host (sesion-expirada) or shows the built-in login; and a new session,
 * that keeps what was typed for the same user only.
 */
export class Sesion implements ReactiveController {
  readonly api: ClienteApi;
  /** Set by the built-in login. */
  private tokenSesion: string | undefined;
  /** The host's token was replaced by the BFF after a password change; until the host sets another. */
  private tokenRenovado: string | undefined;
  /** The host's `token` at the last update: a change of it is a new session from the host. */
  private tokenVisto: string | undefined;

  constructor(
    private readonly host: AnfitrionSesion,
    private readonly o: OpcionesSesion,
  ) {
    host.addController(this);
    this.api = new ClienteApi({
      base: () => host.apiBase || location.origin,
      token: () => this.tokenRenovado ?? host.token ?? this.tokenSesion,
      reautenticar: () => o.reautenticar(),
      alNoAutenticado: () => this.noAutenticado(),
      alResponder: () => o.alResponder(),
      // The old token was revoked with every other session: keep working with the new one.
      alRenovarToken: (token) => {
        if (host.token) this.tokenRenovado = token;
        else this.tokenSesion = token;
      },
    });
  }

  hostUpdate() {
    const token = this.host.token;
    if (token === this.tokenVisto) return;
    this.tokenVisto = token;
    this.tokenRenovado = undefined;
    if (!token) return;
    const pantalla = this.o.pantalla();
    // The host answered sesion-expirada with a new token, or set one while the built-in login
    // was shown: carry on with it.
    if (pantalla === 'sin-sesion' || pantalla === 'login') void this.o.cargar();
    // Mid-edit, what was typed is kept for the same user only (as after the built-in login).
    else if (pantalla === 'listo') void this.mismoUsuario();
  }

  private async mismoUsuario() {
    try {
      const { datos } = await this.api.get<Usuario>('/api/usuario');
      if (datos.idUsuario !== this.o.idUsuario()) await this.o.cargar();
    } catch {
      // A 401 already went to noAutenticado; any other failure shows on the next action.
    }
  }

  private noAutenticado() {
    this.o.alTerminar();
    if (this.host.token) {
      // Whatever was typed stays; only a first load has nothing to show until a new token.
      if (!this.o.idUsuario()) this.o.mostrar('sin-sesion');
      this.host.dispatchEvent(new SesionExpiradaEvent());
      return;
    }
    this.tokenSesion = undefined;
    void this.mostrarLogin();
  }

  /** The built-in login is fetched the first time a session is missing; what was shown stays until then. */
  private async mostrarLogin() {
    try {
      await cargarParte(import('../vistas/formulario-login.js'));
    } catch {
      return this.o.mostrar('sin-login');
    }
    // A host token set meanwhile already reloaded the element.
    if (!this.host.token) this.o.mostrar('login');
  }

  /**
   * The built-in login answered. Whatever was typed before the session ended is kept, but only for
   * the same user: someone else logging in at this form gets their own data (and ETag), never the
   * previous user's values.
   */
  async iniciada(e: SesionIniciadaEvent) {
    this.tokenSesion = e.token;
    if (this.o.idUsuario()?.toLowerCase() === e.idUsuario.toLowerCase()) this.o.mostrar('formulario');
    else await this.o.cargar();
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { normalizarCorreo } from '../../contract/texto.js';
import { ClienteApi, ErrorRed, ProblemaHttp, type Respuesta } from './api.js';
import { estilos } from './modificar-usuario-general.styles.js';
import { getLocale, idiomaDe, setLocale } from './localization.js';
import { BajaSolicitadaEvent, SesionExpiradaEvent, UsuarioModificadoEvent } from './eventos.js';
import type { ContextoContrasena } from '../../contract/datos-personales.js';
import { FlujoClave } from './flujo-clave.js';
import { FlujoCorreo } from './flujo-correo.js';
import { Inactividad } from './inactividad.js';
import { TrasPuntero } from './tras-puntero.js';
import { alSalir, cuerpoDe, valoresDe } from './formulario.js';
import { EstadoFormulario } from './estado-formulario.js';
import { textoProblema } from './mensajes.js';
import { vistaFormulario, type Vista } from './vista-formulario.js';
import { vistaEsqueleto, vistaErrorCarga, avisoSesionCerrada } from './vistas-estado.js';
import { idDe } from './campos.js';
import type { BajaRegistrada, Opcion, Usuario } from '../../contract/api.js';
import type { Campo, Valores } from './tipos.js';
import type { DialogoMensaje } from './dialogo-mensaje.js';
import type { DialogoReautenticacion } from './dialogo-reautenticacion.js';
import type { DialogoBaja } from './dialogo-baja.js';
import type { ActividadReciente } from './actividad-reciente.js';
import type { SesionIniciadaEvent } from './formulario-login.js';
import { cargarParte, definirUnaVez, unaVez } from './partes.js';

/**
 * Lets an Ecuapass "Usuario General" correct their registration data (SENAE-ISEE-3-2-010 §5.5–5.8):
 * name, password, location, phones and email (with availability check and emailed security code),
 * or request the baja of the account.
 *
 * The public API (README.md beside this file, custom-elements.json): the `api-base` and `lang`
 * attributes, the `token` property, the three events, the CSS custom properties and the parts below.
 * Every other member is internal and may change in any release.
 *
 * @tag modificar-usuario-general
 * @summary Modificar información de registro para Usuario General.
 *
 * @fires {UsuarioModificadoEvent} usuario-modificado - The server accepted the update. `detail`: `Usuario`, the user as stored (as `GET /api/usuario` returns it).
 * @fires {BajaSolicitadaEvent} baja-solicitada - The baja was registered and the account deactivated. `detail`: `BajaRegistrada`, `{id, estado, creadaEn}`.
 * @fires {SesionExpiradaEvent} sesion-expirada - A request answered 401 while the host supplied `token`: set a new `token` to carry on (what was typed is kept). `detail`: `null`.
 *
 * @csspart formulario - The `<form>`.
 * @csspart titulo - The screen title.
 * @csspart seccion - Each group of fields (password, email).
 * @csspart campo - Each label + control + messages block.
 * @csspart boton - Secondary buttons (Cambio de clave, Comprobar disponibilidad, …).
 * @csspart boton-modificar - The Modificar button.
 * @csspart boton-baja - The Solicitud de baja button.
 * @csspart botones - The bottom button bar.
 * @csspart resumen-errores - The error summary shown after a failed submit.
 * @csspart cuenta-regresiva - The security-code countdown.
 * @csspart medidor - The password strength `<meter>`.
 * @csspart aviso - The idle-session and error banners.
 * @csspart actividad - The "Actividad reciente" `<details>`.
 * @csspart dialogo - Every `<dialog>`.
 * @csspart login - The built-in login form.
 *
 * @cssproperty --mug-color-primario - Buttons, titles (default #0b4f8a).
 * @cssproperty --mug-color-texto-primario - Text on primary buttons (default #fff).
 * @cssproperty --mug-color-texto - Text.
 * @cssproperty --mug-color-texto-tenue - Help text.
 * @cssproperty --mug-color-fondo - Controls and dialogs.
 * @cssproperty --mug-color-superficie - Read-only fields.
 * @cssproperty --mug-color-borde - Control borders.
 * @cssproperty --mug-color-error - Errors and asterisks.
 * @cssproperty --mug-color-exito - Success text.
 * @cssproperty --mug-color-aviso - Warnings.
 * @cssproperty --mug-color-foco - Focus ring.
 * @cssproperty --mug-radio - Corner radius (default 4px).
 */
@definirUnaVez('modificar-usuario-general')
// @localized() below the define: legacy decorators apply bottom-up, and an element already in the page
// is upgraded by define(); its locale listener must be in place by then.
@localized()
export class ModificarUsuarioGeneral extends LitElement implements Vista {
  static override styles = estilos;

  /** Origin of the BFF (default: the page's origin). */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Bearer token from the host; without it the element uses the BFF's session cookie. */
  @property({ attribute: false }) token: string | undefined = undefined;
  /** `es` (default) or `en`; else `document.documentElement.lang`. */
  @property() override lang = '';

  @state() estado: 'cargando' | 'error' | 'login' | 'sin-sesion' | 'listo' | 'baja' = 'cargando';
  @state() errorCarga = '';
  @state() paises: Opcion[] = [];
  @state() provincias: Opcion[] = [];
  @state() ciudades: Opcion[] = [];
  @state() operadoras: Opcion[] = [];
  @state() cargandoCiudades = false;
  @state() enviando = false;
  usuario!: Usuario;
  private etag = '';
  private turnoCiudades = 0;
  private abriendoBaja = false;
  /** Validation (valibot and the contract's schemas), fetched the first time the user acts on the form. */
  private validacion: typeof import('./validacion.js') | undefined;
  private readonly form = new EstadoFormulario(this);
  /** Set by the built-in login; memory only, never storage. */
  private tokenSesion: string | undefined;
  /** The host's token was replaced by the BFF after a password change; until the host sets another. */
  private tokenRenovado: string | undefined;
  private observador: MutationObserver | null = null;

  readonly api = new ClienteApi({
    base: () => this.apiBase || location.origin,
    token: () => this.tokenRenovado ?? this.token ?? this.tokenSesion,
    reautenticar: () => this.reautenticar(),
    alNoAutenticado: () => this.noAutenticado(),
    alResponder: () => this.inactividad.reiniciar(),
    // The old token was revoked with every other session: keep working with the new one.
    alRenovarToken: (token) => {
      if (this.token) this.tokenRenovado = token;
      else this.tokenSesion = token;
    },
  });
  readonly clave = new FlujoClave(this, () => this.api);
  readonly correo = new FlujoCorreo(this, () => this.api);
  readonly inactividad = new Inactividad(this, (estado) => void this.inactividadCambio(estado));
  private readonly trasPuntero = new TrasPuntero(this);

  @query('mug-dialogo-mensaje') private dialogoMensaje!: DialogoMensaje;
  @query('mug-dialogo-reautenticacion') private reautenticacion!: DialogoReautenticacion;
  @query('mug-dialogo-baja') private dialogoBaja!: DialogoBaja;
  @query('mug-actividad-reciente') private actividad?: ActividadReciente;
  /** The activity panel's module arrived (it is fetched the first time the panel is opened). */
  @state() actividadCargada = false;

  override connectedCallback() {
    super.connectedCallback();
    this.observador = new MutationObserver(() => this.aplicarIdioma());
    this.observador.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.aplicarIdioma();
    // After the first render, so a `token` the host sets right after creating the element is used.
    if (this.estado === 'cargando') void this.updateComplete.then(() => this.cargar());
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.observador?.disconnect();
  }

  protected override willUpdate(cambios: PropertyValues<this>) {
    if (cambios.has('lang')) this.aplicarIdioma();
    if (!cambios.has('token')) return;
    this.tokenRenovado = undefined;
    // The host answered sesion-expirada with a new token, or set one while the built-in login
    // was shown: carry on with it.
    if (this.token && (this.estado === 'sin-sesion' || this.estado === 'login')) void this.cargar();
    // Mid-edit, what was typed is kept for the same user only (as after the built-in login).
    else if (this.token && this.estado === 'listo') void this.mismoUsuario();
  }

  private async mismoUsuario() {
    try {
      const { datos } = await this.api.get<Usuario>('/api/usuario');
      if (datos.idUsuario !== this.usuario.idUsuario) await this.cargar();
    } catch {
      // A 401 already went to noAutenticado; any other failure shows on the next action.
    }
  }

  private aplicarIdioma() {
    const idioma = idiomaDe(this.lang || document.documentElement.lang);
    if (idioma !== getLocale()) void setLocale(idioma);
  }

  /**
   * GET the user (keeping its ETag) and the catalogs it needs. `enSitio` keeps the form on screen
   * (a reload after 412), so the keyboard focus is not lost with it.
   */
  async cargar(enSitio = false) {
    if (!enSitio) this.estado = 'cargando';
    const usuario = this.api.get<Usuario>('/api/usuario');
    // The cities of the user's province are asked for as soon as it is known, beside the other
    // catalogs; the form does not wait for them (Ciudad says «Cargando…» meanwhile).
    const ciudades = usuario.then(({ datos }) => (conCiudades(datos) ? this.api.get<Opcion[]>(rutaCiudades(datos.provincia!)) : null));
    // Judged by cargarCiudades once the form is shown; dropped with a load that failed.
    ciudades.catch(() => undefined);
    try {
      const [u, paises, provincias, operadoras] = await Promise.all([
        usuario,
        this.api.get<Opcion[]>('/api/catalogos/paises'),
        this.api.get<Opcion[]>('/api/catalogos/provincias'),
        this.api.get<Opcion[]>('/api/catalogos/operadoras'),
      ]);
      this.paises = paises.datos;
      this.provincias = provincias.datos;
      this.operadoras = operadoras.datos;
      this.ponerUsuario(u.datos, u.etag);
      if (conCiudades(this.usuario)) void this.cargarCiudades(this.usuario.provincia!, ciudades);
      else this.vaciarCiudades();
      this.estado = 'listo';
    } catch (e) {
      if (e instanceof ProblemaHttp && e.status === 401) return;
      this.errorCarga = e instanceof ErrorRed ? 'RED' : e instanceof ProblemaHttp ? e.codigo : '';
      this.estado = 'error';
    }
  }

  private ponerUsuario(usuario: Usuario, etag: string | null) {
    // «No» is the seed's first default; after that the user's own choice stays for this visit
    // (a save or a reload of the same user), so the next edit does not start by failing on it.
    const eleccion = this.usuario?.idUsuario === usuario.idUsuario ? this.valores.mantenerCorreo : undefined;
    this.usuario = usuario;
    this.etag = etag ?? `"${usuario.version}"`;
    this.form.reiniciar({ ...valoresDe(usuario), ...(eleccion ? { mantenerCorreo: eleccion } : {}) });
    this.clave.anular();
    this.correo.usarOtro();
    this.validar();
  }

  /**
   * Only the latest request counts: the answer (or failure) for a province the user already left
   * must neither replace the list nor end the "Cargando…" of the one being loaded now. `pedido`:
   * the request already on its way, if any.
   */
  private async cargarCiudades(provincia: string, pedido: Promise<Respuesta<Opcion[]> | null> = this.api.get(rutaCiudades(provincia))) {
    this.vaciarCiudades();
    const turno = this.turnoCiudades;
    this.cargandoCiudades = true;
    try {
      const respuesta = await pedido;
      if (turno === this.turnoCiudades) this.ciudades = respuesta?.datos ?? [];
    } catch (e) {
      if (turno === this.turnoCiudades) void this.fallo(e, () => void this.cargarCiudades(provincia));
    } finally {
      if (turno === this.turnoCiudades) this.cargandoCiudades = false;
    }
  }

  /** No list, and any request still on its way is ignored. */
  private vaciarCiudades() {
    this.turnoCiudades++;
    this.ciudades = [];
    this.cargandoCiudades = false;
  }

  // ---- fields (see campos.ts) ----

  /** The errors the summary lists: those shown, once Modificar was pressed (derived, never stored). */
  get resumen(): [Campo, string][] {
    return this.form.enviado ? this.form.lista() : [];
  }

  get valores(): Valores {
    return this.form.valores;
  }

  cambiar(campo: Campo, valor: string) {
    void this.anticipar();
    const v: Partial<Valores> = { [campo]: valor };
    if (campo === 'pais' && valor !== 'EC') {
      v.provincia = '';
      v.ciudad = '';
      this.vaciarCiudades();
    }
    if (campo === 'provincia') {
      v.ciudad = '';
      if (valor) void this.cargarCiudades(valor);
      else this.vaciarCiudades();
    }
    if (campo === 'cambioClave.contrasenaAnterior' && this.clave.verificada) {
      this.clave.anular();
      v['cambioClave.contrasena'] = v['cambioClave.confirmacion'] = '';
    }
    if (campo === 'cambioClave.contrasena') void this.clave.evaluar(valor, this.contextoClave());
    // Choices have no "typing" phase: they count as touched at once.
    if (campo === 'pais' || campo === 'provincia' || campo === 'ciudad' || campo === 'mantenerCorreo') this.form.tocar(campo);
    this.form.poner(v);
    this.validar();
  }

  salir(campo: Campo) {
    void this.anticipar();
    const valor = alSalir(campo, this.valores[campo]);
    if (valor !== this.valores[campo]) {
      this.form.poner({ [campo]: valor });
      this.validar();
    }
    // A blur from a mousedown: showing its error now would move the control being clicked.
    this.trasPuntero.ejecutar(() => this.form.tocar(campo));
  }

  errorVisible(campo: Campo): string | null {
    return this.form.visible(campo);
  }

  readonly clavesVisibles = new Set<Campo>();

  alternarClave(campo: Campo) {
    if (!this.clavesVisibles.delete(campo)) this.clavesVisibles.add(campo);
    this.requestUpdate();
  }

  mensajeError(campo: Campo, codigo: string): string {
    return this.validacion?.mensajeError(campo, codigo) ?? '';
  }

  /** Until validation has arrived (see anticipar) nothing is reported; it runs as soon as it does. */
  private validar() {
    if (this.validacion) {
      this.form.errores = this.validacion.validarFormulario(this.valores, this.usuario, {
        claveVerificada: this.clave.verificada,
        correoVerificado: this.correo.verificado !== null && this.correo.verificado === normalizarCorreo(this.valores.correo),
        codigoSolicitado: this.correo.expira !== null,
      });
    }
    this.requestUpdate();
  }

  private readonly prepararValidacion = unaVez(async () => {
    this.validacion = await cargarParte(import('./validacion.js'));
    this.validar();
  });

  /**
   * The messages (confirmations, results, failures) and their dialog, fetched with the first
   * message or at the first focus in the form (anticipar).
   */
  private readonly avisos = unaVez(async () => {
    const avisos = await cargarParte(import('./avisos.js'));
    await this.dialogoMensaje.updateComplete;
    return avisos;
  });

  /** Shows one of the messages; undefined when they could not be fetched: nothing else can say it. */
  private async avisar<T>(mostrar: (avisos: typeof import('./avisos.js'), d: DialogoMensaje) => Promise<T>): Promise<T | undefined> {
    let avisos: typeof import('./avisos.js');
    try {
      avisos = await this.avisos();
    } catch {
      return undefined;
    }
    return mostrar(avisos, this.dialogoMensaje);
  }

  /**
   * The first focus, change or blur in the form fetches what its actions need and showing it does
   * not: validation and the message dialog. Resolves once they are here, or could not be fetched
   * (the action that needs them then says so).
   */
  anticipar(): Promise<void> {
    return Promise.all([this.prepararValidacion(), this.avisos()]).then(
      () => undefined,
      () => undefined,
    );
  }

  enfocar(campo: Campo) {
    this.controlPara(campo)?.focus();
  }

  /**
   * Where an error's link leads (GOV.UK error summary): the field, or the enabled control that
   * fixes it: a disabled field cannot take the focus, and some errors are a button not pressed yet.
   */
  private controlPara(campo: Campo): HTMLInputElement | HTMLSelectElement | HTMLButtonElement | null {
    const codigo = this.form.visible(campo);
    const candidatos =
      campo === 'mantenerCorreo'
        ? ['input[name="mantenerCorreo"][value="si"]']
        : campo === 'correo' && codigo === 'NO_VERIFICADO'
          ? ['#boton-comprobar', '#f-correo']
          : campo === 'codigoSeguridad'
            ? [...(codigo === 'NO_SOLICITADO' ? [] : ['#f-codigoSeguridad']), '#boton-solicitar-codigo', '#boton-comprobar', '#f-correo']
            : campo === 'cambioClave.contrasena' || campo === 'cambioClave.confirmacion'
              ? [`#${idDe(campo)}`, '#f-cambioClave-contrasenaAnterior']
              : campo === 'ciudad'
                ? ['#f-ciudad', '#f-provincia', '#f-pais']
                : [`#${idDe(campo)}`];
    for (const selector of candidatos) {
      const control = this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(selector);
      if (control && !control.disabled) return control;
    }
    return null;
  }

  /** The error summary takes the focus once per submit; its first link leads to the first error. */
  private async enfocarResumen() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="resumen-errores"]')?.focus();
  }

  contextoClave(): ContextoContrasena {
    return { idUsuario: this.usuario.idUsuario, nombre: this.valores.nombre, correo: this.usuario.correo };
  }

  // ---- server actions ----

  async verificarContrasena() {
    const anterior = this.valores['cambioClave.contrasenaAnterior'];
    try {
      const codigo = await this.clave.verificar(anterior);
      // Typed over while the server answered: the answer is about a password no longer there.
      if (this.valores['cambioClave.contrasenaAnterior'] !== anterior) return this.anularCon(() => this.clave.anular());
      if (codigo) this.form.errorDelServidor('cambioClave.contrasenaAnterior', codigo);
      this.validar();
      await this.updateComplete;
      this.enfocar(codigo ? 'cambioClave.contrasenaAnterior' : 'cambioClave.contrasena');
    } catch (e) {
      this.fallo(e, () => void this.verificarContrasena(), 'cambioClave.contrasenaAnterior');
    }
  }

  async comprobarCorreo() {
    if (!this.validacion) {
      try {
        await this.prepararValidacion();
      } catch (e) {
        return this.fallo(e, () => void this.comprobarCorreo(), 'correo');
      }
    }
    this.form.tocar('correo', 'confirmacionCorreo');
    const correo = this.form.errores.get('correo');
    const confirmacion = this.form.errores.get('confirmacionCorreo');
    // Only format, equality and "not the current one" matter before asking the server.
    if ((correo && correo !== 'NO_VERIFICADO') || confirmacion) {
      this.requestUpdate();
      this.enfocar(correo && correo !== 'NO_VERIFICADO' ? 'correo' : 'confirmacionCorreo');
      return;
    }
    const pedido = this.valores.correo;
    try {
      const codigo = await this.correo.comprobar(pedido);
      // Typed over while the server answered: the answer is about an address no longer there.
      if (this.valores.correo !== pedido) return this.anularCon(() => this.correo.usarOtro());
      if (codigo) this.form.errorDelServidor('correo', codigo);
      this.validar();
      await this.updateComplete;
      // The button the user pressed is now disabled: focus the field to fix, or the next step.
      const solicitar = this.renderRoot.querySelector<HTMLButtonElement>('#boton-solicitar-codigo');
      if (codigo) this.enfocar('correo');
      else if (solicitar && !solicitar.disabled) solicitar.focus();
      else this.enfocar('codigoSeguridad');
    } catch (e) {
      this.fallo(e, () => void this.comprobarCorreo(), 'correo');
    }
  }

  /** Voids a server check whose answer came for a value the user has already changed. */
  private anularCon(anular: () => void) {
    anular();
    this.validar();
  }

  usarOtroCorreo() {
    const habiaCodigo = this.correo.expira !== null || this.correo.solicitando;
    this.correo.usarOtro();
    // The code sent to the old address is void on the server too (best effort: it is tied to
    // that address anyway, and a new request voids it).
    if (habiaCodigo) this.api.solicitar('DELETE', '/api/correo/codigo').catch(() => undefined);
    this.form.poner({ codigoSeguridad: '' });
    this.validar();
    void this.updateComplete.then(() => this.enfocar('correo'));
  }

  async solicitarCodigo() {
    try {
      // False when nothing was sent, or «Usar otro correo» was pressed while it was on its way.
      if (!(await this.correo.solicitar())) return;
      this.form.poner({ codigoSeguridad: '' });
      this.validar();
      await this.avisar((a, d) => a.avisarCodigoEnviado(d));
      this.enfocar('codigoSeguridad');
    } catch (e) {
      if (!(e instanceof ProblemaHttp && e.status === 429 && e.reintentarEn)) return this.fallo(e, () => void this.solicitarCodigo(), 'codigoSeguridad');
      await this.avisar((a, d) => a.avisarEsperaCodigo(d, e.reintentarEn!));
      // Its button is disabled for the wait: the focus goes to the code.
      await this.updateComplete;
      this.enfocar('codigoSeguridad');
    }
  }

  codigoExpirado() {
    this.form.poner({ codigoSeguridad: '' });
    this.validar();
    void this.avisar((a, d) => a.avisarCodigoExpirado(d));
  }

  /** Modificar (seed §5.6–5.7): validate, confirm, PUT with If-Match, success message. */
  async modificar(e: Event) {
    e.preventDefault();
    if (this.enviando) return;
    if (!this.validacion) {
      try {
        await this.prepararValidacion();
      } catch (error) {
        return this.fallo(error, () => void this.modificar(e));
      }
    }
    this.form.enviado = true;
    this.validar();
    if (this.resumen.length) return this.enfocarResumen();
    if (await this.avisar((a, d) => a.confirmarModificacion(d))) await this.enviar();
  }

  private async enviar() {
    this.enviando = true;
    let datos: Usuario;
    try {
      const r = await this.api.put<Usuario>('/api/usuario', cuerpoDe(this.valores), { 'If-Match': this.etag });
      datos = r.datos;
      this.ponerUsuario(datos, r.etag);
    } catch (e) {
      this.enviando = false;
      if (e instanceof ProblemaHttp && e.status === 422 && e.errores.length) await this.erroresDelServidor(e);
      else if (e instanceof ProblemaHttp && e.codigo === 'VERSION_DESACTUALIZADA') await this.desactualizado();
      else await this.fallo(e, () => void this.enviar());
      return;
    }
    this.enviando = false;
    this.dispatchEvent(new UsuarioModificadoEvent(datos));
    this.actividad?.recargar();
    await this.avisar((a, d) => a.avisarExito(d));
  }

  /**
   * 412: another session changed the data. Shows what changed and offers to keep the user's edits
   * over the new data (the password and email steps stay as they are), or to discard them.
   */
  private async desactualizado() {
    let actual: Respuesta<Usuario>;
    let modulo: typeof import('./desactualizado.js');
    try {
      [actual, modulo] = await Promise.all([this.api.get<Usuario>('/api/usuario'), cargarParte(import('./desactualizado.js'))]);
    } catch (e) {
      return this.fallo(e, () => void this.desactualizado());
    }
    const antes = valoresDe(this.usuario);
    const ahora = valoresDe(actual.datos);
    const cambios = modulo.cambiosDe(antes, ahora, this.valores);
    const eleccion = await this.avisar((_, d) => modulo.preguntarDesactualizado(d, cambios, (campo, valor) => this.nombreDeValor(campo, valor)));
    if (eleccion === 'descartar') return this.cargar(true);
    if (eleccion !== 'conservar') return;
    const provincia = this.valores.provincia;
    this.usuario = actual.datos;
    this.etag = actual.etag ?? `"${actual.datos.version}"`;
    this.form.rebasar(modulo.datos(ahora), modulo.conservar(antes, ahora, this.valores));
    if (this.valores.provincia !== provincia) {
      if (this.valores.provincia) void this.cargarCiudades(this.valores.provincia);
      else this.vaciarCiudades();
    }
    this.validar();
  }

  /** A catalog code as the user reads it (the country, province or city name). */
  private nombreDeValor(campo: Campo, valor: string): string {
    const lista = campo === 'pais' ? this.paises : campo === 'provincia' ? this.provincias : campo === 'ciudad' ? this.ciudades : null;
    return lista?.find((o) => o.codigo === valor)?.nombre ?? valor;
  }

  private async erroresDelServidor(p: ProblemaHttp) {
    for (const err of p.errores) {
      const campo = (err.campo === 'celular' ? 'celular.numero' : err.campo) as Campo;
      this.form.errorDelServidor(campo, err.codigo);
      if (campo === 'codigoSeguridad') this.correo.rechazado(err.codigo, p);
      if (campo === 'correo' && err.codigo === 'NO_DISPONIBLE') this.correo.usarOtro();
    }
    this.validar();
    if (this.resumen.length) await this.enfocarResumen();
  }

  async solicitarBaja() {
    // A second click while the dialog's module is on its way must not open it twice.
    if (this.abriendoBaja) return;
    this.abriendoBaja = true;
    let baja: BajaRegistrada | null;
    try {
      await cargarParte(import('./dialogo-baja.js'));
      await this.dialogoBaja.updateComplete;
      baja = await this.dialogoBaja.abrir();
    } catch (e) {
      return this.fallo(e, () => void this.solicitarBaja());
    } finally {
      this.abriendoBaja = false;
    }
    if (!baja) return;
    this.estado = 'baja';
    this.inactividad.detener();
    await this.avisar((a, d) => a.avisarBaja(d));
    // The form is gone: the keyboard focus goes to the closing message.
    this.renderRoot.querySelector<HTMLElement>('.final')?.focus();
    this.dispatchEvent(new BajaSolicitadaEvent(baja));
  }

  /**
   * WCAG 2.2.1: two minutes before the idle timeout a modal dialog takes the focus wherever the
   * user is scrolled; answering it renews the session and the focus goes back where it was.
   */
  private async inactividadCambio(estado: Inactividad['estado']) {
    if (estado === 'expirada') return void this.avisar(async (a, d) => a.retirarAvisoInactividad(d));
    if (estado === 'aviso' && this.estado === 'listo' && (await this.avisar((a, d) => a.avisarInactividad(d))) && this.inactividad.estado === 'aviso') {
      await this.seguirConectado();
    }
  }

  private async seguirConectado() {
    try {
      await this.api.get('/api/usuario/actividad');
    } catch (e) {
      this.fallo(e, () => void this.seguirConectado());
    }
  }

  /** Network failures and problems without a field: a clear message, with Reintentar. */
  private async fallo(e: unknown, reintentar: () => void, campo?: Campo) {
    if (e instanceof ProblemaHttp && e.status === 401) return;
    const otraVez = await this.avisar((a, d) => a.avisarFallo(d, e));
    // The dialog hands the focus back to the button pressed; if that button was disabled
    // meanwhile (busy, or a 429's wait) the focus would fall to the page: give it to the field.
    if (!otraVez && !(this.renderRoot as ShadowRoot).activeElement) {
      await this.updateComplete;
      if (campo) this.enfocar(campo);
      if (!(this.renderRoot as ShadowRoot).activeElement) this.renderRoot.querySelector<HTMLElement>('#titulo')?.focus();
    }
    if (otraVez) reintentar();
  }

  private noAutenticado() {
    this.inactividad.detener();
    if (this.token) {
      // Whatever was typed stays; only a first load has nothing to show until a new token.
      if (!this.usuario) this.estado = 'sin-sesion';
      this.dispatchEvent(new SesionExpiradaEvent());
      return;
    }
    this.tokenSesion = undefined;
    void this.mostrarLogin();
  }

  /** The built-in login is fetched the first time a session is missing; what was shown stays until then. */
  private async mostrarLogin() {
    try {
      await cargarParte(import('./formulario-login.js'));
    } catch {
      this.errorCarga = 'RED';
      this.estado = 'error';
      return;
    }
    // A host token set meanwhile already reloaded the element.
    if (!this.token) this.estado = 'login';
  }

  /** The re-authentication dialog is fetched the first time the BFF asks for the password. */
  private async reautenticar(): Promise<boolean> {
    await cargarParte(import('./dialogo-reautenticacion.js'));
    await this.reautenticacion.updateComplete;
    return this.reautenticacion.pedir();
  }

  /** «Actividad reciente» was opened for the first time: fetch the panel and hand it the focus. */
  async abrirActividad() {
    try {
      await cargarParte(import('./actividad-reciente.js'));
    } catch (e) {
      return this.fallo(e, () => void this.abrirActividad());
    }
    this.actividadCargada = true;
    await this.updateComplete;
    this.actividad?.focus();
  }

  private async sesionIniciada(e: SesionIniciadaEvent) {
    this.tokenSesion = e.token;
    // Whatever was typed before the session ended is kept, but only for the same user: someone
    // else logging in at this form gets their own data (and ETag), never the previous user's values.
    if (this.usuario?.idUsuario.toLowerCase() === e.idUsuario.toLowerCase()) this.estado = 'listo';
    else await this.cargar();
    // The login form is gone with the keyboard focus: give it to the screen's title.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#titulo')?.focus();
  }

  protected override render() {
    return html`${this.inactividad.estado === 'expirada' && this.estado === 'listo'
        ? avisoSesionCerrada()
        : nothing}
      ${this.estado === 'cargando'
        ? vistaEsqueleto()
        : this.estado === 'error'
          ? vistaErrorCarga(this.errorCarga, () => void this.cargar())
          : this.estado === 'login'
            ? html`<mug-formulario-login exportparts="login" .api=${this.api} @sesion-iniciada=${this.sesionIniciada}></mug-formulario-login>`
            : this.estado === 'sin-sesion'
              ? html`<p class="final" role="status">${textoProblema('NO_AUTENTICADO')}</p>`
              : this.estado === 'baja'
              ? html`<p class="final" role="status" tabindex="-1">${msg('Su usuario fue dado de baja.')}</p>`
              : vistaFormulario(this)}
      <mug-dialogo-mensaje exportparts="dialogo"></mug-dialogo-mensaje>
      <mug-dialogo-reautenticacion exportparts="dialogo" .api=${this.api}></mug-dialogo-reautenticacion>
      <mug-dialogo-baja exportparts="dialogo" .api=${this.api}></mug-dialogo-baja>`;
  }
}

const conCiudades = (u: Usuario) => u.pais === 'EC' && !!u.provincia;
const rutaCiudades = (provincia: string) => `/api/catalogos/provincias/${encodeURIComponent(provincia)}/ciudades`;

declare global {
  interface HTMLElementTagNameMap {
    'modificar-usuario-general': ModificarUsuarioGeneral;
  }
}

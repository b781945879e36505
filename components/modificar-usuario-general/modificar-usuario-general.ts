import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { localized, msg } from '@lit/localize';
import { normalizarCorreo } from '../../contract/texto.js';
import { etiquetaVersion } from '../../contract/http.js';
import { ErrorRed, ProblemaHttp, type Respuesta } from './lib/api.js';
import { estilos } from './modificar-usuario-general.styles.js';
import { BajaSolicitadaEvent, UsuarioModificadoEvent } from './eventos.js';
import type { ContextoContrasena } from '../../contract/datos-personales.js';
import { FlujoContrasena } from './controladores/flujo-contrasena.js';
import { FlujoCorreo } from './controladores/flujo-correo.js';
import { Inactividad } from './controladores/inactividad.js';
import { TrasPuntero } from './controladores/tras-puntero.js';
import { Idioma } from './controladores/idioma.js';
import { Sesion, type Pantalla } from './controladores/sesion.js';
import { alSalir, valoresDe } from './lib/formulario.js';
import { EstadoFormulario } from './controladores/estado-formulario.js';
import { textoProblema } from './lib/mensajes.js';
import { vistaFormulario, type Vista } from './vistas/vista-formulario.js';
import type { SesionIniciadaEvent } from './vistas/formulario-login.js';
import { vistaEsqueleto, vistaErrorCarga, avisoSesionCerrada } from './vistas/vistas-estado.js';
import { idDe } from './vistas/campos.js';
import type { BajaRegistrada, Opcion, Usuario } from '../../contract/api.js';
import type { Campo, Valores } from './lib/tipos.js';
import type { CodigoFormulario } from './lib/codigos.js';
import type { DialogoMensaje } from './dialogos/dialogo-mensaje.js';
import { cargarParte, definirUnaVez, unaVez } from './lib/partes.js';

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
export class ModificarUsuarioGeneral extends LitElement {
  static override styles = estilos;

  /** Origin of the BFF (default: the page's origin). */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Bearer token from the host; without it the element uses the BFF's session cookie. */
  @property({ attribute: false }) token: string | undefined = undefined;
  /** `es` (default) or `en`; else `document.documentElement.lang`. */
  @property() override lang = '';

  /** `formulario`: what the load says (grey blocks, its error, or the form); else a session or closing screen. */
  @state() private pantalla: Pantalla = 'formulario';
  @state() private enviando = false;
  /** Validation (valibot and the contract's schemas), fetched the first time the user acts on the form. */
  @state() private validacion: typeof import('./lib/validacion.js') | undefined;
  /** The PUT's body from the values; here with validation (which imports it too). */
  private cuerpo: typeof import('./lib/cuerpo.js') | undefined;
  private usuario!: Usuario;
  private etag = '';
  /** A reload after 412 keeps the form on screen while it is on its way (and the keyboard focus in it). */
  private enSitio = false;
  private abriendoBaja = false;
  private readonly form = new EstadoFormulario(this);

  private readonly sesion = new Sesion(this, {
    idUsuario: () => this.usuario?.idUsuario,
    pantalla: () => (this.listo() ? 'listo' : this.pantalla),
    mostrar: (pantalla) => (this.pantalla = pantalla),
    cargar: () => this.cargar(),
    reautenticar: () => this.reautenticar(),
    alResponder: () => this.inactividad.reiniciar(),
    alTerminar: () => this.inactividad.detener(),
  });
  private readonly api = this.sesion.api;

  /** `GET /api/usuario` (with its ETag) and the catalogs the form needs, side by side. */
  private readonly carga = new Task(this, {
    autoRun: false,
    task: async (_: [], { signal }) => {
      const [usuario, paises, provincias, operadoras] = await Promise.all([
        this.api.get<Usuario>('/api/usuario', signal),
        this.api.get<Opcion[]>('/api/catalogos/paises', signal),
        this.api.get<Opcion[]>('/api/catalogos/provincias', signal),
        this.api.get<Opcion[]>('/api/catalogos/operadoras', signal),
      ]);
      return { usuario, paises: paises.datos, provincias: provincias.datos, operadoras: operadoras.datos };
    },
    onComplete: ({ usuario }) => this.ponerUsuario(usuario.datos, usuario.etag),
  });

  /**
   * The cities of the chosen province, in Ecuador; the form does not wait for them (Ciudad says
   * «Cargando…» meanwhile). Another choice aborts the request before it: only the latest counts.
   */
  private readonly ciudades = new Task(this, {
    args: () => [this.valores.pais, this.valores.provincia],
    task: async ([pais, provincia], { signal }): Promise<Opcion[]> =>
      pais === 'EC' && provincia ? (await this.api.get<Opcion[]>(rutaCiudades(provincia), signal)).datos : [],
    onError: (e) => void this.fallo(e, () => void this.ciudades.run()),
  });
  private readonly contrasena = new FlujoContrasena(this, () => this.api, () => [this.valores['cambioClave.contrasena'], this.contextoContrasena()]);
  private readonly correo = new FlujoCorreo(this, () => this.api, () => this.codigoExpirado());
  private readonly inactividad = new Inactividad(this, (estado) => void this.inactividadCambio(estado));
  private readonly trasPuntero = new TrasPuntero(this);
  // The `lang` observer: the element's, else the page's.
  private readonly idioma = new Idioma(this);

  /** The activity panel's module arrived (it is fetched the first time the panel is opened). */
  @state() private actividadCargada = false;

  /** A sub-element of the shadow root, by its tag (HTMLElementTagNameMap, declared by each lazy part). */
  private parte<T extends keyof HTMLElementTagNameMap>(etiqueta: T): HTMLElementTagNameMap[T] {
    return this.renderRoot.querySelector(etiqueta)!;
  }

  override connectedCallback() {
    super.connectedCallback();
    // After the first render, so a `token` the host sets right after creating the element is used.
    if (this.carga.status === TaskStatus.INITIAL) void this.updateComplete.then(() => this.cargar());
  }

  /** Every error the browser can tell now, derived from the values (and the server's steps) before each render. */
  protected override willUpdate() {
    if (!this.validacion || !this.usuario) return;
    this.form.errores = this.validacion.validarFormulario(this.valores, this.usuario, {
      contrasenaVerificada: this.contrasena.verificada,
      correoVerificado: this.correo.verificado !== null && this.correo.verificado === normalizarCorreo(this.valores.correo),
      codigoSolicitado: this.correo.expira !== null,
    });
  }

  /** The form is on screen with a user's data. */
  private listo(): boolean {
    const estado = this.carga.status;
    return this.pantalla === 'formulario' && (estado === TaskStatus.COMPLETE || (estado === TaskStatus.PENDING && this.enSitio));
  }

  /**
   * Loads the user and the catalogs. `enSitio` keeps the form on screen (a reload after 412), so
   * the keyboard focus is not lost with it.
   */
  private cargar(enSitio = false): Promise<void> {
    this.enSitio = enSitio;
    this.pantalla = 'formulario';
    return this.carga.run();
  }

  private ponerUsuario(usuario: Usuario, etag: string | null) {
    // «No» is the seed's first default; after that the user's own choice stays for this visit
    // (a save or a reload of the same user), so the next edit does not start by failing on it.
    const eleccion = this.usuario?.idUsuario === usuario.idUsuario ? this.valores.mantenerCorreo : undefined;
    this.usuario = usuario;
    this.etag = etag ?? etiquetaVersion(usuario.version);
    this.form.reiniciar({ ...valoresDe(usuario), ...(eleccion ? { mantenerCorreo: eleccion } : {}) });
    this.contrasena.anular();
    this.correo.usarOtro();
  }

  // ---- fields (see campos.ts) ----

  /** The errors the summary lists: those shown, once Modificar was pressed (derived, never stored). */
  private get resumen(): [Campo, CodigoFormulario][] {
    return this.form.enviado ? this.form.lista() : [];
  }

  private get valores(): Valores {
    return this.form.valores;
  }

  private cambiar(campo: Campo, valor: string) {
    void this.anticipar();
    const v: Partial<Valores> = { [campo]: valor };
    // The cities follow country and province by themselves (the `ciudades` task).
    if (campo === 'pais' && valor !== 'EC') v.provincia = v.ciudad = '';
    if (campo === 'provincia') v.ciudad = '';
    if (campo === 'cambioClave.contrasenaAnterior' && this.contrasena.verificada) {
      this.contrasena.anular();
      v['cambioClave.contrasena'] = v['cambioClave.confirmacion'] = '';
    }
    // Choices have no "typing" phase: they count as touched at once.
    if (campo === 'pais' || campo === 'provincia' || campo === 'ciudad' || campo === 'mantenerCorreo') this.form.tocar(campo);
    this.form.poner(v);
  }

  private salir(campo: Campo) {
    void this.anticipar();
    const valor = alSalir(campo, this.valores[campo]);
    if (valor !== this.valores[campo]) this.form.poner({ [campo]: valor });
    // A blur from a mousedown: showing its error now would move the control being clicked.
    this.trasPuntero.ejecutar(() => this.form.tocar(campo));
  }

  private readonly contrasenasVisibles = new Set<Campo>();

  private alternarContrasena(campo: Campo) {
    if (!this.contrasenasVisibles.delete(campo)) this.contrasenasVisibles.add(campo);
    this.requestUpdate();
  }

  private mensajeError(campo: Campo, codigo: CodigoFormulario): string {
    return this.validacion?.mensajeError(campo, codigo) ?? '';
  }

  /**
   * Until validation has arrived (see anticipar) nothing is reported; willUpdate uses it as soon as
   * it does. The body's module is asked for beside it, not after it.
   */
  private readonly prepararValidacion = unaVez(async () => {
    [this.cuerpo, this.validacion] = await cargarParte(Promise.all([import('./lib/cuerpo.js'), import('./lib/validacion.js')]));
  });

  /**
   * The messages (confirmations, results, failures) and their dialog, fetched with the first
   * message or at the first focus in the form (anticipar).
   */
  private readonly avisos = unaVez(async () => {
    const avisos = await cargarParte(import('./dialogos/avisos.js'));
    await this.parte('mug-dialogo-mensaje').updateComplete;
    return avisos;
  });

  /** Shows one of the messages; undefined when they could not be fetched: nothing else can say it. */
  private async avisar<T>(mostrar: (avisos: typeof import('./dialogos/avisos.js'), d: DialogoMensaje) => Promise<T>): Promise<T | undefined> {
    let avisos: typeof import('./dialogos/avisos.js');
    try {
      avisos = await this.avisos();
    } catch {
      return undefined;
    }
    return mostrar(avisos, this.parte('mug-dialogo-mensaje'));
  }

  /**
   * The first focus, change or blur in the form fetches what its actions need and showing it does
   * not: validation and the message dialog. Resolves once they are here, or could not be fetched
   * (the action that needs them then says so).
   */
  private anticipar(): Promise<void> {
    return Promise.all([this.prepararValidacion(), this.avisos()]).then(
      () => undefined,
      () => undefined,
    );
  }

  private enfocar(campo: Campo) {
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

  private contextoContrasena(): ContextoContrasena {
    return { idUsuario: this.usuario.idUsuario, nombre: this.valores.nombre, correo: this.usuario.correo };
  }

  // ---- server actions ----

  private async verificarContrasena() {
    const anterior = this.valores['cambioClave.contrasenaAnterior'];
    try {
      const codigo = await this.contrasena.verificar(anterior);
      // Typed over while the server answered: the answer is about a password no longer there.
      if (this.valores['cambioClave.contrasenaAnterior'] !== anterior) return this.contrasena.anular();
      if (codigo) this.form.errorDelServidor('cambioClave.contrasenaAnterior', codigo);
      await this.updateComplete;
      this.enfocar(codigo ? 'cambioClave.contrasenaAnterior' : 'cambioClave.contrasena');
    } catch (e) {
      this.fallo(e, () => void this.verificarContrasena(), 'cambioClave.contrasenaAnterior');
    }
  }

  private async comprobarCorreo() {
    if (!this.validacion) {
      try {
        await this.prepararValidacion();
      } catch (e) {
        return this.fallo(e, () => void this.comprobarCorreo(), 'correo');
      }
    }
    this.form.tocar('correo', 'confirmacionCorreo');
    await this.updateComplete;
    const correo = this.form.errores.get('correo');
    const confirmacion = this.form.errores.get('confirmacionCorreo');
    // Only format, equality and "not the current one" matter before asking the server.
    if ((correo && correo !== 'NO_VERIFICADO') || confirmacion) {
      this.enfocar(correo && correo !== 'NO_VERIFICADO' ? 'correo' : 'confirmacionCorreo');
      return;
    }
    const pedido = this.valores.correo;
    try {
      const codigo = await this.correo.comprobar(pedido);
      // Typed over while the server answered: the answer is about an address no longer there.
      if (this.valores.correo !== pedido) return this.correo.usarOtro();
      if (codigo) this.form.errorDelServidor('correo', codigo);
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

  private usarOtroCorreo() {
    const habiaCodigo = this.correo.expira !== null || this.correo.solicitando;
    this.correo.usarOtro();
    // The code sent to the old address is void on the server too (best effort: it is tied to
    // that address anyway, and a new request voids it).
    if (habiaCodigo) this.api.solicitar('DELETE', '/api/correo/codigo').catch(() => undefined);
    this.form.poner({ codigoSeguridad: '' });
    void this.updateComplete.then(() => this.enfocar('correo'));
  }

  private async solicitarCodigo() {
    try {
      // False when nothing was sent, or «Usar otro correo» was pressed while it was on its way.
      if (!(await this.correo.solicitar())) return;
      this.form.poner({ codigoSeguridad: '' });
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

  private codigoExpirado() {
    this.form.poner({ codigoSeguridad: '' });
    void this.avisar((a, d) => a.avisarCodigoExpirado(d));
  }

  /** Modificar (seed §5.6–5.7): validate, confirm, PUT with If-Match, success message. */
  private async modificar(e: Event) {
    e.preventDefault();
    if (this.enviando) return;
    if (!this.validacion) {
      try {
        await this.prepararValidacion();
      } catch (error) {
        return this.fallo(error, () => void this.modificar(e));
      }
    }
    this.form.enviar();
    await this.updateComplete;
    if (this.resumen.length) return this.enfocarResumen();
    if (await this.avisar((a, d) => a.confirmarModificacion(d))) await this.enviar();
  }

  private async enviar() {
    this.enviando = true;
    let datos: Usuario;
    try {
      const r = await this.api.put<Usuario>('/api/usuario', this.cuerpo!.cuerpoDe(this.valores), { 'If-Match': this.etag });
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
    this.parte('mug-actividad-reciente')?.recargar();
    await this.avisar((a, d) => a.avisarExito(d));
  }

  /**
   * 412: another session changed the data. Shows what changed and offers to keep the user's edits
   * over the new data (the password and email steps stay as they are), or to discard them.
   */
  private async desactualizado() {
    let actual: Respuesta<Usuario>;
    let modulo: typeof import('./dialogos/desactualizado.js');
    try {
      [actual, modulo] = await Promise.all([this.api.get<Usuario>('/api/usuario'), cargarParte(import('./dialogos/desactualizado.js'))]);
    } catch (e) {
      return this.fallo(e, () => void this.desactualizado());
    }
    const antes = valoresDe(this.usuario);
    const ahora = valoresDe(actual.datos);
    const cambios = modulo.cambiosDe(antes, ahora, this.valores);
    const eleccion = await this.avisar((_, d) => modulo.preguntarDesactualizado(d, cambios, (campo, valor) => this.nombreDeValor(campo, valor)));
    if (eleccion === 'descartar') return this.cargar(true);
    if (eleccion !== 'conservar') return;
    this.usuario = actual.datos;
    this.etag = actual.etag ?? etiquetaVersion(actual.datos.version);
    this.form.rebasar(modulo.datos(ahora), modulo.conservar(antes, ahora, this.valores));
  }

  /** A catalog code as the user reads it (the country, province or city name). */
  private nombreDeValor(campo: Campo, valor: string): string {
    const lista = campo === 'pais' ? this.carga.value?.paises : campo === 'provincia' ? this.carga.value?.provincias : campo === 'ciudad' ? this.ciudades.value : null;
    return lista?.find((o) => o.codigo === valor)?.nombre ?? valor;
  }

  private async erroresDelServidor(p: ProblemaHttp) {
    for (const err of p.errores) {
      const campo = (err.campo === 'celular' ? 'celular.numero' : err.campo) as Campo;
      this.form.errorDelServidor(campo, err.codigo);
      if (campo === 'codigoSeguridad') this.correo.rechazado(err.codigo, p);
      if (campo === 'correo' && err.codigo === 'NO_DISPONIBLE') this.correo.usarOtro();
    }
    await this.updateComplete;
    if (this.resumen.length) await this.enfocarResumen();
  }

  private async solicitarBaja() {
    // A second click while the dialog's module is on its way must not open it twice.
    if (this.abriendoBaja) return;
    this.abriendoBaja = true;
    let baja: BajaRegistrada | null;
    try {
      await cargarParte(import('./dialogos/dialogo-baja.js'));
      await this.parte('mug-dialogo-baja').updateComplete;
      baja = await this.parte('mug-dialogo-baja').abrir();
    } catch (e) {
      return this.fallo(e, () => void this.solicitarBaja());
    } finally {
      this.abriendoBaja = false;
    }
    if (!baja) return;
    this.pantalla = 'baja';
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
    if (estado === 'aviso' && this.listo() && (await this.avisar((a, d) => a.avisarInactividad(d))) && this.inactividad.estado === 'aviso') {
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

  /** The re-authentication dialog is fetched the first time the BFF asks for the password. */
  private async reautenticar(): Promise<boolean> {
    await cargarParte(import('./dialogos/dialogo-reautenticacion.js'));
    await this.parte('mug-dialogo-reautenticacion').updateComplete;
    return this.parte('mug-dialogo-reautenticacion').pedir();
  }

  /** «Actividad reciente» was opened for the first time: fetch the panel and hand it the focus. */
  private async abrirActividad() {
    try {
      await cargarParte(import('./vistas/actividad-reciente.js'));
    } catch (e) {
      return this.fallo(e, () => void this.abrirActividad());
    }
    this.actividadCargada = true;
    await this.updateComplete;
    this.parte('mug-actividad-reciente')?.focus();
  }

  private async sesionIniciada(e: SesionIniciadaEvent) {
    await this.sesion.iniciada(e);
    // The login form is gone with the keyboard focus: give it to the screen's title.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#titulo')?.focus();
  }

  /** What the form's templates get: data and callbacks, never the element. */
  private vista({ paises, provincias, operadoras }: Catalogos): Vista {
    const cargandoCiudades = this.ciudades.status === TaskStatus.PENDING;
    return {
      api: this.api,
      usuario: this.usuario,
      valores: this.valores,
      paises,
      provincias,
      operadoras,
      // A list for the province left is not offered while the new one is on its way.
      ciudades: cargandoCiudades ? [] : (this.ciudades.value ?? []),
      cargandoCiudades: cargandoCiudades && !!this.valores.provincia && this.valores.pais === 'EC',
      resumen: this.resumen,
      enviando: this.enviando,
      actividadCargada: this.actividadCargada,
      contrasena: this.contrasena,
      correo: this.correo,
      contrasenasVisibles: this.contrasenasVisibles,
      errorVisible: (campo) => this.form.visible(campo),
      mensajeError: (campo, codigo) => this.mensajeError(campo, codigo),
      contextoContrasena: () => this.contextoContrasena(),
      cambiar: (campo, valor) => this.cambiar(campo, valor),
      salir: (campo) => this.salir(campo),
      alternarContrasena: (campo) => this.alternarContrasena(campo),
      enfocar: (campo) => this.enfocar(campo),
      anticipar: () => this.anticipar(),
      verificarContrasena: () => void this.verificarContrasena(),
      comprobarCorreo: () => void this.comprobarCorreo(),
      solicitarCodigo: () => void this.solicitarCodigo(),
      usarOtroCorreo: () => this.usarOtroCorreo(),
      modificar: (e) => void this.modificar(e),
      solicitarBaja: () => void this.solicitarBaja(),
      abrirActividad: () => void this.abrirActividad(),
    };
  }

  protected override render() {
    const p = this.pantalla;
    return html`${this.inactividad.estado === 'expirada' && this.listo() ? avisoSesionCerrada() : nothing}
      ${p === 'login'
        ? html`<mug-formulario-login exportparts="login" .api=${this.api} @sesion-iniciada=${this.sesionIniciada}></mug-formulario-login>`
        : p === 'sin-sesion'
          ? html`<p class="final" role="status">${textoProblema('NO_AUTENTICADO')}</p>`
          : p === 'baja'
            ? html`<p class="final" role="status" tabindex="-1">${msg('Su usuario fue dado de baja.')}</p>`
            : p === 'sin-login'
              ? vistaErrorCarga('RED', () => void this.cargar())
              : this.carga.render({
                  initial: vistaEsqueleto,
                  pending: () => (this.enSitio && this.carga.value ? vistaFormulario(this.vista(this.carga.value)) : vistaEsqueleto()),
                  complete: (datos) => vistaFormulario(this.vista(datos)),
                  // A 401 shows the login or tells the host (the session controller); until then, the grey blocks.
                  error: (e) =>
                    e instanceof ProblemaHttp && e.status === 401
                      ? vistaEsqueleto()
                      : vistaErrorCarga(e instanceof ErrorRed ? 'RED' : e instanceof ProblemaHttp ? e.codigo : undefined, () => void this.cargar()),
                })}
      <mug-dialogo-mensaje exportparts="dialogo"></mug-dialogo-mensaje>
      <mug-dialogo-reautenticacion exportparts="dialogo" .api=${this.api}></mug-dialogo-reautenticacion>
      <mug-dialogo-baja exportparts="dialogo" .api=${this.api}></mug-dialogo-baja>`;
  }
}

type Catalogos = Record<'paises' | 'provincias' | 'operadoras', Opcion[]>;
const rutaCiudades = (provincia: string) => `/api/catalogos/provincias/${encodeURIComponent(provincia)}/ciudades`;

declare global {
  interface HTMLElementTagNameMap {
    'modificar-usuario-general': ModificarUsuarioGeneral;
  }
}

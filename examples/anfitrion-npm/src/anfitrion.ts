// A host's page: its own login through the BFF's HTTP API (a client typed from the package's
// OpenAPI types), then <modificar-usuario-general> with the session's token, and the three events.
import createClient from 'openapi-fetch';
import 'modificar-usuario-general';
import type { ModificarUsuarioGeneral } from 'modificar-usuario-general';
import type { paths } from 'modificar-usuario-general/api-http';

/** Mounts the page in `raiz`; `apiBase` is the BFF's origin. */
export function montarAnfitrion(raiz: HTMLElement, apiBase: string): void {
  // Created here, not at load: the client takes the `fetch` of this moment (a test's fake BFF too).
  const api = createClient<paths>({ baseUrl: apiBase, credentials: 'omit' });
  raiz.innerHTML = `
    <form id="ingreso">
      <p id="aviso" role="status"></p>
      <label>ID.usuario <input name="idUsuario" autocomplete="username" required></label>
      <label>Contraseña <input name="contrasena" type="password" autocomplete="current-password" required></label>
      <button>Ingresar</button>
    </form>
    <div id="espacio"></div>
    <p id="registro" role="status"></p>`;
  const ingreso = raiz.querySelector<HTMLFormElement>('#ingreso')!;
  const aviso = raiz.querySelector<HTMLElement>('#aviso')!;
  const registro = raiz.querySelector<HTMLElement>('#registro')!;
  let elemento: ModificarUsuarioGeneral | null = null;

  ingreso.addEventListener('submit', async (evento) => {
    evento.preventDefault();
    const datos = new FormData(ingreso);
    const { data, error } = await api.POST('/api/sesiones', {
      body: { idUsuario: String(datos.get('idUsuario')), contrasena: String(datos.get('contrasena')) },
    });
    // The BFF's problem+json: `detail` is a sentence in Spanish for the user.
    if (error) return void (aviso.textContent = error.detail);
    ingreso.hidden = true;
    aviso.textContent = '';
    // After sesion-expirada: the element carries on with the new token, keeping what was typed.
    if (elemento) return void (elemento.token = data.token);
    elemento = document.createElement('modificar-usuario-general');
    elemento.apiBase = apiBase;
    elemento.token = data.token;
    elemento.addEventListener('usuario-modificado', (e) => (registro.textContent = `Datos guardados de ${e.detail.nombre}.`));
    elemento.addEventListener('baja-solicitada', (e) => (registro.textContent = `Baja registrada (${e.detail.id}).`));
    elemento.addEventListener('sesion-expirada', () => {
      ingreso.hidden = false;
      aviso.textContent = 'Su sesión terminó: ingrese de nuevo para continuar.';
    });
    raiz.querySelector('#espacio')!.append(elemento);
  });
}

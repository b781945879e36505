// The browser side of the real BFF of `modificar-usuario-general/wtr` (paquete/wtr.mjs): ask the test
// runner for a fresh BFF, call its HTTP API as a third party's page does (Bearer token, no cookies),
// and read the codes it "sends" from its dev outbox.
import type { Usuario } from '../contract/api.js';
import { LINEA_CODIGO, type CorreoBandeja } from '../contract/correo.js';
import { CONTRASENA } from './bff-falso.js';

/** The demo users the real BFF is seeded with, all with the password `CONTRASENA`. */
export const USUARIOS_DEMO = ['tmacay', 'mzambrano', 'jsmith', 'ocupado'] as const;

/** The path of the test runner's server that the `bffReal()` plugin answers. */
export const RUTA_BFF_REAL = '/__bff-real';

/**
 * Starts a fresh real BFF (empty temporary database, demo users, dev outbox) through the `bffReal()`
 * plugin of web-test-runner and resolves with its origin, for the element's `api-base`. A second
 * call from the same test file stops the first one; the last one stops when the run ends.
 */
export async function iniciarBffReal(): Promise<string> {
  const r = await fetch(RUTA_BFF_REAL, { method: 'POST' });
  const cuerpo = (await r.json().catch(() => ({}))) as { origen?: string; error?: string };
  if (!cuerpo.origen) {
    throw new Error(
      `No arrancó el BFF real: ${cuerpo.error ?? `${RUTA_BFF_REAL} respondió ${r.status}; ¿está bffReal() de modificar-usuario-general/wtr en los plugins de web-test-runner?`}`,
    );
  }
  return cuerpo.origen;
}

export interface RespuestaReal<T = any> {
  status: number;
  /** The JSON body, or null when there is none. */
  cuerpo: T;
  cabeceras: Headers;
}

/** One JSON request to the BFF at `origen`, with a Bearer token when given (never cookies: another site). */
export async function pedir<T = any>(
  origen: string,
  metodo: string,
  ruta: string,
  opciones: { token?: string; cuerpo?: unknown; cabeceras?: Record<string, string> } = {},
): Promise<RespuestaReal<T>> {
  const cabeceras: Record<string, string> = { Accept: 'application/json', ...opciones.cabeceras };
  if (opciones.cuerpo !== undefined) cabeceras['Content-Type'] = 'application/json';
  if (opciones.token) cabeceras['Authorization'] = `Bearer ${opciones.token}`;
  const r = await fetch(new URL(ruta, origen), {
    method: metodo,
    headers: cabeceras,
    body: opciones.cuerpo === undefined ? undefined : JSON.stringify(opciones.cuerpo),
    credentials: 'omit',
  });
  const texto = await r.text();
  return { status: r.status, cuerpo: texto ? JSON.parse(texto) : null, cabeceras: r.headers };
}

/** Logs `idUsuario` in (`POST /api/sesiones`) and resolves with the session's token, for the element's `token`. */
export async function iniciarSesion(origen: string, idUsuario: string, contrasena = CONTRASENA): Promise<string> {
  const r = await pedir<{ token: string }>(origen, 'POST', '/api/sesiones', { cuerpo: { idUsuario, contrasena } });
  if (r.status !== 201) throw new Error(`login de ${idUsuario}: ${r.status} ${JSON.stringify(r.cuerpo)}`);
  return r.cuerpo.token;
}

/** The user and its ETag as `GET /api/usuario` answers them. */
export async function leerUsuario(origen: string, token: string): Promise<{ usuario: Usuario; etag: string }> {
  const r = await pedir<Usuario>(origen, 'GET', '/api/usuario', { token });
  if (r.status !== 200) throw new Error(`GET /api/usuario: ${r.status}`);
  return { usuario: r.cuerpo, etag: r.cabeceras.get('ETag')! };
}

/** The dev outbox, newest first: every email the BFF would have sent. */
export async function bandeja(origen: string): Promise<CorreoBandeja[]> {
  const r = await pedir<CorreoBandeja[]>(origen, 'GET', '/api/dev/correos');
  if (r.status !== 200) throw new Error(`GET /api/dev/correos: ${r.status}`);
  return r.cuerpo;
}

/** The security code in a code mail's text; throws when the text has none. */
export function codigoEn(texto: string): string {
  const codigo = LINEA_CODIGO.exec(texto)?.[2];
  if (!codigo) throw new Error(`el correo no trae un código de seguridad:\n${texto}`);
  return codigo;
}

/** The security code of the newest message to `para`, waiting up to `esperaMs` for it to arrive. */
export async function codigoEnviadoA(origen: string, para: string, esperaMs = 8000): Promise<string> {
  const hasta = Date.now() + esperaMs;
  for (;;) {
    const correo = (await bandeja(origen)).find((c) => c.para === para);
    if (correo) return codigoEn(correo.texto);
    if (Date.now() > hasta) throw new Error(`no llegó un correo a ${para} en ${esperaMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

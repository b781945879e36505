// Security review, findings 1 and 8, against the real server (demo/server.ts as a child process):
// absolute URLs, the CSRF check's own origin and the session cookie come from ORIGEN_PUBLICO, never
// from `Host`; X-Forwarded-For and X-Request-Id are believed only from PROXY_CONFIABLE.
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codigoEn } from '../../paquete/bff-real.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay } from '../helpers/bff.js';
import { arrancarServidor, iniciarSesionApi, secretosDeCorreos, ultimoCorreo, type ServidorE2e } from '../helpers/e2e-servidor.js';
import { iniciarResendFalso, type ResendFalso } from '../helpers/resend-falso.js';

const NUEVO = 'tito.nuevo@example.com';
const ANTERIOR = 'tito.macay@example.com';
const PUBLICO = 'https://ecuapass.example';

interface Respuesta {
  status: number;
  cabeceras: Record<string, string | string[] | undefined>;
  texto: string;
}

/** One HTTP request with node:http, which (unlike fetch) sends the `Host` it is given, as an attacker's client would. */
function solicitar(url: string, metodo = 'GET', cabeceras: Record<string, string> = {}, cuerpo?: unknown): Promise<Respuesta> {
  const datos = cuerpo === undefined ? undefined : JSON.stringify(cuerpo);
  return new Promise((resolver, rechazar) => {
    const pedido = request(
      url,
      { method: metodo, headers: { ...(datos ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(datos)) } : {}), ...cabeceras } },
      (res) => {
        let texto = '';
        res.setEncoding('utf8');
        res.on('data', (parte: string) => (texto += parte));
        res.on('end', () => resolver({ status: res.statusCode ?? 0, cabeceras: res.headers, texto }));
      },
    );
    pedido.on('error', rechazar);
    pedido.end(datos);
  });
}

/** Changes tmacay's address with every request carrying `Host: evil.example`; `codigo` reads the code that was mailed. */
async function cambiarCorreoConHostFalso(servidor: ServidorE2e, codigo: () => Promise<string>): Promise<void> {
  const token = await iniciarSesionApi(servidor, 'tmacay');
  const falso = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http', Authorization: `Bearer ${token}` };
  expect((await solicitar(`${servidor.url}/api/correo/codigo`, 'POST', falso, { correo: NUEVO })).status).toBe(202);
  const cuerpo = actualizacionTmacay({ mantenerCorreo: false, correo: NUEVO, confirmacionCorreo: NUEVO, codigoSeguridad: await codigo() });
  const put = await solicitar(`${servidor.url}/api/usuario`, 'PUT', { ...falso, 'If-Match': '"1"' }, cuerpo);
  expect(put.status, put.texto).toBe(200);
}

/** The `evento` rows of the user's activity, newest first, with their ip. */
async function actividad(servidor: ServidorE2e, token: string): Promise<{ evento: string; ip: string | null }[]> {
  const r = await fetch(`${servidor.url}/api/usuario/actividad`, { headers: { Authorization: `Bearer ${token}` } });
  return (await r.json()) as { evento: string; ip: string | null }[];
}

/** Logs tmacay in with extra headers; the answer, its request id and the ip its audit row recorded. */
async function loginCon(servidor: ServidorE2e, cabeceras: Record<string, string>): Promise<{ idSolicitud: string; ip: string | null }> {
  const r = await solicitar(`${servidor.url}/api/sesiones`, 'POST', cabeceras, { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO });
  expect(r.status, r.texto).toBe(201);
  const { token } = JSON.parse(r.texto) as { token: string };
  const [ultimo] = await actividad(servidor, token);
  expect(ultimo!.evento).toBe('INICIO_SESION');
  return { idSolicitud: String(r.cabeceras['x-request-id']), ip: ultimo!.ip };
}

describe('default configuration (http demo origin, no proxy trusted)', () => {
  let servidor: ServidorE2e;
  beforeAll(async () => {
    servidor = await arrancarServidor();
  });
  afterAll(() => servidor?.cerrar());

  test('finding 1: a PUT sent with Host: evil.example mails the old address a revert link on ORIGEN_PUBLICO, not on the forged host', async () => {
    await cambiarCorreoConHostFalso(servidor, async () => codigoEn((await ultimoCorreo(servidor, NUEVO, 'ACTIVACIÓN'))!.texto));
    const aviso = await ultimoCorreo(servidor, ANTERIOR, 'se cambió el correo');
    expect(aviso!.texto).toMatch(new RegExp(`^No reconozco este cambio: ${servidor.url.replaceAll('.', '\\.')}/correo/revertir/[A-Za-z0-9_-]{43}$`, 'm'));
    expect(aviso!.html).toContain(`href="${servidor.url}/correo/revertir/`);
    expect(`${aviso!.texto}${aviso!.html}`).not.toContain('evil.example');
  });

  test('finding 1: a cookie write whose Origin matches a forged Host is refused (the CSRF check\'s own origin is ORIGEN_PUBLICO)', async () => {
    const login = await solicitar(`${servidor.url}/api/sesiones`, 'POST', { Origin: servidor.url }, { idUsuario: 'mzambrano', contrasena: CONTRASENA_DEMO });
    expect(login.status).toBe(201);
    const cookie = String(login.cabeceras['set-cookie']).split(';')[0]!;
    const r = await solicitar(`${servidor.url}/api/sesiones/actual`, 'DELETE', { Cookie: cookie, Host: 'evil.example', Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.texto)).toMatchObject({ codigo: 'ORIGEN_NO_PERMITIDO' });
    expect((await solicitar(`${servidor.url}/api/usuario`, 'GET', { Cookie: cookie })).status).toBe(200);
  });

  test('finding 8: over the http demo origin the cookie is mug_sesion, not Secure', async () => {
    const login = await solicitar(`${servidor.url}/api/sesiones`, 'POST', { Origin: servidor.url }, { idUsuario: 'jsmith', contrasena: CONTRASENA_DEMO });
    expect(String(login.cabeceras['set-cookie'])).toMatch(/^mug_sesion=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  test('finding 8: without PROXY_CONFIABLE a spoofed X-Forwarded-For and X-Request-Id are ignored: the socket\'s address is audited and a new id generated', async () => {
    const { idSolicitud, ip } = await loginCon(servidor, { 'X-Forwarded-For': '203.0.113.7', 'X-Real-IP': '203.0.113.8', 'X-Request-Id': 'ataque-123' });
    expect(ip).toBe('127.0.0.1');
    expect(idSolicitud).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('ORIGEN_PUBLICO=https://ecuapass.example behind a TLS-terminating proxy, mail through Resend', () => {
  let servidor: ServidorE2e;
  let resend: ResendFalso;
  beforeAll(async () => {
    resend = await iniciarResendFalso();
    servidor = await arrancarServidor({ ORIGEN_PUBLICO: PUBLICO, RESEND_API_KEY: 're_prueba_123', RESEND_BASE_URL: resend.url });
  });
  afterAll(async () => {
    for (const secreto of secretosDeCorreos(enviados().map((m) => ({ asunto: m.subject, texto: m.text })))) servidor?.secretos.add(secreto);
    await servidor?.cerrar();
    await resend?.cerrar();
  });

  const enviados = () => resend.solicitudes.map((s) => s.cuerpo as { to: string | string[]; subject: string; text: string; html: string });

  test('finding 1: the email Resend receives for the old address carries the configured origin, whatever Host the PUT had', async () => {
    await cambiarCorreoConHostFalso(servidor, async () => codigoEn(enviados().find((m) => m.to === NUEVO)!.text));
    // The notice leaves after the answer, through the server's sender.
    const aviso = (await resend.esperarSolicitud((s) => (s.cuerpo as { to?: string }).to === ANTERIOR)).cuerpo as { text: string; html: string };
    expect(aviso.text).toMatch(/^No reconozco este cambio: https:\/\/ecuapass\.example\/correo\/revertir\/[A-Za-z0-9_-]{43}$/m);
    expect(aviso.html).toContain(`href="${PUBLICO}/correo/revertir/`);
    expect(`${aviso.text}${aviso.html}`).not.toMatch(/evil\.example|127\.0\.0\.1/);
  });

  test('finding 8: though Node sees http, the cookie is __Host-mug_sesion, Secure, Path=/, and the BFF reads only that name', async () => {
    // X-Forwarded-Proto plays no part: the public origin alone decides Secure.
    const login = await solicitar(`${servidor.url}/api/sesiones`, 'POST', { Origin: PUBLICO, 'X-Forwarded-Proto': 'http' }, { idUsuario: 'mzambrano', contrasena: CONTRASENA_DEMO });
    expect(login.status).toBe(201);
    const { token } = JSON.parse(login.texto) as { token: string };
    servidor.secretos.add(token);
    expect(login.cabeceras['set-cookie']).toEqual([`__Host-mug_sesion=${token}; Max-Age=28800; Path=/; HttpOnly; Secure; SameSite=Lax`]);
    expect((await solicitar(`${servidor.url}/api/usuario`, 'GET', { Cookie: `__Host-mug_sesion=${token}` })).status).toBe(200);
    // A cookie without the prefix (one a plain-http page or a sibling domain could plant) is not a session.
    expect((await solicitar(`${servidor.url}/api/usuario`, 'GET', { Cookie: `mug_sesion=${token}` })).status).toBe(401);
    // The CSRF check's own origin is the public one.
    const salida = await solicitar(`${servidor.url}/api/sesiones/actual`, 'DELETE', { Cookie: `__Host-mug_sesion=${token}`, Origin: PUBLICO });
    expect(salida.status).toBe(204);
    expect(salida.cabeceras['set-cookie']).toEqual(['__Host-mug_sesion=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax']);
  });
});

describe('PROXY_CONFIABLE=127.0.0.1,10.0.0.0/8 (the test client connects from 127.0.0.1, the trusted proxy)', () => {
  let servidor: ServidorE2e;
  beforeAll(async () => {
    servidor = await arrancarServidor({ PROXY_CONFIABLE: '127.0.0.1,10.0.0.0/8' });
  });
  afterAll(() => servidor?.cerrar());

  test('finding 8: the proxy\'s X-Forwarded-For and X-Request-Id are honoured', async () => {
    expect(await loginCon(servidor, { 'X-Forwarded-For': '203.0.113.7', 'X-Request-Id': 'proxy-abc-123' })).toEqual({
      idSolicitud: 'proxy-abc-123',
      ip: '203.0.113.7',
    });
  });

  test('finding 8: the client is the rightmost address that is not a trusted proxy; what a client wrote to its left is ignored', async () => {
    expect((await loginCon(servidor, { 'X-Forwarded-For': '198.51.100.1, 203.0.113.7, 10.0.0.9' })).ip).toBe('203.0.113.7');
    // A malformed entry stops the walk at the last trusted hop.
    expect((await loginCon(servidor, { 'X-Forwarded-For': '203.0.113.7, basura, 10.0.0.9' })).ip).toBe('10.0.0.9');
    // No header: the proxy itself.
    expect((await loginCon(servidor, {})).ip).toBe('127.0.0.1');
    // A request id that is not one (spaces, too long) is replaced.
    expect((await loginCon(servidor, { 'X-Request-Id': 'con espacios' })).idSolicitud).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('item 2 of issue 9: the login limits and the log lines count the client the proxy names, not the proxy', async () => {
    const intentar = (cliente: string) =>
      solicitar(`${servidor.url}/api/sesiones`, 'POST', { 'X-Forwarded-For': cliente, 'X-Request-Id': `limite-${cliente.replaceAll('.', '-')}` }, { idUsuario: 'ocupado', contrasena: 'no-es-la-clave-1' });
    for (let i = 0; i < 5; i++) expect((await intentar('203.0.113.7')).status).toBe(401);
    expect((await intentar('203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy is not locked out by the first one's failures.
    expect((await intentar('203.0.113.8')).status).toBe(401);
    const lineas = servidor.salida().split('\n');
    expect(lineas.filter((l) => l.includes('"reqId":"limite-203-0-113-7"'))).toEqual([
      ...Array(5).fill(expect.stringMatching(/ POST \/api\/sesiones 401 \d+ ms 203\.0\.113\.7 /)),
      expect.stringMatching(/ POST \/api\/sesiones 429 \d+ ms 203\.0\.113\.7 /),
    ]);
    expect(lineas.filter((l) => l.includes('"reqId":"limite-203-0-113-8"'))).toEqual([expect.stringMatching(/ POST \/api\/sesiones 401 \d+ ms 203\.0\.113\.8 /)]);
  });
});

describe('the class of finding 1', () => {
  test('no module of bff/ or demo/ builds anything from the request URL, Host or X-Forwarded-Host/Proto (only ORIGEN_PUBLICO)', async () => {
    const raiz = fileURLToPath(new URL('../../', import.meta.url));
    const lecturas = /req\.url|req\.raw\.url|header\(\s*['"](host|x-forwarded-host|x-forwarded-proto)['"]/i;
    const encontrados: string[] = [];
    for (const carpeta of ['bff', 'demo']) {
      for (const archivo of await readdir(join(raiz, carpeta), { recursive: true })) {
        if (!/\.(ts|js|mjs)$/.test(archivo)) continue;
        const texto = await readFile(join(raiz, carpeta, archivo), 'utf8');
        if (lecturas.test(texto)) encontrados.push(`${carpeta}/${archivo}`);
      }
    }
    expect(encontrados).toEqual([]);
  });
});

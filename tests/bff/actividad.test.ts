import { describe, expect, test } from 'vitest';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import { actualizacionTmacay, actualizarUsuario, iniciarSesion, MINUTO, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

// Strangers who type a user's ID (failed logins, limit hits) must not push the user's own
// actions out of "Actividad reciente".

const e = usarEntorno();

type Fila = { evento: string; campos: string[]; creadoEn: string; ip: string | null; conteo: number };

const intento = (ip: string) => pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: 'Adivinada-123' }, ip });

async function actividad(): Promise<Fila[]> {
  const token = await iniciarSesion(e.app);
  return (await (await pedir(e.app, '/api/usuario/actividad', { token })).json()) as Fila[];
}

/** tmacay logs in and changes the fax: the own actions the attack must not hide. */
async function cambioPropio(): Promise<void> {
  const token = await iniciarSesion(e.app);
  expect((await actualizarUsuario(e.app, token, actualizacionTmacay({ fax: '042345699' }))).status).toBe(200);
}

describe('GET /api/usuario/actividad under a flood of failed logins', () => {
  test('sixty wrong logins in a burst: one row for the failures and one for the limit hits, each with its count', async () => {
    await cambioPropio();
    for (let i = 0; i < 60; i++) await intento('203.0.113.66');
    const lista = await actividad();
    expect(lista.map(({ evento, conteo, ip }) => ({ evento, conteo, ip }))).toEqual([
      { evento: 'INICIO_SESION', conteo: 1, ip: null },
      { evento: 'LIMITE_EXCEDIDO', conteo: 55, ip: '203.0.113.66' },
      { evento: 'INICIO_SESION_FALLIDO', conteo: 5, ip: '203.0.113.66' },
      { evento: 'DATOS_MODIFICADOS', conteo: 1, ip: null },
      { evento: 'INICIO_SESION', conteo: 1, ip: null },
    ]);
  });

  test('sixty wrong logins spread over sixty windows cannot push the user\'s own changes out', async () => {
    await cambioPropio();
    for (let i = 0; i < 60; i++) {
      expect((await intento(`198.51.100.${i}`)).status).toBe(401);
      e.reloj.avanzar(16 * MINUTO);
    }
    const lista = await actividad();
    expect(lista).toHaveLength(50);
    expect(lista.filter((f) => f.evento === 'DATOS_MODIFICADOS')).toEqual([
      { evento: 'DATOS_MODIFICADOS', campos: ['fax'], creadoEn: '2026-03-02T15:00:00.000Z', ip: null, conteo: 1 },
    ]);
    expect(lista.filter((f) => f.evento === 'INICIO_SESION')).toHaveLength(2);
    expect(lista.filter((f) => f.evento === 'INICIO_SESION_FALLIDO')).toHaveLength(47);
  });

  test('with many own actions, failed attempts still take 10 places: both stay visible', async () => {
    for (let i = 0; i < 60; i++) {
      await e.db.execute({
        sql: "INSERT INTO auditoria (id_usuario, evento, campos, creado_en) VALUES ('tmacay', 'DATOS_MODIFICADOS', '[\"fax\"]', ?)",
        args: [new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * MINUTO).toISOString()],
      });
    }
    for (let i = 0; i < 12; i++) {
      await intento(`198.51.100.${i}`);
      e.reloj.avanzar(16 * MINUTO);
    }
    const lista = await actividad();
    expect(lista).toHaveLength(50);
    expect(lista.filter((f) => f.evento === 'INICIO_SESION_FALLIDO')).toHaveLength(10);
    expect(lista.filter((f) => f.evento !== 'INICIO_SESION_FALLIDO')).toHaveLength(40);
    const fechas = lista.map((f) => f.creadoEn);
    expect([...fechas].sort().reverse()).toEqual(fechas);
  });

  test('a right password from the attacked client is refused too, and the owner from elsewhere sees the attack counted', async () => {
    for (let i = 0; i < 7; i++) await intento('203.0.113.66');
    expect((await pedir(e.app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }, ip: '203.0.113.66' })).status).toBe(429);
    const lista = await actividad();
    expect(lista.find((f) => f.evento === 'LIMITE_EXCEDIDO')).toMatchObject({ campos: ['sesion'], conteo: 3 });
  });
});

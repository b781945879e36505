import { beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '../../bff/app.js';
import { buscarUsuario } from '../../bff/db/usuarios.js';
import { CONTRASENA_DEMO } from '../../bff/db/semilla.js';
import {
  actualizacionTmacay,
  actualizarUsuario,
  correosEntregados,
  erroresDe,
  iniciarSesion,
  MINUTO,
  pedir,
  problemaValidacion,
  solicitarCodigo,
} from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno();
let token: string;
beforeEach(async () => {
  token = await iniciarSesion(e.app);
});

const NUEVO = 'tito.nuevo@example.com';

function post(ruta: string, cuerpo: unknown, tk = token) {
  return pedir(e.app, ruta, { cuerpo, token: tk });
}

const correos = () => correosEntregados(e);

const pedirCodigo = (correo = NUEVO, tk = token) => solicitarCodigo(e, tk, correo);

function cambioCorreo(codigo: string, correo = NUEVO) {
  return actualizacionTmacay({ mantenerCorreo: false, correo, confirmacionCorreo: correo.toUpperCase(), codigoSeguridad: codigo });
}

const put = (cuerpo: unknown, version = 1, tk = token) => actualizarUsuario(e.app, tk, cuerpo, `"${version}"`);

describe('POST /api/correo/disponibilidad', () => {
  test('free, taken (case-insensitive) and freed by a BAJA user', async () => {
    expect(await (await post('/api/correo/disponibilidad', { correo: NUEVO })).json()).toEqual({ disponible: true });
    expect(await (await post('/api/correo/disponibilidad', { correo: 'OCUPADO@Example.com' })).json()).toEqual({ disponible: false });
    await e.db.execute("UPDATE usuarios SET estado = 'BLOQUEADO' WHERE id_usuario = 'ocupado'");
    expect(await (await post('/api/correo/disponibilidad', { correo: 'ocupado@example.com' })).json()).toEqual({ disponible: false });
    await e.db.execute("UPDATE usuarios SET estado = 'BAJA' WHERE id_usuario = 'ocupado'");
    expect(await (await post('/api/correo/disponibilidad', { correo: 'ocupado@example.com' })).json()).toEqual({ disponible: true });
  });

  test('the current address → 422 correo NO_PERMITIDO; a bad format → 422 FORMATO', async () => {
    const propio = await post('/api/correo/disponibilidad', { correo: 'Tito.Macay@example.com' });
    expect(propio.status).toBe(422);
    expect(await erroresDe(propio)).toEqual([
      { campo: 'correo', codigo: 'NO_PERMITIDO', mensaje: 'Correo Electrónico: debe ser distinto del correo registrado actualmente.' },
    ]);
    const malo = await post('/api/correo/disponibilidad', { correo: 'no-es-correo' });
    expect(malo.status).toBe(422);
    expect(await erroresDe(malo)).toEqual([
      { campo: 'correo', codigo: 'FORMATO', mensaje: 'Correo Electrónico: no es una dirección de correo electrónico válida.' },
    ]);
  });

  test('needs a session', async () => {
    expect((await pedir(e.app, '/api/correo/disponibilidad', { cuerpo: { correo: NUEVO } })).status).toBe(401);
  });

  test('20 per user per hour, then 429 with Retry-After; audited', async () => {
    for (let i = 0; i < 20; i++) expect((await post('/api/correo/disponibilidad', { correo: `a${i}@example.com` })).status).toBe(200);
    const r = await post('/api/correo/disponibilidad', { correo: 'b@example.com' });
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toBe('3600');
    expect(((await r.json()) as { codigo: string }).codigo).toBe('DEMASIADAS_SOLICITUDES');
    const otro = await iniciarSesion(e.app, 'mzambrano');
    expect((await post('/api/correo/disponibilidad', { correo: 'b@example.com' }, otro)).status).toBe(200);
    e.reloj.avanzar(60 * MINUTO);
    const nuevo = await iniciarSesion(e.app);
    expect((await post('/api/correo/disponibilidad', { correo: 'b@example.com' }, nuevo)).status).toBe(200);
    const eventos = await e.db.execute("SELECT campos FROM auditoria WHERE evento = 'LIMITE_EXCEDIDO' AND id_usuario = 'tmacay'");
    expect(eventos.rows.map((f) => f.campos)).toEqual(['["disponibilidad"]']);
  });
});

describe('POST /api/correo/codigo', () => {
  test('202 {expiraEn, reenviarDesde}; the code mail lands in the outbox, newest first', async () => {
    const r = await post('/api/correo/codigo', { correo: 'Tito.Nuevo@Example.com' });
    expect(r.status).toBe(202);
    expect(await r.json()).toEqual({ expiraEn: '2026-03-02T15:15:00.000Z', reenviarDesde: '2026-03-02T15:01:00.000Z' });
    const lista = await correos();
    expect(lista).toHaveLength(1);
    expect(lista[0]).toMatchObject({ para: NUEVO, asunto: 'ACTIVACIÓN DE CORREO ELECTRÓNICO', creadoEn: '2026-03-02T15:00:00.000Z' });
    expect(lista[0]!.texto).toContain('15 minutos');
    expect(lista[0]!.texto).toContain('spam');
    e.reloj.avanzar(MINUTO);
    await post('/api/correo/codigo', { correo: 'otro.mas@example.com' });
    expect((await correos()).map((c) => c.para)).toEqual(['otro.mas@example.com', NUEVO]);
  });

  test('refuses the current address, a taken one and a bad one with 422, sending nothing', async () => {
    const casos = [
      ['tito.macay@example.com', 'NO_PERMITIDO'],
      ['ocupado@example.com', 'NO_DISPONIBLE'],
      ['x@', 'FORMATO'],
    ] as const;
    for (const [correo, codigo] of casos) {
      const r = await post('/api/correo/codigo', { correo });
      expect(r.status).toBe(422);
      expect((await erroresDe(r))[0]).toMatchObject({ campo: 'correo', codigo });
    }
    expect(await correos()).toEqual([]);
  });

  test('counts against the availability limit before it looks: after the 429 a taken address gets 429, not 422', async () => {
    for (let i = 0; i < 19; i++) expect((await post('/api/correo/disponibilidad', { correo: `a${i}@example.com` })).status).toBe(200);
    // The 20th look of the hour is a code request for a taken address: told, and counted.
    expect((await erroresDe(await post('/api/correo/codigo', { correo: 'ocupado@example.com' })))[0]).toMatchObject({
      campo: 'correo',
      codigo: 'NO_DISPONIBLE',
    });
    for (const ruta of ['/api/correo/disponibilidad', '/api/correo/codigo']) {
      const r = await post(ruta, { correo: 'ocupado@example.com' });
      expect(r.status, ruta).toBe(429);
      expect(r.headers.get('Retry-After'), ruta).toBe('3600');
    }
    expect(await correos()).toEqual([]);
    const eventos = await e.db.execute("SELECT campos, conteo FROM auditoria WHERE evento = 'LIMITE_EXCEDIDO' AND id_usuario = 'tmacay'");
    expect(eventos.rows.map((f) => ({ ...f }))).toEqual([{ campos: '["disponibilidad"]', conteo: 2 }]);
  });

  test('1 per 60 s and 5 per hour → 429 DEMASIADAS_SOLICITUDES with Retry-After', async () => {
    await pedirCodigo();
    e.reloj.avanzar(30_000);
    const pronto = await post('/api/correo/codigo', { correo: NUEVO });
    expect(pronto.status).toBe(429);
    expect(pronto.headers.get('Retry-After')).toBe('30');
    expect(await pronto.json()).toMatchObject({ codigo: 'DEMASIADAS_SOLICITUDES', detail: expect.stringContaining('30 segundos') });
    for (let i = 0; i < 4; i++) {
      e.reloj.avanzar(MINUTO);
      expect((await post('/api/correo/codigo', { correo: NUEVO })).status).toBe(202);
    }
    e.reloj.avanzar(MINUTO); // 15:04:30 + 1 min; the first code was at 15:00:00
    const hora = await post('/api/correo/codigo', { correo: NUEVO });
    expect(hora.status).toBe(429);
    expect(Number(hora.headers.get('Retry-After'))).toBe(60 * 60 - (5 * 60 + 30));
  });

  test('needs a password proof from the last 15 minutes: 15:00 ok, 15:01 → 403, renewed → ok', async () => {
    e.reloj.avanzar(15 * MINUTO);
    expect((await post('/api/correo/codigo', { correo: NUEVO })).status).toBe(202);
    e.reloj.avanzar(MINUTO);
    const r = await post('/api/correo/codigo', { correo: NUEVO });
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ codigo: 'REAUTENTICACION_REQUERIDA' });
    const mala = await post('/api/sesiones/reautenticacion', { contrasena: 'otra' });
    expect(mala.status).toBe(422);
    expect(await erroresDe(mala)).toEqual([
      { campo: 'contrasena', codigo: 'INCORRECTA', mensaje: 'Contraseña: no es correcta.' },
    ]);
    expect((await post('/api/sesiones/reautenticacion', { contrasena: CONTRASENA_DEMO })).status).toBe(204);
    expect((await post('/api/correo/codigo', { correo: NUEVO })).status).toBe(202);
  });

  test('DELETE /api/correo/codigo ("Usar otro correo") voids the pending code', async () => {
    const codigo = await pedirCodigo();
    expect((await pedir(e.app, '/api/correo/codigo', { metodo: 'DELETE', token })).status).toBe(204);
    const r = await put(cambioCorreo(codigo));
    expect(r.status).toBe(422);
    expect((await erroresDe(r))[0]).toMatchObject({ campo: 'codigoSeguridad', codigo: 'INCORRECTO' });
  });
});

describe('PUT /api/usuario changing the email', () => {
  test('end to end: code, PUT, audit, notice with a revert link to the OLD address', async () => {
    const codigo = await pedirCodigo();
    const r = await put(cambioCorreo(codigo.toLowerCase()));
    expect(r.status).toBe(200);
    expect(r.headers.get('ETag')).toBe('"2"');
    expect(await r.json()).toMatchObject({ correo: NUEVO, version: 2 });
    const [aviso] = await correos();
    expect(aviso).toMatchObject({ para: 'tito.macay@example.com', asunto: 'Aviso: se cambió el correo electrónico de su usuario de Ecuapass' });
    expect(aviso!.texto).toMatch(/No reconozco este cambio: http:\/\/127\.0\.0\.1:8787\/correo\/revertir\/[A-Za-z0-9_-]{43}\n/);
    const actividad = (await (await pedir(e.app, '/api/usuario/actividad', { token })).json()) as { evento: string; campos: string[] }[];
    expect(actividad[0]).toMatchObject({ evento: 'CORREO_MODIFICADO', campos: ['correo'] });
    // The code is single use.
    const otra = await put(cambioCorreo(codigo, 'tercero@example.com'), 2);
    expect(otra.status).toBe(422);
  });

  test('a taken address never sent a code fails as a wrong code, like a free one: no spare oracle after the 429', async () => {
    for (let i = 0; i < 20; i++) await post('/api/correo/disponibilidad', { correo: `a${i}@example.com` });
    expect((await post('/api/correo/disponibilidad', { correo: 'ocupado@example.com' })).status).toBe(429);
    // No code pending: the same answer for a taken and a free address, as often as asked.
    const sinCodigo = async (correo: string) => {
      const r = await put(cambioCorreo('ABCD2345', correo));
      return { estado: r.status, cuerpo: await r.json() };
    };
    const esperado = {
      estado: 422,
      cuerpo: problemaValidacion([
        {
          campo: 'codigoSeguridad',
          codigo: 'INCORRECTO',
          mensaje: 'Código de seguridad: no es correcto. Solicite un nuevo código de seguridad.',
          intentosRestantes: 0,
        },
      ]),
    };
    for (let i = 0; i < 3; i++) {
      expect(await sinCodigo('ocupado@example.com')).toEqual(esperado);
      expect(await sinCodigo('libre@example.com')).toEqual(esperado);
    }
  });

  test('with a code pending for another address, a taken one costs a try and fails as a wrong code, exactly like a free one', async () => {
    const codigo = await pedirCodigo();
    const errores = async (correo: string) => erroresDe(await put(cambioCorreo(codigo, correo)));
    expect(await errores('ocupado@example.com')).toEqual([
      { campo: 'codigoSeguridad', codigo: 'INCORRECTO', mensaje: 'Código de seguridad: no es correcto. Le quedan 4 intentos.', intentosRestantes: 4 },
    ]);
    expect(await errores('libre@example.com')).toEqual([
      { campo: 'codigoSeguridad', codigo: 'INCORRECTO', mensaje: 'Código de seguridad: no es correcto. Le quedan 3 intentos.', intentosRestantes: 3 },
    ]);
    expect((await put(cambioCorreo(codigo))).status).toBe(200);
  });

  test('a valid code for an address someone else took meanwhile: 422 NO_DISPONIBLE, nothing changes, never two accounts', async () => {
    const codigo = await pedirCodigo();
    await e.db.execute({ sql: "UPDATE usuarios SET correo = ? WHERE id_usuario = 'mzambrano'", args: [NUEVO] });
    const r = await put(cambioCorreo(codigo));
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([
      { campo: 'correo', codigo: 'NO_DISPONIBLE', mensaje: 'Correo Electrónico: ya está registrado por otro usuario.' },
    ]);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: 'tito.macay@example.com', version: 1 });
    const duenos = await e.db.execute({ sql: "SELECT id_usuario FROM usuarios WHERE lower(correo) = ? AND estado <> 'BAJA'", args: [NUEVO] });
    expect(duenos.rows.map((f) => f.id_usuario)).toEqual(['mzambrano']);
  });

  test('a wrong code names the tries left; the 5th wrong one voids it (AGOTADO)', async () => {
    const codigo = await pedirCodigo();
    const malo = codigo === 'ABCD2345' ? 'ABCD2346' : 'ABCD2345';
    const r = await put(cambioCorreo(malo));
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([
      { campo: 'codigoSeguridad', codigo: 'INCORRECTO', mensaje: 'Código de seguridad: no es correcto. Le quedan 4 intentos.', intentosRestantes: 4 },
    ]);
    for (let i = 0; i < 3; i++) await put(cambioCorreo(malo));
    const quinto = await put(cambioCorreo(malo));
    expect((await erroresDe(quinto))[0]!.codigo).toBe('AGOTADO');
    const correcto = await put(cambioCorreo(codigo));
    expect((await erroresDe(correcto))[0]!.codigo).toBe('AGOTADO');
    expect((await buscarUsuario(e.db, 'tmacay'))!.correo).toBe('tito.macay@example.com');
  });

  test('fixed clock: the code works at 14:59 after it was sent, and is EXPIRADO at 15:00.001', async () => {
    const codigo = await pedirCodigo();
    e.reloj.avanzar(15 * MINUTO + 1);
    const tarde = await put(cambioCorreo(codigo));
    expect(tarde.status).toBe(422);
    expect(await erroresDe(tarde)).toEqual([
      { campo: 'codigoSeguridad', codigo: 'EXPIRADO', mensaje: 'Código de seguridad: ha expirado; solicite un nuevo código de seguridad.' },
    ]);
    e.reloj.avanzar(MINUTO);
    await post('/api/sesiones/reautenticacion', { contrasena: CONTRASENA_DEMO });
    const otro = await pedirCodigo();
    e.reloj.avanzar(14 * MINUTO + 59_000);
    expect((await put(cambioCorreo(otro))).status).toBe(200);
  });

  test('8 parallel PUTs with the right code: exactly one 200', async () => {
    const codigo = await pedirCodigo();
    const respuestas = await Promise.all(Array.from({ length: 8 }, () => put(cambioCorreo(codigo))));
    const estados = respuestas.map((r) => r.status).sort();
    expect(estados.filter((s) => s === 200)).toHaveLength(1);
    expect(estados.every((s) => s === 200 || s === 412 || s === 422)).toBe(true);
    expect((await buscarUsuario(e.db, 'tmacay'))!.version).toBe(2);
    const eventos = await e.db.execute("SELECT count(*) AS n FROM auditoria WHERE evento = 'CORREO_MODIFICADO'");
    expect(eventos.rows[0]?.n).toBe(1);
  });

  test('50 parallel wrong codes: at most 5 are evaluated', async () => {
    const codigo = await pedirCodigo();
    const malo = codigo === 'ABCD2345' ? 'ABCD2346' : 'ABCD2345';
    const respuestas = await Promise.all(Array.from({ length: 50 }, () => put(cambioCorreo(malo))));
    expect(respuestas.every((r) => r.status === 422)).toBe(true);
    const fila = (await e.db.execute('SELECT intentos FROM codigos_seguridad')).rows[0];
    expect(fila?.intentos).toBe(5);
    const errores = await Promise.all(respuestas.map((r) => erroresDe(r)));
    expect(errores.filter(([error]) => error!.codigo === 'INCORRECTO').length).toBeLessThanOrEqual(4);
    expect((await put(cambioCorreo(codigo))).status).toBe(422);
  });

  test('a UNIQUE violation at commit answers 422 NO_DISPONIBLE, never 500, and changes nothing', async () => {
    const codigo = await pedirCodigo();
    // Another user takes the address between the availability check and the commit: the db given
    // to this app runs that write just before the PUT's batch.
    const db = new Proxy(e.db, {
      get(objetivo, propiedad, receptor): unknown {
        const valor = Reflect.get(objetivo, propiedad, receptor) as unknown;
        if (propiedad !== 'batch') return typeof valor === 'function' ? (valor as () => unknown).bind(objetivo) : valor;
        return async (...args: Parameters<typeof e.db.batch>) => {
          await objetivo.execute({ sql: "UPDATE usuarios SET correo = ? WHERE id_usuario = 'mzambrano'", args: [NUEVO.toUpperCase()] });
          return objetivo.batch(...args);
        };
      },
    });
    const app = createApp({ db, mailer: null, reloj: e.reloj.ahora, config: e.config });
    const r = await actualizarUsuario(app, token, cambioCorreo(codigo));
    expect(r.status).toBe(422);
    expect(await erroresDe(r)).toEqual([
      { campo: 'correo', codigo: 'NO_DISPONIBLE', mensaje: 'Correo Electrónico: ya está registrado por otro usuario.' },
    ]);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: 'tito.macay@example.com', version: 1 });
    expect((await e.db.execute("SELECT count(*) AS n FROM auditoria WHERE evento = 'CORREO_MODIFICADO'")).rows[0]?.n).toBe(0);
  });

  test('the revert link is stored in the same batch as the new address: if it cannot be, the address does not change', async () => {
    const codigo = await pedirCodigo();
    await e.db.execute('DROP TABLE enlaces_reversion');
    expect((await put(cambioCorreo(codigo))).status).toBe(500);
    expect(await buscarUsuario(e.db, 'tmacay')).toMatchObject({ correo: 'tito.macay@example.com', version: 1 });
    expect((await e.db.execute("SELECT count(*) AS n FROM auditoria WHERE evento = 'CORREO_MODIFICADO'")).rows[0]?.n).toBe(0);
  });

  test('no plaintext code in the database (outside the outbox) nor in the logs', async () => {
    const codigo = await pedirCodigo();
    expect((await put(cambioCorreo(codigo))).status).toBe(200);
    const [aviso] = await correos();
    const enlace = aviso!.texto.match(/\/correo\/revertir\/([A-Za-z0-9_-]{43})/)![1]!;
    const tablas = await e.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'correos_bandeja'");
    for (const fila of tablas.rows) {
      const contenido = JSON.stringify((await e.db.execute(`SELECT * FROM "${String(fila.name)}"`)).rows);
      expect(contenido, String(fila.name)).not.toContain(codigo);
      expect(contenido, String(fila.name)).not.toContain(enlace);
      expect(contenido, String(fila.name)).not.toContain(token);
      expect(contenido, String(fila.name)).not.toContain(CONTRASENA_DEMO);
    }
    expect(e.registro.lineas().filter((linea) => linea.msg === 'solicitud atendida')).not.toEqual([]);
    expect(e.registro.texto()).not.toContain(codigo);
    expect(e.registro.texto()).not.toContain(enlace);
  });
});

describe('mantenerCorreo: true with the email fields filled in', () => {
  test('they are ignored: 200 and the email stays', async () => {
    const r = await put(
      actualizacionTmacay({ correo: 'otro@example.com', confirmacionCorreo: 'otro@example.com', codigoSeguridad: 'ABCD2345', telefono2: '042999111' }),
    );
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ correo: 'tito.macay@example.com', telefono2: '042999111' });
  });
});

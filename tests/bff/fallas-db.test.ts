// Faults of the database that do not go away at once (issue 14): a lock held by another process, a
// file or disk that takes no writes, a remote that accepts connections and never answers. Each
// against the real libSQL file or the real server; none answers 500. The figures (time to answer,
// time to recover) are printed for the record, asserted only against generous bounds.
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createApp } from '../../bff/app.js';
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { migrar } from '../../bff/db/migrar.js';
import { CONTRASENA_DEMO, sembrarDemo } from '../../bff/db/semilla.js';
import { actualizacionTmacay, actualizarUsuario, crearEntorno, iniciarSesion, pedir, pedirSesion, type EntornoDePrueba } from '../helpers/bff.js';
import { arrancarServidor, ENTORNO_PRODUCCION, lineasJson, RAIZ, type ServidorE2e } from '../helpers/e2e-servidor.js';
import { puertoLibre } from '../helpers/puerto.mjs';
import { usarEntorno } from '../helpers/bff-vitest.js';
import { arrancarHranaFalso } from '../helpers/hrana-falso.js';

const ejecutar = promisify(execFile);
const BLOQUEO = fileURLToPath(new URL('../helpers/bloqueo-proceso.ts', import.meta.url));

/** Runs `f` and measures it in whole milliseconds. */
async function cronometrar<T>(f: () => Promise<T>): Promise<{ valor: T; ms: number }> {
  const inicio = performance.now();
  const valor = await f();
  return { valor, ms: Math.round(performance.now() - inicio) };
}

/** The longest the event loop went without running a 10 ms timer, until the returned function is called. */
function vigilarBucle(): () => number {
  let ultimo = performance.now();
  let maximo = 0;
  const temporizador = setInterval(() => {
    const ahora = performance.now();
    maximo = Math.max(maximo, ahora - ultimo - 10);
    ultimo = ahora;
  }, 10);
  return () => {
    clearInterval(temporizador);
    return Math.round(maximo);
  };
}

/** Another process with `BEGIN IMMEDIATE` open on `url`; `liberar()` rolls it back and waits for its exit. */
async function bloquearBase(url: string): Promise<{ liberar(): Promise<void> }> {
  const hijo = spawn(process.execPath, ['--import', 'tsx', BLOQUEO, url], { cwd: RAIZ, stdio: ['pipe', 'pipe', 'inherit'] });
  const fin = new Promise<void>((listo) => hijo.once('exit', () => listo()));
  await new Promise<void>((listo, falla) => {
    let texto = '';
    hijo.stdout.on('data', (parte: Buffer) => {
      texto += parte.toString();
      if (texto.includes('bloqueada')) listo();
    });
    hijo.once('exit', (codigo) => falla(new Error(`el proceso del bloqueo terminó con ${codigo}`)));
  });
  return {
    async liberar() {
      hijo.stdin.end('\n');
      await fin;
    },
  };
}

/** Makes the file at `ruta` unwritable, also for root (chattr +i; chmod does not stop root); returns the undo. */
async function sinEscritura(ruta: string): Promise<() => Promise<void>> {
  if (process.getuid?.() === 0) {
    await ejecutar('chattr', ['+i', ruta]);
    return async () => void (await ejecutar('chattr', ['-i', ruta]));
  }
  await chmod(ruta, 0o444);
  return () => chmod(ruta, 0o644);
}

/** A migrated and seeded database file in a new temp folder. */
async function baseSembrada(): Promise<{ carpeta: string; ruta: string; url: string }> {
  const carpeta = await mkdtemp(join(tmpdir(), 'mug-fallas-'));
  const ruta = join(carpeta, 'base.db');
  const url = `file:${ruta}`;
  const db = await abrirBaseDeDatos(url, { tiempoLimiteMs: 5000 });
  await migrar(db);
  await sembrarDemo(db, new Date());
  // Everything into the file itself, the WAL emptied.
  await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { carpeta, ruta, url };
}

/** Status, Retry-After, codigo and detail of a response. */
async function resumen(r: Response): Promise<{ status: number; reintentar: string | null; codigo?: string; detail?: string }> {
  const cuerpo = (await r.json()) as { codigo?: string; detail?: string };
  return { status: r.status, reintentar: r.headers.get('Retry-After'), codigo: cuerpo.codigo, detail: cuerpo.detail };
}

const OCUPADA = {
  status: 503,
  reintentar: '2',
  codigo: 'SERVICIO_NO_DISPONIBLE',
  detail: 'El servicio no está disponible en este momento porque la base de datos está bloqueada por otra conexión. Intente nuevamente en unos segundos.',
};

let e: EntornoDePrueba;
beforeEach(async () => {
  e = await crearEntorno();
});
afterEach(async () => {
  await e.cerrar();
});

describe('another process holds the write lock (BEGIN IMMEDIATE)', () => {
  test('writes answer 503 with Retry-After without blocking the event loop; after the release they succeed at once', async () => {
    const token = await iniciarSesion(e.app);
    const bloqueo = await bloquearBase(e.url);
    const bucle = vigilarBucle();
    const escritura = cronometrar(() => actualizarUsuario(e.app, token, actualizacionTmacay({ telefono2: '042111111' })));
    const inicio = cronometrar(() => pedirSesion(e.app));
    const salud = await cronometrar(() => pedir(e.app, '/api/salud'));
    const catalogo = await cronometrar(() => pedir(e.app, '/api/catalogos/provincias'));
    const [put, login] = await Promise.all([escritura, inicio]);
    const bloqueoMaximo = bucle();
    await bloqueo.liberar();
    const despues = await cronometrar(() => actualizarUsuario(e.app, token, actualizacionTmacay({ telefono2: '042222222' })));
    const loginDespues = await pedirSesion(e.app);
    console.log(
      `bloqueo de escritura: PUT 503 en ${put.ms} ms, POST /api/sesiones 503 en ${login.ms} ms, salud 503 en ${salud.ms} ms, catálogo 200 en ${catalogo.ms} ms; bucle de eventos detenido como máximo ${bloqueoMaximo} ms; tras liberar, PUT 200 en ${despues.ms} ms`,
    );

    expect(await resumen(put.valor)).toEqual(OCUPADA);
    expect(await resumen(login.valor)).toEqual(OCUPADA);
    expect(await resumen(salud.valor)).toEqual(OCUPADA);
    expect(catalogo.valor.status).toBe(200);
    // The catalog answered while the writes were still waiting for the lock.
    expect(salud.ms + catalogo.ms).toBeLessThan(put.ms);
    expect(bloqueoMaximo).toBeLessThan(500);
    // No "cannot commit transaction - SQL statements in progress" window after the lock.
    expect(despues.valor.status).toBe(200);
    expect(((await despues.valor.json()) as { telefono2: string }).telefono2).toBe('042222222');
    expect(loginDespues.status).toBe(201);
    expect((await pedir(e.app, '/api/salud')).status).toBe(200);
  });

  test('a lock shorter than the wait is not an error: the write goes through once it is released', async () => {
    const token = await iniciarSesion(e.app);
    const bloqueo = await bloquearBase(e.url);
    const put = actualizarUsuario(e.app, token, actualizacionTmacay({ telefono2: '042333333' }));
    await new Promise((listo) => setTimeout(listo, 300));
    await bloqueo.liberar();
    expect((await put).status).toBe(200);
  });

  test('the real server: catalogs answer while a write waits, writes 503 with Retry-After, 201 right after the release', async () => {
    const { carpeta, url } = await baseSembrada();
    const servidor = await arrancarServidor({ DATABASE_URL: url });
    try {
      const login = () =>
        fetch(`${servidor.url}/api/sesiones`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }),
        });
      const bloqueo = await bloquearBase(url);
      const enEspera = cronometrar(login);
      // The login is waiting for the lock on the server: a blocked event loop would hold the catalog too.
      await new Promise((listo) => setTimeout(listo, 300));
      const catalogo = await cronometrar(() => fetch(`${servidor.url}/api/catalogos/paises`));
      const salud = await cronometrar(() => fetch(`${servidor.url}/api/salud`));
      const bloqueado = await enEspera;
      await bloqueo.liberar();
      const despues = await cronometrar(login);
      console.log(
        `servidor real con bloqueo: POST /api/sesiones 503 en ${bloqueado.ms} ms, catálogo 200 en ${catalogo.ms} ms, salud 503 en ${salud.ms} ms; tras liberar, POST /api/sesiones ${despues.valor.status} en ${despues.ms} ms`,
      );
      expect(catalogo.valor.status).toBe(200);
      expect(catalogo.ms).toBeLessThan(1000);
      expect(await resumen(salud.valor)).toEqual(OCUPADA);
      expect(await resumen(bloqueado.valor)).toEqual(OCUPADA);
      expect(despues.valor.status).toBe(201);
      expect(servidor.salida()).not.toMatch(/error interno|statements in progress/);
    } finally {
      await servidor.cerrar();
      await rm(carpeta, { recursive: true, force: true });
    }
  });
});

describe('a database file that takes no writes', () => {
  test('read-only file: writes and health 503 naming it, catalogs 200; writable again → 200 at once', async () => {
    const token = await iniciarSesion(e.app);
    e.db.close();
    const ruta = e.url.slice('file:'.length);
    const deshacer = await sinEscritura(ruta);
    const db = await abrirBaseDeDatos(e.url, { tiempoLimiteMs: 1000 });
    try {
      const app = createApp({ db, mailer: null, reloj: e.reloj.ahora, config: e.config });
      const solaLectura = {
        status: 503,
        reintentar: '5',
        codigo: 'SERVICIO_NO_DISPONIBLE',
        detail: 'El servicio no está disponible en este momento porque la base de datos no admite escrituras: está en solo lectura. Intente nuevamente más tarde.',
      };
      const login = await cronometrar(() => pedirSesion(app));
      expect(await resumen(login.valor)).toEqual(solaLectura);
      expect(await resumen(await actualizarUsuario(app, token, actualizacionTmacay({ telefono2: '042444444' })))).toEqual(solaLectura);
      expect(await resumen(await pedir(app, '/api/salud'))).toEqual(solaLectura);
      expect((await pedir(app, '/api/catalogos/operadoras')).status).toBe(200);
      await deshacer();
      const recuperado = await cronometrar(() => pedirSesion(app));
      console.log(`archivo de solo lectura: POST /api/sesiones 503 en ${login.ms} ms; escribible otra vez → ${recuperado.valor.status} en ${recuperado.ms} ms`);
      expect(recuperado.valor.status).toBe(201);
      expect((await pedir(app, '/api/salud')).status).toBe(200);
    } finally {
      db.close();
      await deshacer().catch(() => {});
    }
  });

  test('the real server started on a read-only file stops with one fatal log line and exit code 1', async () => {
    const { carpeta, ruta, url } = await baseSembrada();
    const deshacer = await sinEscritura(ruta);
    try {
      const fallo = await ejecutar(process.execPath, ['dist/server.js'], {
        cwd: RAIZ,
        env: { ...process.env, ...ENTORNO_PRODUCCION, PORT: String(await puertoLibre()), DATABASE_URL: url },
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect(fallo).toMatchObject({ code: 1, stderr: '' });
      expect(lineasJson((fallo as { stdout: string }).stdout)).toEqual([
        expect.objectContaining({
          level: 60,
          msg: `No se puede preparar DATABASE_URL = "${url}": la base de datos no admite escrituras: está en solo lectura (attempt to write a readonly database).`,
        }),
      ]);
    } finally {
      await deshacer();
      await rm(carpeta, { recursive: true, force: true });
    }
  });

  test('a disk that fails writes (the real server under a file size limit: EFBIG): 503 naming it, health 503, never 500', async () => {
    const { carpeta, ruta, url } = await baseSembrada();
    // The WAL may grow 24 KiB past the size of the file, then every write fails (root included).
    const limite = (await stat(ruta)).size + 24 * 1024;
    const servidor = await arrancarServidor({ DATABASE_URL: url }, { envoltorio: ['prlimit', `--fsize=${limite}`, '--'] });
    try {
      const estados: number[] = [];
      let fallo: { valor: Response; ms: number } | undefined;
      for (let intento = 0; intento < 30 && !fallo; intento++) {
        const r = await cronometrar(() =>
          fetch(`${servidor.url}/api/sesiones`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }),
          }),
        );
        estados.push(r.valor.status);
        if (r.valor.status !== 201) fallo = r;
      }
      expect(new Set(estados)).toEqual(new Set([201, 503]));
      const disco = /^El servicio no está disponible en este momento porque la base de datos no admite escrituras: (falla la lectura o escritura del disco|no queda espacio en el disco)\. Intente nuevamente más tarde\.$/;
      const escritura = await resumen(fallo!.valor);
      expect(escritura).toMatchObject({ status: 503, reintentar: '5', codigo: 'SERVICIO_NO_DISPONIBLE' });
      expect(escritura.detail).toMatch(disco);
      const salud = await resumen(await fetch(`${servidor.url}/api/salud`));
      expect(salud).toMatchObject({ status: 503, reintentar: '5' });
      expect(salud.detail).toMatch(disco);
      expect((await fetch(`${servidor.url}/api/catalogos/operadoras`)).status).toBe(200);
      console.log(`disco que falla (límite de tamaño de archivo): ${estados.length - 1} inicios de sesión cupieron; luego 503 en ${fallo!.ms} ms («${escritura.detail}»)`);
      expect(servidor.salida()).not.toMatch(/error interno/);
    } finally {
      await servidor.cerrar();
      await rm(carpeta, { recursive: true, force: true });
    }
  });

  test('full disk (PRAGMA max_page_count): a write that needs a page → 503, health 503 until a write succeeds again', async () => {
    const paginas = Number((await e.db.execute('PRAGMA page_count')).rows[0]?.page_count);
    // The client reuses its one idle connection, so the limit holds for the app's statements.
    await e.db.execute(`PRAGMA max_page_count = ${paginas}`);
    const estados: number[] = [];
    let lleno: Response | undefined;
    for (let intento = 0; intento < 100 && !lleno; intento++) {
      const r = await pedirSesion(e.app);
      estados.push(r.status);
      if (r.status !== 201) lleno = r;
    }
    expect(new Set(estados)).toEqual(new Set([201, 503]));
    const sinEspacio = {
      status: 503,
      reintentar: '5',
      codigo: 'SERVICIO_NO_DISPONIBLE',
      detail: 'El servicio no está disponible en este momento porque la base de datos no admite escrituras: no queda espacio en el disco. Intente nuevamente más tarde.',
    };
    expect(await resumen(lleno!)).toEqual(sinEspacio);
    // The probe's in-place rewrite still fits, but the fault a request met is reported.
    expect(await resumen(await pedir(e.app, '/api/salud'))).toEqual(sinEspacio);
    expect((await pedir(e.app, '/api/catalogos/provincias')).status).toBe(200);
    await e.db.execute(`PRAGMA max_page_count = ${paginas * 100}`);
    const recuperado = await cronometrar(() => pedirSesion(e.app));
    console.log(`disco lleno: ${estados.length - 1} inicios de sesión cupieron; con espacio otra vez → ${recuperado.valor.status} en ${recuperado.ms} ms`);
    expect(recuperado.valor.status).toBe(201);
    expect((await pedir(e.app, '/api/salud')).status).toBe(200);
  });
});

describe('a remote database that accepts connections and never answers', () => {
  let silencioso: Server;
  let conexiones: Socket[];
  beforeEach(async () => {
    conexiones = [];
    silencioso = createServer((conexion) => void conexiones.push(conexion));
    await new Promise<void>((listo) => silencioso.listen(0, '127.0.0.1', listo));
  });
  afterEach(async () => {
    for (const conexion of conexiones) conexion.destroy();
    await new Promise((listo) => silencioso.close(listo));
  });

  test('requests answer 503 at the deadline, then at once while it is marked down; catalogs 200', async () => {
    const { port } = silencioso.address() as { port: number };
    const db = await abrirBaseDeDatos(`http://127.0.0.1:${port}`, { tiempoLimiteMs: 800 });
    try {
      const app = createApp({ db, mailer: null, reloj: e.reloj.ahora, config: e.config });
      const primera = await cronometrar(() => pedirSesion(app));
      const siguiente = await cronometrar(() => pedirSesion(app));
      const salud = await cronometrar(() => pedir(app, '/api/salud'));
      const catalogo = await cronometrar(() => pedir(app, '/api/catalogos/paises'));
      console.log(
        `base remota muda (plazo 800 ms): POST /api/sesiones 503 en ${primera.ms} ms, luego 503 en ${siguiente.ms} ms (marcada caída), salud 503 en ${salud.ms} ms, catálogo 200 en ${catalogo.ms} ms`,
      );
      const noResponde = {
        status: 503,
        reintentar: '5',
        codigo: 'SERVICIO_NO_DISPONIBLE',
        detail: 'El servicio no está disponible en este momento porque la base de datos no responde. Intente nuevamente en unos segundos.',
      };
      for (const r of [primera.valor, siguiente.valor, salud.valor]) expect(await resumen(r)).toEqual(noResponde);
      expect(primera.ms).toBeGreaterThanOrEqual(790);
      expect(primera.ms).toBeLessThan(3000);
      expect(siguiente.ms).toBeLessThan(200);
      expect(catalogo.valor.status).toBe(200);
    } finally {
      db.close();
    }
  });

  test('the real server listens at once, says so in one line, and answers 503 meanwhile', async () => {
    const { port } = silencioso.address() as { port: number };
    const url = `http://127.0.0.1:${port}`;
    const arranque = await cronometrar(() =>
      arrancarServidor({ DATABASE_URL: url, DB_TIEMPO_LIMITE_MS: '800', SEED_DEMO: '0' }, { esperarSalud: false }),
    );
    const servidor = arranque.valor;
    try {
      const aviso = `Aviso: la base de datos no responde (DATABASE_URL = "${url}": la base de datos no respondió en 800 ms)`;
      const inicio = performance.now();
      while (!servidor.salida().includes(aviso) && performance.now() - inicio < 5000) await new Promise((listo) => setTimeout(listo, 50));
      expect(servidor.salida()).toContain(aviso);
      const salud = await cronometrar(() => fetch(`${servidor.url}/api/salud`));
      const catalogo = await cronometrar(() => fetch(`${servidor.url}/api/catalogos/paises`));
      console.log(`servidor real con base remota muda: escucha en ${arranque.ms} ms; salud 503 en ${salud.ms} ms, catálogo 200 en ${catalogo.ms} ms`);
      expect(salud.valor.status).toBe(503);
      expect(salud.valor.headers.get('Retry-After')).toBe('5');
      expect(catalogo.valor.status).toBe(200);
    } finally {
      await servidor.cerrar();
    }
  });

  test('the real server on a remote that hangs, then answers, then hangs again: 503 meanwhile, recovers by itself', async () => {
    const carpeta = await mkdtemp(join(tmpdir(), 'mug-remota-'));
    const remota = await arrancarHranaFalso(`file:${join(carpeta, 'remota.db')}`);
    remota.silencioso = true;
    let servidor: ServidorE2e | undefined;
    try {
      const arranque = await cronometrar(() =>
        arrancarServidor({ DATABASE_URL: remota.url, DB_TIEMPO_LIMITE_MS: '800' }, { esperarSalud: false }),
      );
      servidor = arranque.valor;
      const url = servidor.url;
      const salud = () => fetch(`${url}/api/salud`);
      const login = () =>
        fetch(`${url}/api/sesiones`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO }),
        });
      /** Milliseconds until GET /api/salud answers 200 (polled every 100 ms, at most 20 s). */
      const hastaSaludable = async () => {
        const inicio = performance.now();
        while ((await salud()).status !== 200) {
          if (performance.now() - inicio > 20_000) throw new Error(`sin recuperarse:\n${servidor!.salida()}`);
          await new Promise((listo) => setTimeout(listo, 100));
        }
        return Math.round(performance.now() - inicio);
      };

      const mientras = await cronometrar(salud);
      expect(mientras.valor.status).toBe(503);
      expect((await login()).status).toBe(503);
      remota.silencioso = false;
      const recuperacion = await hastaSaludable();
      expect(servidor.salida()).toMatch(/Migraciones aplicadas: 001_esquema\.sql/);
      expect((await login()).status).toBe(201);

      // Migrated and serving; now it hangs mid-way: the first write waits for the deadline, the next ones not.
      remota.silencioso = true;
      const colgada = await cronometrar(login);
      const siguiente = await cronometrar(login);
      const catalogo = await cronometrar(() => fetch(`${url}/api/catalogos/provincias`));
      expect(colgada.valor.status).toBe(503);
      expect(colgada.valor.headers.get('Retry-After')).toBe('5');
      expect(colgada.ms).toBeGreaterThanOrEqual(790);
      expect(colgada.ms).toBeLessThan(3000);
      expect(siguiente.valor.status).toBe(503);
      expect(catalogo.valor.status).toBe(200);
      remota.silencioso = false;
      const segunda = await hastaSaludable();
      expect((await login()).status).toBe(201);
      console.log(
        `remota que se cuelga (plazo 800 ms): el servidor escucha en ${arranque.ms} ms y responde salud 503 en ${mientras.ms} ms; ` +
          `al contestar la remota, salud 200 en ${recuperacion} ms (migrada y sembrada); colgada otra vez: POST /api/sesiones 503 en ${colgada.ms} ms, ` +
          `luego en ${siguiente.ms} ms, catálogo 200 en ${catalogo.ms} ms; recuperada en ${segunda} ms`,
      );
      expect(servidor.salida()).not.toMatch(/error interno/);
    } finally {
      await servidor?.cerrar();
      await remota.cerrar();
      await rm(carpeta, { recursive: true, force: true });
    }
  });
});

/** A loopback port nothing listens on. */
async function puertoCerrado(): Promise<number> {
  const servidor = createServer();
  await new Promise<void>((listo) => servidor.listen(0, '127.0.0.1', listo));
  const { port } = servidor.address() as { port: number };
  await new Promise((listo) => servidor.close(listo));
  return port;
}

describe('an unreachable database answers 503 with Retry-After, never 500', () => {
  const e = usarEntorno({}, 'todo el archivo');
  let token: string;
  beforeAll(async () => {
    token = await iniciarSesion(e.app);
  });

  test('a remote database on a closed port: health, login and reads → 503 SERVICIO_NO_DISPONIBLE', async () => {
    const db = await abrirBaseDeDatos(`http://127.0.0.1:${await puertoCerrado()}`, { tiempoLimiteMs: 5000 });
    const app = createApp({ db, mailer: null, reloj: () => new Date(), config: e.config });
    try {
      for (const [ruta, pedido] of [
        ['/api/salud', {}],
        ['/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: CONTRASENA_DEMO } }],
        ['/api/usuario', { token }],
      ] as const) {
        const r = await pedir(app, ruta, pedido);
        expect(r.status, ruta).toBe(503);
        expect(r.headers.get('Retry-After'), ruta).toBe('5');
        expect(r.headers.get('Content-Type')).toBe('application/problem+json; charset=UTF-8');
        expect(await r.json()).toMatchObject({ status: 503, codigo: 'SERVICIO_NO_DISPONIBLE' });
      }
    } finally {
      db.close();
    }
  });

  test('before the database is reached and migrated (baseLista false): /api 503, catalogs and OpenAPI still served', async () => {
    let lista = false;
    const app = createApp({ db: e.db, mailer: null, reloj: e.reloj.ahora, config: e.config, baseLista: () => lista });
    const salud = await pedir(app, '/api/salud');
    expect(salud.status).toBe(503);
    expect(salud.headers.get('Retry-After')).toBe('5');
    expect((await pedir(app, '/api/usuario', { token })).status).toBe(503);
    expect((await pedir(app, '/api/sesiones', { cuerpo: { idUsuario: 'tmacay', contrasena: 'x' } })).status).toBe(503);
    expect((await pedir(app, '/api/catalogos/provincias')).status).toBe(200);
    expect((await pedir(app, '/api/openapi.json')).status).toBe(200);
    lista = true;
    expect((await pedir(app, '/api/salud')).status).toBe(200);
  });
});

// `npm run bench:http`: the BFF beside a yardstick, under the same load generator (autocannon,
// CONEXIONES connections, SEGUNDOS per route), on loopback. For 1 000, 10 000 and 100 000 users
// in the database, http-servidor.ts (another process) serves:
// - bare Hono routes doing only the database work: one point SELECT, one UPDATE, and a 304;
// - the BFF: GET /api/usuario, PUT /api/usuario (If-Match; each connection its own user, so no
//   412), and the revalidation of the countries catalog (If-None-Match → 304).
// Prints requests per second, p50/p99 latency and the ratios BFF / yardstick against the goals of
// issue 10. It prints figures; it is not a test.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon, { type Request as PedidoAutocannon } from 'autocannon';
import { actualizacionTmacay } from '../helpers/bff.js';
const CONEXIONES = 8;
const SEGUNDOS = 4;
const TAMANOS = [1_000, 10_000, 100_000];
const METAS = { get: 0.7, put: 0.5, revalidacion: 0.7 };

interface Servidores {
  vara: string;
  bff: string;
  usuarios: number;
  elegidos: string[];
  tokens: string[];
  etagVara: string;
}

interface Cifra {
  porSegundo: number;
  p50: number;
  p99: number;
}

/** Starts http-servidor.ts for `usuarios` users; resolves with what it printed, and a way to stop it. */
async function arrancar(usuarios: number): Promise<Servidores & { detener(): Promise<void> }> {
  const hijo = spawn(process.execPath, ['--import', 'tsx', new URL('./http-servidor.ts', import.meta.url).pathname, String(usuarios), String(CONEXIONES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [linea] = (await once(createInterface({ input: hijo.stdout! }), 'line')) as [string];
  return {
    ...(JSON.parse(linea) as Servidores),
    async detener() {
      hijo.kill('SIGTERM');
      if (hijo.exitCode === null) await once(hijo, 'exit');
    },
  };
}

/** Each autocannon connection keeps its own user (its token, its ETag) in `context`. */
type Contexto = { indice?: number; version?: string; vuelta?: number };
let siguiente = 0;
const usuarioDe = (contexto: Contexto) => (contexto.indice ??= siguiente++ % CONEXIONES);

/** Runs autocannon; every answer must have status `estado`, or the figure would be of errors. */
async function medir(url: string, estado: number, pedido: PedidoAutocannon): Promise<Cifra> {
  siguiente = 0;
  const r = await autocannon({ url, connections: CONEXIONES, duration: SEGUNDOS, requests: [pedido] });
  const esperadas = r[`${Math.floor(estado / 100)}xx` as '2xx' | '3xx'];
  const total = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  if (r.errors || r.timeouts || esperadas !== total) {
    throw new Error(`${pedido.method ?? 'GET'} ${url}: ${total - esperadas} de ${total} respuestas no fueron ${estado}: ${JSON.stringify(r.statusCodeStats)} (${r.errors} errores)`);
  }
  return { porSegundo: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

async function medirTamano(usuarios: number) {
  const s = await arrancar(usuarios);
  try {
    const bearer = (c: Contexto) => ({ Authorization: `Bearer ${s.tokens[usuarioDe(c)]}` });
    const cuerpo = (c: Contexto) => {
      c.vuelta = (c.vuelta ?? 0) + 1;
      return `0423${String(c.vuelta % 100_000).padStart(5, '0')}`;
    };
    const versionDe = (_status: number, _cuerpo: string, c: Contexto, cabeceras?: Record<string, string | string[] | undefined>) => {
      const etag = cabeceras?.etag;
      if (typeof etag === 'string') c.version = etag;
    };
    const filas: [string, string, Cifra][] = [];
    const fila = async (nombre: string, ruta: string, url: string, estado: number, pedido: PedidoAutocannon) =>
      filas.push([nombre, ruta, await medir(url, estado, pedido)]);

    await fila('vara', 'SELECT por clave', s.vara, 200, {
      setupRequest: (req, c: Contexto) => ({ ...req, path: `/select/${s.elegidos[usuarioDe(c)]}` }),
    });
    await fila('BFF', 'GET /api/usuario', s.bff, 200, {
      setupRequest: (req, c: Contexto) => ({ ...req, path: '/api/usuario', headers: { ...req.headers, ...bearer(c) } }),
    });
    await fila('vara', 'UPDATE por clave', s.vara, 200, {
      method: 'PUT',
      setupRequest: (req, c: Contexto) => ({
        ...req,
        path: `/update/${s.elegidos[usuarioDe(c)]}`,
        headers: { ...req.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ telefono2: cuerpo(c) }),
      }),
    });
    // Each user's current ETag (the UPDATE above moved the versions), then each answer's.
    const versiones = await Promise.all(
      s.tokens.map(async (token) => (await fetch(`${s.bff}/api/usuario`, { headers: { Authorization: `Bearer ${token}` } })).headers.get('ETag')!),
    );
    await fila('BFF', 'PUT /api/usuario', s.bff, 200, {
      method: 'PUT',
      setupRequest: (req, c: Contexto) => ({
        ...req,
        path: '/api/usuario',
        headers: { ...req.headers, ...bearer(c), 'Content-Type': 'application/json', 'If-Match': (c.version ??= versiones[usuarioDe(c)]!) },
        body: JSON.stringify(actualizacionTmacay({ telefono2: cuerpo(c) })),
      }),
      onResponse: versionDe,
    });
    await fila('vara', '304 sin más', s.vara, 304, { path: '/catalogo', headers: { 'If-None-Match': s.etagVara } });
    // As a browser revalidates: brotli accepted, and the ETag of the brotli form.
    const paises = await fetch(`${s.bff}/api/catalogos/paises`, { headers: { 'Accept-Encoding': 'br' } });
    await paises.arrayBuffer();
    await fila('BFF', 'GET /api/catalogos/paises → 304', s.bff, 304, {
      path: '/api/catalogos/paises',
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': paises.headers.get('ETag')! },
    });
    return { usuarios: s.usuarios, filas };
  } finally {
    await s.detener();
  }
}

const n = (x: number, decimales = 0) => x.toLocaleString('es-EC', { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
console.log(`Node ${process.version}, ${cpus().length} núcleos; autocannon, ${CONEXIONES} conexiones, ${SEGUNDOS} s por ruta; libSQL en archivo (WAL)`);
for (const usuarios of TAMANOS) {
  const { filas } = await medirTamano(usuarios);
  console.log(`\n${n(usuarios)} usuarios en la base`);
  for (const [quien, ruta, c] of filas) {
    console.log(`  ${quien.padEnd(5)} ${ruta.padEnd(34)} ${n(c.porSegundo).padStart(7)} sol/s · p50 ${n(c.p50)} ms · p99 ${n(c.p99)} ms`);
  }
  const razon = (i: number) => filas[i + 1]![2].porSegundo / filas[i]![2].porSegundo;
  for (const [nombre, i, meta] of [
    ['GET /api/usuario ÷ SELECT', 0, METAS.get],
    ['PUT /api/usuario ÷ UPDATE', 2, METAS.put],
    ['304 de catálogo ÷ 304 sin más', 4, METAS.revalidacion],
  ] as const) {
    const r = razon(i);
    console.log(`  ${nombre.padEnd(40)} ${n(r, 2)}× (meta ≥ ${n(meta, 1)}×: ${r >= meta ? 'se cumple' : 'aún no'})`);
  }
}

// `npm run bench:http`: the BFF beside a yardstick, under the same load generator (autocannon,
// CONEXIONES connections, RONDAS alternating rounds of SEGUNDOS per route), on loopback. For 1 000, 10 000 and 100 000 users
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
const SEGUNDOS = 2;
const RONDAS = 3;
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

/** A route measured: where, the status every answer must have, and the autocannon request (made anew per round). */
interface Ruta {
  nombre: string;
  url: string;
  estado: number;
  pedido: () => Promise<PedidoAutocannon>;
}

interface Par {
  razon: string;
  meta: number;
  vara: Ruta;
  bff: Ruta;
}

/** The median of each figure over the rounds. */
function mediana(cifras: Cifra[]): Cifra {
  const m = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { porSegundo: m(cifras.map((c) => c.porSegundo)), p50: m(cifras.map((c) => c.p50)), p99: m(cifras.map((c) => c.p99)) };
}

function pares(s: Servidores): Par[] {
  const bearer = (c: Contexto) => ({ Authorization: `Bearer ${s.tokens[usuarioDe(c)]}` });
  const telefono = (c: Contexto) => {
    c.vuelta = (c.vuelta ?? 0) + 1;
    return `0423${String(c.vuelta % 100_000).padStart(5, '0')}`;
  };
  return [
    {
      razon: 'GET /api/usuario ÷ SELECT',
      meta: METAS.get,
      vara: {
        nombre: 'SELECT por clave',
        url: s.vara,
        estado: 200,
        pedido: async () => ({ setupRequest: (req, c: Contexto) => ({ ...req, path: `/select/${s.elegidos[usuarioDe(c)]}` }) }),
      },
      bff: {
        nombre: 'GET /api/usuario',
        url: s.bff,
        estado: 200,
        pedido: async () => ({ setupRequest: (req, c: Contexto) => ({ ...req, path: '/api/usuario', headers: { ...req.headers, ...bearer(c) } }) }),
      },
    },
    {
      razon: 'PUT /api/usuario ÷ UPDATE',
      meta: METAS.put,
      vara: {
        nombre: 'UPDATE por clave',
        url: s.vara,
        estado: 200,
        pedido: async () => ({
          method: 'PUT',
          setupRequest: (req, c: Contexto) => ({
            ...req,
            path: `/update/${s.elegidos[usuarioDe(c)]}`,
            headers: { ...req.headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ telefono2: telefono(c) }),
          }),
        }),
      },
      bff: {
        nombre: 'PUT /api/usuario',
        url: s.bff,
        estado: 200,
        pedido: async () => {
          // Each user's current ETag (the UPDATE rounds move the versions too), then each answer's.
          const versiones = await Promise.all(
            s.tokens.map(async (token) => (await fetch(`${s.bff}/api/usuario`, { headers: { Authorization: `Bearer ${token}` } })).headers.get('ETag')!),
          );
          return {
            method: 'PUT',
            setupRequest: (req, c: Contexto) => ({
              ...req,
              path: '/api/usuario',
              headers: { ...req.headers, ...bearer(c), 'Content-Type': 'application/json', 'If-Match': (c.version ??= versiones[usuarioDe(c)]!) },
              body: JSON.stringify(actualizacionTmacay({ telefono2: telefono(c) })),
            }),
            onResponse: (_status, _cuerpo, c: Contexto, cabeceras) => {
              if (typeof cabeceras?.etag === 'string') c.version = cabeceras.etag;
            },
          };
        },
      },
    },
    {
      razon: '304 de catálogo ÷ 304 sin más',
      meta: METAS.revalidacion,
      vara: {
        nombre: '304 sin más',
        url: s.vara,
        estado: 304,
        pedido: async () => ({ path: '/catalogo', headers: { 'If-None-Match': s.etagVara } }),
      },
      bff: {
        nombre: 'GET /api/catalogos/paises → 304',
        url: s.bff,
        estado: 304,
        pedido: async () => {
          // As a browser revalidates: brotli accepted, and the ETag of the brotli form.
          const paises = await fetch(`${s.bff}/api/catalogos/paises`, { headers: { 'Accept-Encoding': 'br' } });
          await paises.arrayBuffer();
          return { path: '/api/catalogos/paises', headers: { 'Accept-Encoding': 'br', 'If-None-Match': paises.headers.get('ETag')! } };
        },
      },
    },
  ];
}

/**
 * Each pair in RONDAS alternating rounds (yardstick, BFF, yardstick, …): on a shared machine the
 * load of the moment then weighs on both alike. Medians of the rounds.
 */
async function medirTamano(usuarios: number) {
  const s = await arrancar(usuarios);
  try {
    const resultados: { par: Par; vara: Cifra; bff: Cifra }[] = [];
    for (const par of pares(s)) {
      const rondas = { vara: [] as Cifra[], bff: [] as Cifra[] };
      for (let i = 0; i < RONDAS; i++) {
        for (const lado of ['vara', 'bff'] as const) {
          const ruta = par[lado];
          rondas[lado].push(await medir(ruta.url, ruta.estado, await ruta.pedido()));
        }
      }
      resultados.push({ par, vara: mediana(rondas.vara), bff: mediana(rondas.bff) });
    }
    return resultados;
  } finally {
    await s.detener();
  }
}

const n = (x: number, decimales = 0) => x.toLocaleString('es-EC', { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
console.log(
  `Node ${process.version}, ${cpus().length} núcleos; autocannon, ${CONEXIONES} conexiones; ${RONDAS} rondas alternadas de ${SEGUNDOS} s por ruta (medianas); libSQL en archivo (WAL)`,
);
for (const usuarios of TAMANOS) {
  const resultados = await medirTamano(usuarios);
  console.log(`\n${n(usuarios)} usuarios en la base`);
  for (const { par, vara, bff } of resultados) {
    for (const [quien, ruta, c] of [['vara', par.vara.nombre, vara], ['BFF', par.bff.nombre, bff]] as const) {
      console.log(`  ${quien.padEnd(5)} ${ruta.padEnd(34)} ${n(c.porSegundo).padStart(7)} sol/s · p50 ${n(c.p50)} ms · p99 ${n(c.p99)} ms`);
    }
  }
  for (const { par, vara, bff } of resultados) {
    const r = bff.porSegundo / vara.porSegundo;
    console.log(`  ${par.razon.padEnd(40)} ${n(r, 2)}× (meta ≥ ${n(par.meta, 1)}×: ${r >= par.meta ? 'se cumple' : 'aún no'})`);
  }
}

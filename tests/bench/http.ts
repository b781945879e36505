// HTTP benchmark of the BFF on loopback: the real app on a real listening server over a temp
// libSQL file, driven by a bounded number of concurrent fetch clients for a few seconds per route.
// Prints requests per second and latency percentiles. Run: `npm run bench:http`.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { actualizacionTmacay, crearEntorno, iniciarSesion } from '../helpers/bff.js';

const SEGUNDOS = 4;
const CLIENTES = 8;

// The tests' fixed clock: sessions never expire during the run.
const entorno = await crearEntorno();
const servidor = serve({ fetch: entorno.app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise((listo) => servidor.once('listening', listo));
const base = `http://127.0.0.1:${(servidor.address() as AddressInfo).port}`;
const token = await iniciarSesion(entorno.app);
const autorizacion = { Authorization: `Bearer ${token}` };

function percentil(ordenados: number[], p: number): number {
  return ordenados[Math.min(ordenados.length - 1, Math.floor((p / 100) * ordenados.length))] ?? 0;
}

/** Runs `pedido` from CLIENTES loops for SEGUNDOS; every answer must have the expected status. */
async function medir(nombre: string, estado: number, pedido: () => Promise<Response>): Promise<void> {
  const latencias: number[] = [];
  const fin = performance.now() + SEGUNDOS * 1000;
  const cliente = async () => {
    while (performance.now() < fin) {
      const inicio = performance.now();
      const respuesta = await pedido();
      await respuesta.arrayBuffer();
      if (respuesta.status !== estado) throw new Error(`${nombre}: ${respuesta.status}, se esperaba ${estado}`);
      latencias.push(performance.now() - inicio);
    }
  };
  await Promise.all(Array.from({ length: CLIENTES }, cliente));
  latencias.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${nombre.padEnd(42)} ${String(Math.round(latencias.length / SEGUNDOS)).padStart(6)} sol/s · ` +
      `p50 ${ms(percentil(latencias, 50))} · p99 ${ms(percentil(latencias, 99))} (n=${latencias.length})`,
  );
}

let version = 1;
let alterno = 0;
let cola: Promise<void> = Promise.resolve();
/** A PUT that changes Teléfono2 each time, with the ETag of the previous one (one writer). */
async function modificar(): Promise<Response> {
  alterno++;
  const respuesta = await fetch(`${base}/api/usuario`, {
    method: 'PUT',
    headers: { ...autorizacion, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify(actualizacionTmacay({ telefono2: `0423${String(alterno % 100000).padStart(5, '0')}` })),
  });
  if (respuesta.ok) version = Number(respuesta.headers.get('ETag')!.replaceAll('"', ''));
  return respuesta;
}

console.log(`Node ${process.version}, ${cpus().length} núcleos, ${CLIENTES} clientes concurrentes, ${SEGUNDOS} s por ruta`);
await medir('GET /api/salud', 200, () => fetch(`${base}/api/salud`));
await medir('GET /api/catalogos/paises', 200, () => fetch(`${base}/api/catalogos/paises`));
await medir('GET /api/usuario (Bearer)', 200, () => fetch(`${base}/api/usuario`, { headers: autorizacion }));
await medir('PUT /api/usuario (If-Match, 1 a la vez)', 200, async () => {
  // One writer at a time: with one ETag, concurrent PUTs are meant to lose (412).
  const previo = cola;
  let liberar!: () => void;
  cola = new Promise((r) => (liberar = r));
  await previo;
  try {
    return await modificar();
  } finally {
    liberar();
  }
});
await medir('PUT /api/usuario con ETag viejo → 412', 412, () =>
  fetch(`${base}/api/usuario`, {
    method: 'PUT',
    headers: { ...autorizacion, 'Content-Type': 'application/json', 'If-Match': '"0"' },
    body: JSON.stringify(actualizacionTmacay()),
  }),
);

servidor.close();
await entorno.cerrar();

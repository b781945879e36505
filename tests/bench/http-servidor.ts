// The servers `npm run bench:http` (http.ts) loads, in a process of their own so that the load
// generator does not share their event loop. Arguments: how many users the database holds, and
// how many connections (each gets its own user and session).
//
// One temp libSQL file (WAL, as the BFF opens it: same client, same durability), the demo users
// plus copies of tmacay up to that many (same data and password; their own ID, document and
// email), a session per connection, and two servers on loopback:
// - the yardstick: bare Hono routes doing only the database work of each BFF route (one point
//   SELECT, one UPDATE) or nothing at all (a 304);
// - the BFF (createApp) on the same database client.
// Prints one JSON line with their addresses, the users and their tokens, then serves until SIGTERM.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { crearEntorno, iniciarSesion } from '../helpers/bff.js';

const [usuarios = NaN, conexiones = NaN] = process.argv.slice(2).map(Number);
if (!Number.isInteger(conexiones) || conexiones < 1 || !Number.isInteger(usuarios) || usuarios < conexiones + 4) {
  throw new Error('uso: http-servidor.ts <usuarios> <conexiones>');
}

const entorno = await crearEntorno();
const { db } = entorno;
const { rows } = await db.execute('SELECT count(*) AS n FROM usuarios');
// Copies of tmacay in one statement: bench0001, bench0002, …
await db.execute({
  sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO usuarios (id_usuario, documento_tipo, documento_numero, nombre, pais, provincia, ciudad, direccion,
          telefono1, telefono2, celular_operadora, celular_numero, fax, correo, estado, version, clave_hash,
          clave_cambiada_en, creado_en, actualizado_en)
        SELECT printf('bench%06d', i), 'CEDULA', printf('%010d', i), u.nombre, u.pais, u.provincia, u.ciudad, u.direccion,
          u.telefono1, u.telefono2, u.celular_operadora, u.celular_numero, u.fax, printf('bench%06d@example.com', i), 'ACTIVO', 1,
          u.clave_hash, u.clave_cambiada_en, u.creado_en, u.actualizado_en
        FROM n, usuarios u WHERE u.id_usuario = 'tmacay'`,
  args: [usuarios - Number(rows[0]!.n)],
});
// The ones the load generator uses, spread over the table.
const paso = Math.floor((usuarios - 4) / conexiones);
const elegidos = Array.from({ length: conexiones }, (_, i) => `bench${String(1 + i * paso).padStart(6, '0')}`);
const tokens = [];
for (const id of elegidos) tokens.push(await iniciarSesion(entorno.app, id));

const ETAG = '"vara"';
const vara = new Hono()
  .get('/select/:id', async (c) => {
    const r = await db.execute({ sql: 'SELECT * FROM usuarios WHERE id_usuario = ?', args: [c.req.param('id')] });
    return c.json(r.rows[0]);
  })
  .put('/update/:id', async (c) => {
    const { telefono2 } = await c.req.json<{ telefono2: string }>();
    const r = await db.execute({
      sql: 'UPDATE usuarios SET telefono2 = ?, version = version + 1 WHERE id_usuario = ?',
      args: [telefono2, c.req.param('id')],
    });
    return c.json({ cambiadas: r.rowsAffected });
  })
  .get('/catalogo', (c) => (c.req.header('If-None-Match') === ETAG ? c.body(null, 304) : c.json([])));

async function escuchar(fetch: (r: Request) => Response | Promise<Response>): Promise<string> {
  const servidor = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((listo) => servidor.once('listening', listo));
  return `http://127.0.0.1:${(servidor.address() as AddressInfo).port}`;
}

const listo = {
  vara: await escuchar(vara.fetch),
  bff: await escuchar(entorno.app.fetch),
  usuarios: (await db.execute('SELECT count(*) AS n FROM usuarios')).rows[0]!.n,
  elegidos,
  tokens,
  etagVara: ETAG,
};
process.on('SIGTERM', () => void entorno.cerrar().then(() => process.exit(0)));
console.log(JSON.stringify(listo));

import { Hono } from 'hono';
import { listarActividad } from '../db/auditoria.js';
import type { Entorno, Servicios } from '../tipos.js';

/** GET /api/usuario/actividad: the user's latest 50 audit events, newest first (under the session middleware). */
export function rutasActividad({ db }: Servicios) {
  return new Hono<Entorno>().get('/', async (c) => c.json(await listarActividad(db, c.get('sesion').idUsuario, 50)));
}

/**
 * The login's three counters (DESIGN §4, as amended by the security review):
 *
 * - per ID and client (5 failures / 15 min): the classic lockout, but only for that client, so a
 *   stranger hammering an ID does not lock its owner out everywhere;
 * - per ID from all clients (50 / 15 min): a ceiling for a guesser spread over many addresses;
 * - per client across IDs (20 / 15 min): one client trying many IDs.
 *
 * Each attempt is reserved in all three before the password is checked (`reservaDeTodos`); a right
 * password forgets the ID's counters and gives the client's attempt back, so only failures count.
 * A client is its IP address; IPv6 addresses count by their /64 network (what one subscriber gets).
 */
import type { InStatement } from '@libsql/client';
import ipaddr from 'ipaddr.js';
import { LIMITES, reservaDeTodos, sentenciaDevolver, sentenciaReiniciar, type Limite, type Reserva } from '../db/limites.js';

/** The client a limit counts: the IPv4 address, the /64 of an IPv6 one, or `desconocido` (no or no valid address). */
export function clienteDeLimite(ip: string | null): string {
  if (!ip || !ipaddr.isValid(ip)) return 'desconocido';
  const direccion = ipaddr.process(ip); // an IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 one
  if (direccion.kind() === 'ipv4') return direccion.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${direccion.toString()}/64`).toString()}/64`;
}

/**
 * The keys of one login attempt's counters: three prefixes none of which starts another, and a
 * client never contains `|`, so no typed ID can name another key.
 */
function claves(idUsuario: string, ip: string | null) {
  const cliente = clienteDeLimite(ip);
  return { idCliente: `sesion-id-cliente:${cliente}|${idUsuario}`, id: `sesion:${idUsuario}`, cliente: `sesion-cliente:${cliente}` };
}

function limites(idUsuario: string, ip: string | null, ahora: Date): Limite[] {
  const k = claves(idUsuario, ip);
  return [
    { clave: k.idCliente, ...LIMITES.inicioSesion, ahora },
    { clave: k.id, ...LIMITES.inicioSesionId, ahora },
    { clave: k.cliente, ...LIMITES.inicioSesionCliente, ahora },
  ];
}

/** Counts one login attempt in the three counters before it is tried (refused → 429 with its wait), to open a write batch. */
export function reservaInicioSesion(idUsuario: string, ip: string | null, ahora: Date): Reserva {
  return reservaDeTodos(limites(idUsuario, ip, ahora));
}

/** The attempt was not tried (the server was busy): given back to its three counters, for a `db.batch`. */
export function sentenciasDevolverInicio(idUsuario: string, ip: string | null): InStatement[] {
  return Object.values(claves(idUsuario, ip)).map(sentenciaDevolver);
}

/** The password was right: the ID's counters are forgotten and the client's attempt given back, for a `db.batch`. */
export function sentenciasInicioCorrecto(idUsuario: string, ip: string | null): InStatement[] {
  const k = claves(idUsuario, ip);
  return [sentenciaReiniciar(k.idCliente), sentenciaReiniciar(k.id), sentenciaDevolver(k.cliente)];
}

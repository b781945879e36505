import type { Client } from '@libsql/client';
import type { Operadora, Usuario } from '../../contract/index.js';
import { hashContrasena } from '../services/contrasenas.js';

/** Password of every demo user (README). */
export const CONTRASENA_DEMO = 'Clave-Demo-2026';

interface UsuarioDemo {
  id_usuario: string;
  documento_tipo: Usuario['documento']['tipo'];
  documento_numero: string;
  nombre: string;
  pais: string;
  provincia: string | null;
  ciudad: string | null;
  direccion: string;
  telefono1: string;
  telefono2: string | null;
  celular_operadora: Operadora;
  celular_numero: string;
  fax: string | null;
  correo: string;
}

/** The demo users of DESIGN §5; every value passes the rules of §2. */
export const USUARIOS_DEMO: readonly UsuarioDemo[] = [
  {
    id_usuario: 'tmacay',
    documento_tipo: 'RUC',
    documento_numero: '0912345675001',
    nombre: 'TITO MACAY',
    pais: 'EC',
    provincia: '09',
    ciudad: '0901',
    direccion: 'Av. 9 de Octubre 424 y Córdova, edificio Gran Pasaje, oficina 5',
    telefono1: '042345678',
    telefono2: null,
    celular_operadora: 'CLARO',
    celular_numero: '0991234567',
    fax: null,
    correo: 'tito.macay@example.com',
  },
  {
    id_usuario: 'mzambrano',
    documento_tipo: 'CEDULA',
    documento_numero: '1712345675',
    nombre: 'MARIA ZAMBRANO',
    pais: 'EC',
    provincia: '17',
    ciudad: '1701',
    direccion: 'Av. Amazonas N34-451 y Juan Pablo Sanz',
    telefono1: '022345678',
    telefono2: '022987654',
    celular_operadora: 'MOVISTAR',
    celular_numero: '0987654321',
    fax: '022345679',
    correo: 'maria.zambrano@example.com',
  },
  {
    id_usuario: 'jsmith',
    documento_tipo: 'PASAPORTE',
    documento_numero: 'X1234567',
    nombre: 'JOHN SMITH',
    pais: 'US',
    provincia: null,
    ciudad: null,
    direccion: '350 Fifth Avenue, New York, NY 10118',
    telefono1: '12125550100',
    telefono2: null,
    celular_operadora: 'OTROS',
    celular_numero: '12125550199',
    fax: null,
    correo: 'john.smith@example.org',
  },
  {
    id_usuario: 'ocupado',
    documento_tipo: 'CEDULA',
    documento_numero: '0102030400',
    nombre: 'USUARIO OCUPADO',
    pais: 'EC',
    provincia: '01',
    ciudad: '0101',
    direccion: 'Calle Larga 7-45 y Benigno Malo',
    telefono1: '072345678',
    telefono2: null,
    celular_operadora: 'CNT',
    celular_numero: '0961234567',
    fax: null,
    correo: 'ocupado@example.com',
  },
];

/**
 * Inserts the demo users that are missing (INSERT … ON CONFLICT DO NOTHING): running it again
 * changes nothing, and a demo user's later edits are kept. Returns the IDs inserted now.
 */
export async function sembrarDemo(db: Client, ahora: Date): Promise<string[]> {
  const existentes = await db.execute({
    sql: `SELECT id_usuario FROM usuarios WHERE id_usuario IN (${USUARIOS_DEMO.map(() => '?').join(', ')})`,
    args: USUARIOS_DEMO.map((u) => u.id_usuario),
  });
  const ya = new Set(existentes.rows.map((fila) => String(fila.id_usuario)));
  const momento = ahora.toISOString();
  const insertados: string[] = [];
  for (const usuario of USUARIOS_DEMO) {
    if (ya.has(usuario.id_usuario)) continue;
    const contrasenaHash = await hashContrasena(CONTRASENA_DEMO);
    const columnas = Object.keys(usuario);
    const r = await db.execute({
      sql: `INSERT INTO usuarios (${columnas.join(', ')}, nombre_registrado, estado, version, clave_hash, clave_cambiada_en, creado_en, actualizado_en)
            VALUES (${columnas.map(() => '?').join(', ')}, ?, 'ACTIVO', 1, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING`,
      args: [...Object.values(usuario), usuario.nombre, contrasenaHash, momento, momento, momento],
    });
    if (r.rowsAffected === 1) insertados.push(usuario.id_usuario);
  }
  return insertados;
}

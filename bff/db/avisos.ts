import type { InStatement } from '@libsql/client';

/** The row operators read about a notice that could not be sent (`avisos_fallidos`, migration 003). */
export function sentenciaAvisoFallido(d: { idUsuario: string; tipo: string; para: string; detalle: string; ahora: Date }): InStatement {
  return {
    sql: 'INSERT INTO avisos_fallidos (id_usuario, tipo, para, detalle, creado_en) VALUES (?, ?, ?, ?, ?)',
    args: [d.idUsuario, d.tipo, d.para, d.detalle.slice(0, 500), d.ahora.toISOString()],
  };
}

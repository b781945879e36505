import type { CodigoEnviado, ErrorCampo } from '../../contract/index.js';
import { registrarEvento } from '../db/auditoria.js';
import { anularCodigo, confirmarCodigo, emitirCodigo, LimiteCodigoError, VENTANA_HORA_MS } from '../db/codigos.js';
import { consumir, LIMITES } from '../db/limites.js';
import type { UsuarioGuardado } from '../db/usuarios.js';
import { CorreoNoDisponibleError, CorreoRechazadoError, mensajeCodigo } from '../mail/index.js';
import type { Quien, Servicios } from '../tipos.js';
import { objecionCorreo } from './cambios-sensibles.js';

/**
 * Every answer that tells whether an address is taken (the availability check, the code request)
 * counts against one limit, 20 per user per hour, before it looks: the seconds to wait past it
 * (audited and counted in the metrics), null within it.
 */
export async function contarConsultaDisponibilidad({ db, reloj, metricas }: Servicios, quien: Quien, idUsuario: string): Promise<number | null> {
  const ahora = reloj();
  const limite = await consumir(db, { clave: `disponibilidad:${idUsuario}`, ...LIMITES.disponibilidad, ahora });
  if (limite.permitido) return null;
  const agruparMs = LIMITES.disponibilidad.ventanaMs;
  await registrarEvento(db, { idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['disponibilidad'], creadoEn: ahora, agruparMs, ...quien });
  metricas.limiteRechazado('disponibilidad');
  return limite.reintentarEnS;
}

/** How a code request ended; the route maps each failure to its problem (`motivo`: the provider's words, for the log). */
export type ResultadoCodigo =
  | { tipo: 'ENVIADO'; enviado: CodigoEnviado }
  | { tipo: 'ERRORES'; errores: ErrorCampo[] }
  | { tipo: 'LIMITE'; reintentarEnS: number }
  | { tipo: 'CORREO_NO_DISPONIBLE'; reintentarEnS: number; motivo: string }
  | { tipo: 'DESTINATARIO_RECHAZADO'; motivo: string }
  | { tipo: 'CORREO_MAL_CONFIGURADO'; motivo: string };

/**
 * POST /api/correo/codigo: a security code for `correo`, if the address can be the user's new one
 * and the code limits allow it (1 a minute, 5 an hour), mailed now; audited CODIGO_SOLICITADO once
 * the provider took it.
 */
export async function solicitarCodigo(deps: Servicios, quien: Quien, usuario: UsuarioGuardado, correo: string): Promise<ResultadoCodigo> {
  const { db, reloj, mailer, config, metricas } = deps;
  const objecion = await objecionCorreo(db, usuario, correo);
  if (objecion) return { tipo: 'ERRORES', errores: [objecion] };

  const ahora = reloj();
  let emitido;
  try {
    emitido = await emitirCodigo(db, { idUsuario: usuario.idUsuario, correo, ahora, secreto: config.secretoCodigos });
  } catch (error) {
    if (!(error instanceof LimiteCodigoError)) throw error;
    await registrarEvento(db, { idUsuario: usuario.idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['codigoSeguridad'], creadoEn: ahora, agruparMs: VENTANA_HORA_MS, ...quien });
    metricas.limiteRechazado('codigo');
    return { tipo: 'LIMITE', reintentarEnS: error.reintentarEnS };
  }
  // The code is pending (not usable, not counted) until the provider takes it. A code that did
  // not leave is deleted, whatever the reason, and the one the user already had stays valid.
  try {
    await mailer.enviar({
      para: correo,
      ...mensajeCodigo({ nombre: usuario.nombre, correo, codigo: emitido.codigo }),
      claveIdempotencia: `codigo:${emitido.id}`,
    });
  } catch (error) {
    metricas.correo('codigo', false);
    await anularCodigo(db, emitido.id);
    if (error instanceof CorreoNoDisponibleError) return { tipo: 'CORREO_NO_DISPONIBLE', reintentarEnS: error.reintentarEnS, motivo: error.message };
    if (error instanceof CorreoRechazadoError) {
      return { tipo: error.destinatarioInvalido ? 'DESTINATARIO_RECHAZADO' : 'CORREO_MAL_CONFIGURADO', motivo: error.message };
    }
    throw error;
  }
  metricas.correo('codigo', true);
  const reenviarDesde = await confirmarCodigo(db, usuario.idUsuario, emitido.id, reloj());
  await registrarEvento(db, { idUsuario: usuario.idUsuario, evento: 'CODIGO_SOLICITADO', campos: ['correo'], creadoEn: ahora, ...quien });
  return { tipo: 'ENVIADO', enviado: { expiraEn: emitido.expiraEn, reenviarDesde } };
}

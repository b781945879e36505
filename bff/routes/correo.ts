import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { CorreoInputSchema, errorCampo, type CodigoEnviado, type Disponibilidad } from '../../contract/index.js';
import { registrarEvento } from '../db/auditoria.js';
import { anularCodigo, anularCodigosDe, confirmarCodigo, emitirCodigo, LimiteCodigoError, VENTANA_HORA_MS } from '../db/codigos.js';
import { consumir, LIMITES } from '../db/limites.js';
import { CorreoNoDisponibleError, CorreoRechazadoError, mensajeCodigo } from '../mail/index.js';
import { requerirCuentaActiva } from '../middleware/cuenta.js';
import { leerCuerpoJson } from '../middleware/cuerpo.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { requerirSesion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite, problemaValidacion } from '../problemas.js';
import { objecionCorreo } from '../services/cambios-sensibles.js';
import { MENSAJES_REVERSION, revertirCambioCorreo } from '../services/reversion.js';
import type { Entorno, Servicios } from '../tipos.js';
import { cuerpoValido } from '../validacion.js';

/** 503 SERVICIO_CORREO_NO_DISPONIBLE with Retry-After: the provider is down or busy, it will pass. */
function problemaCorreoNoDisponible(c: Context, reintentarEnS: number) {
  c.header('Retry-After', String(reintentarEnS));
  return problema(
    c,
    503,
    'SERVICIO_CORREO_NO_DISPONIBLE',
    `El servicio de correo no está disponible en este momento; no se envió ningún código. Intente nuevamente en ${reintentarEnS} segundos.`,
  );
}

/**
 * 503 SERVICIO_CORREO_MAL_CONFIGURADO, without Retry-After: the provider refuses our configuration
 * (API key, sender) and retrying will not help until an operator fixes it, so no time is promised.
 */
function problemaCorreoMalConfigurado(c: Context) {
  return problema(
    c,
    503,
    'SERVICIO_CORREO_MAL_CONFIGURADO',
    'Por un problema de configuración, ya informado, el portal no puede enviar correos por ahora: no se envió ningún código y su correo no cambió. Puede guardar sus demás datos con «Sí» en «Desea mantener el mismo correo electrónico»; para cambiar el correo con urgencia, acuda a Soporte al Cliente del SENAE.',
  );
}

/**
 * /api/correo: availability check, security code (request and "Usar otro correo"), and the
 * "No reconozco este cambio" revert (token-authenticated, no session).
 */
export function rutasCorreo(deps: Servicios) {
  const { db, reloj, mailer, config } = deps;
  const sesion = requerirSesion(deps);
  /**
   * Every answer that tells whether an address is taken (the availability check, the code request)
   * counts against one limit, 20 per user per hour, before it looks: 429 past it.
   */
  const contarConsultaDisponibilidad: MiddlewareHandler<Entorno> = async (c, next) => {
    const { idUsuario } = c.get('usuario');
    const ahora = reloj();
    const limite = await consumir(db, { clave: `disponibilidad:${idUsuario}`, ...LIMITES.disponibilidad, ahora });
    if (limite.permitido) return next();
    const agruparMs = LIMITES.disponibilidad.ventanaMs;
    await registrarEvento(db, { idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['disponibilidad'], creadoEn: ahora, agruparMs, ...origenDeSolicitud(c) });
    deps.metricas.limiteRechazado('disponibilidad');
    return problemaLimite(c, limite.reintentarEnS);
  };
  return new Hono<Entorno>()
    // The limit counts every well-formed JSON request, before its content is validated.
    .post('/disponibilidad', sesion, requerirCuentaActiva, leerCuerpoJson, contarConsultaDisponibilidad, cuerpoValido(CorreoInputSchema), async (c) => {
      const usuario = c.get('usuario');
      // The current address is a field error (as in the PUT), not "unavailable".
      const objecion = await objecionCorreo(db, usuario, c.req.valid('json').correo);
      if (objecion?.codigo === 'NO_PERMITIDO') return problemaValidacion(c, [objecion]);
      return c.json({ disponible: objecion === null } satisfies Disponibilidad);
    })
    .post('/codigo', sesion, requerirCuentaActiva, requerirReautenticacion(deps), cuerpoValido(CorreoInputSchema), contarConsultaDisponibilidad, async (c) => {
      const usuario = c.get('usuario');
      const { correo } = c.req.valid('json');
      const objecion = await objecionCorreo(db, usuario, correo);
      if (objecion) return problemaValidacion(c, [objecion]);

      const ahora = reloj();
      const quien = origenDeSolicitud(c);
      let emitido;
      try {
        emitido = await emitirCodigo(db, { idUsuario: usuario.idUsuario, correo, ahora, secreto: config.secretoCodigos });
      } catch (error) {
        if (!(error instanceof LimiteCodigoError)) throw error;
        await registrarEvento(db, { idUsuario: usuario.idUsuario, evento: 'LIMITE_EXCEDIDO', campos: ['codigoSeguridad'], creadoEn: ahora, agruparMs: VENTANA_HORA_MS, ...quien });
        deps.metricas.limiteRechazado('codigo');
        c.header('Retry-After', String(error.reintentarEnS));
        const espera = error.reintentarEnS;
        return problema(
          c,
          429,
          'DEMASIADAS_SOLICITUDES',
          `Se solicitó un código de seguridad hace poco. Podrá solicitar otro en ${espera < 120 ? `${espera} segundos` : `${Math.ceil(espera / 60)} minutos`}.`,
        );
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
        deps.metricas.correo('codigo', false);
        await anularCodigo(db, emitido.id);
        if (error instanceof CorreoNoDisponibleError) {
          c.var.logger.error(`código no enviado: ${error.message}`);
          return problemaCorreoNoDisponible(c, error.reintentarEnS);
        }
        if (error instanceof CorreoRechazadoError) {
          c.var.logger.error(`código rechazado por el proveedor: ${error.message}`);
          if (error.destinatarioInvalido) {
            return problemaValidacion(c, [{ ...errorCampo('correo', 'FORMATO'), mensaje: 'Correo Electrónico: el servicio de correo no acepta esta dirección; revísela.' }]);
          }
          return problemaCorreoMalConfigurado(c);
        }
        throw error;
      }
      deps.metricas.correo('codigo', true);
      const reenviarDesde = await confirmarCodigo(db, usuario.idUsuario, emitido.id, reloj());
      await registrarEvento(db, { idUsuario: usuario.idUsuario, evento: 'CODIGO_SOLICITADO', campos: ['correo'], creadoEn: ahora, ...quien });
      return c.json({ expiraEn: emitido.expiraEn, reenviarDesde } satisfies CodigoEnviado, 202);
    })
    .delete('/codigo', sesion, async (c) => {
      await anularCodigosDe(db, c.get('sesion').idUsuario, reloj());
      return c.body(null, 204);
    })
    .post('/revertir', leerCuerpoJson, async (c) => {
      const cuerpo = (await c.req.json()) as { token?: unknown } | null;
      const token = typeof cuerpo?.token === 'string' ? cuerpo.token : '';
      const resultado = await revertirCambioCorreo(deps, token, origenDeSolicitud(c));
      if (resultado === 'REVERTIDO') return c.body(null, 204);
      if (resultado === 'CONFLICTO') {
        return problema(c, 409, 'CONFLICTO', MENSAJES_REVERSION.CONFLICTO);
      }
      return problema(c, 410, 'ENLACE_NO_VALIDO', MENSAJES_REVERSION.NO_VALIDO);
    });
}

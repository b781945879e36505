import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { CorreoInputSchema, errorCampo, type Disponibilidad } from '../../contract/index.js';
import { anularCodigosDe } from '../db/codigos.js';
import { ReversionSchema } from '../esquemas.js';
import { requerirCuentaActiva } from '../middleware/cuenta.js';
import { leerCuerpoJson } from '../middleware/cuerpo.js';
import { requerirReautenticacion } from '../middleware/reautenticacion.js';
import { requerirSesion } from '../middleware/sesion.js';
import { origenDeSolicitud } from '../middleware/solicitud.js';
import { problema, problemaLimite, problemaValidacion } from '../problemas.js';
import { objecionCorreo } from '../services/cambios-sensibles.js';
import { contarConsultaDisponibilidad, solicitarCodigo } from '../services/correo.js';
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
  const { db, reloj } = deps;
  const sesion = requerirSesion(deps);
  /** The availability limit (services/correo.ts), before the route looks: 429 past it. */
  const contarConsulta: MiddlewareHandler<Entorno> = async (c, next) => {
    const reintentarEnS = await contarConsultaDisponibilidad(deps, origenDeSolicitud(c), c.get('usuario').idUsuario);
    return reintentarEnS === null ? next() : problemaLimite(c, reintentarEnS);
  };
  return new Hono<Entorno>()
    // The limit counts every well-formed JSON request, before its content is validated.
    .post('/disponibilidad', sesion, requerirCuentaActiva, leerCuerpoJson, contarConsulta, cuerpoValido(CorreoInputSchema), async (c) => {
      const usuario = c.get('usuario');
      // The current address is a field error (as in the PUT), not "unavailable".
      const objecion = await objecionCorreo(db, usuario, c.req.valid('json').correo);
      if (objecion?.codigo === 'NO_PERMITIDO') return problemaValidacion(c, [objecion]);
      return c.json({ disponible: objecion === null } satisfies Disponibilidad);
    })
    .post('/codigo', sesion, requerirCuentaActiva, requerirReautenticacion(deps), cuerpoValido(CorreoInputSchema), contarConsulta, async (c) => {
      const resultado = await solicitarCodigo(deps, origenDeSolicitud(c), c.get('usuario'), c.req.valid('json').correo);
      switch (resultado.tipo) {
        case 'ENVIADO':
          return c.json(resultado.enviado, 202);
        case 'ERRORES':
          return problemaValidacion(c, resultado.errores);
        case 'LIMITE': {
          const espera = resultado.reintentarEnS;
          c.header('Retry-After', String(espera));
          return problema(
            c,
            429,
            'DEMASIADAS_SOLICITUDES',
            `Se solicitó un código de seguridad hace poco. Podrá solicitar otro en ${espera < 120 ? `${espera} segundos` : `${Math.ceil(espera / 60)} minutos`}.`,
          );
        }
        case 'CORREO_NO_DISPONIBLE':
          c.var.logger.error(`código no enviado: ${resultado.motivo}`);
          return problemaCorreoNoDisponible(c, resultado.reintentarEnS);
        case 'DESTINATARIO_RECHAZADO':
          c.var.logger.error(`código rechazado por el proveedor: ${resultado.motivo}`);
          return problemaValidacion(c, [{ ...errorCampo('correo', 'FORMATO'), mensaje: 'Correo Electrónico: el servicio de correo no acepta esta dirección; revísela.' }]);
        case 'CORREO_MAL_CONFIGURADO':
          c.var.logger.error(`código rechazado por el proveedor: ${resultado.motivo}`);
          return problemaCorreoMalConfigurado(c);
      }
    })
    .delete('/codigo', sesion, async (c) => {
      await anularCodigosDe(db, c.get('sesion').idUsuario, reloj());
      return c.body(null, 204);
    })
    .post('/revertir', cuerpoValido(ReversionSchema), async (c) => {
      const resultado = await revertirCambioCorreo(deps, c.req.valid('json').token, origenDeSolicitud(c));
      if (resultado === 'REVERTIDO') return c.body(null, 204);
      if (resultado === 'CONFLICTO') {
        return problema(c, 409, 'CONFLICTO', MENSAJES_REVERSION.CONFLICTO);
      }
      return problema(c, 410, 'ENLACE_NO_VALIDO', MENSAJES_REVERSION.NO_VALIDO);
    });
}

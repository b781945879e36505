import { toJsonSchema } from '@valibot/to-json-schema';
import { Hono } from 'hono';
import type * as v from 'valibot';
import {
  ActividadSchema,
  BajaInputSchema,
  BajaSchema,
  CatalogoSchema,
  CodigoEnviadoSchema,
  CorreoInputSchema,
  DisponibilidadSchema,
  ProblemaSchema,
  ReautenticacionSchema,
  SesionesAbiertasSchema,
  SesionesCerradasSchema,
  SesionInputSchema,
  SesionSchema,
  UsuarioSchema,
  UsuarioUpdateSchema,
  VerificacionContrasenaSchema,
} from '../../contract/index.js';
import { ReversionSchema } from '../esquemas.js';
import type { Entorno } from '../tipos.js';

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a contract schema, as clients send or receive it. */
function esquema(schema: v.GenericSchema, modo: 'input' | 'output') {
  return toJsonSchema(schema, { target: 'draft-2020-12', typeMode: modo, errorMode: 'ignore' });
}

const ref = (nombre: string) => ({ $ref: `#/components/schemas/${nombre}` });
const json = (nombre: string) => ({ content: { 'application/json': { schema: ref(nombre) } } });
const problemas = (...estados: number[]) =>
  Object.fromEntries(
    estados.map((estado) => [
      String(estado),
      {
        description: 'Problema (RFC 9457)',
        ...(estado === 429 || estado === 503
          ? { headers: { 'Retry-After': { description: 'Segundos que conviene esperar antes de reintentar', schema: { type: 'integer', minimum: 1 } } } }
          : {}),
        content: { 'application/problem+json': { schema: ref('Problema') } },
      },
    ]),
  );
const exito = (estado: number, descripcion: string, nombre?: string) => ({
  [String(estado)]: { description: descripcion, ...(nombre ? json(nombre) : {}) },
});
const cuerpo = (nombre: string) => ({ required: true, ...json(nombre) });
const seguro = [{ cookie: [] }, { bearer: [] }];
/** An operation anyone may call: no session. */
const publica: never[] = [];

/** The OpenAPI 3.1 document of DESIGN §4, its schemas generated from contract/. */
export function documentoOpenApi() {
  const catalogo = (operationId: string, descripcion: string) => ({
    get: { operationId, summary: descripcion, security: publica, responses: { ...exito(200, 'Lista de opciones', 'Catalogo') } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'BFF de <modificar-usuario-general>',
      version: '0.1.0',
      description: 'Modificar información de registro para Usuario General (SENAE-ISEE-3-2-010).',
      license: { name: 'UNLICENSED', url: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license' },
    },
    servers: [{ url: '/', description: 'El origen del BFF: el que sirve este documento (el api-base del elemento; ORIGEN_PUBLICO en producción)' }],
    paths: {
      '/api/salud': {
        get: {
          operationId: 'consultarSalud',
          summary: 'Estado del servicio',
          security: publica,
          responses: {
            '200': {
              description:
                'En servicio (la base de datos admite escrituras). `degradado` cuando el proveedor de correo rechaza la configuración (clave, remitente): los datos se siguen modificando, pero no salen códigos ni avisos.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['estado', 'correo'],
                    properties: {
                      estado: { enum: ['ok', 'degradado'] },
                      correo: {
                        type: 'object',
                        required: ['estado'],
                        properties: { estado: { enum: ['ok', 'rechazado'] }, detalle: { type: 'string' } },
                        additionalProperties: false,
                      },
                    },
                    additionalProperties: false,
                  },
                },
              },
            },
            ...problemas(503),
          },
        },
      },
      '/api/catalogos/paises': catalogo('listarPaises', 'Países (ISO 3166-1 alfa-2)'),
      '/api/catalogos/provincias': catalogo('listarProvincias', 'Provincias del Ecuador (INEC)'),
      '/api/catalogos/provincias/{codigo}/ciudades': {
        get: {
          operationId: 'listarCiudades',
          summary: 'Cantones de una provincia (INEC)',
          security: publica,
          parameters: [{ name: 'codigo', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{2}$' } }],
          responses: { ...exito(200, 'Lista de opciones', 'Catalogo'), ...problemas(404) },
        },
      },
      '/api/catalogos/operadoras': catalogo('listarOperadoras', 'Operadoras de telefonía móvil'),
      '/api/sesiones': {
        post: {
          operationId: 'iniciarSesion',
          summary: 'Iniciar sesión',
          security: publica,
          requestBody: cuerpo('SesionInput'),
          description:
            'Límites de fallos cada 15 minutos: 5 por ID.usuario desde un mismo cliente (IP; /64 en IPv6), 50 por ID.usuario desde todos, 20 por cliente entre todos los ID → 429. Con demasiadas comprobaciones de contraseña en curso, 503 inmediato con Retry-After. Con la contraseña correcta de un usuario en BAJA responde 403 CUENTA_INACTIVA; de uno BLOQUEADO, 403 CUENTA_BLOQUEADA sin sesión (y, si el enlace de desbloqueo anterior venció, envía otro al correo registrado).',
          responses: {
            ...exito(201, 'Sesión creada; también en la cookie mug_sesion (__Host-mug_sesion, Secure, con un ORIGEN_PUBLICO https)', 'Sesion'),
            ...problemas(401, 403, 422, 429, 503),
          },
        },
        get: {
          operationId: 'listarSesiones',
          summary: 'Sesiones abiertas del usuario: la actual primero, luego por último uso (nunca el token)',
          security: seguro,
          responses: { ...exito(200, 'Sesiones abiertas', 'SesionesAbiertas'), ...problemas(401) },
        },
      },
      '/api/sesiones/otras': {
        delete: {
          operationId: 'cerrarOtrasSesiones',
          summary: 'Cerrar las demás sesiones (todas menos la actual); exige una prueba de contraseña de los últimos 15 minutos',
          security: seguro,
          responses: { ...exito(200, 'Cuántas sesiones se cerraron', 'SesionesCerradas'), ...problemas(401, 403) },
        },
      },
      '/api/sesiones/actual': {
        delete: {
          operationId: 'cerrarSesion',
          summary: 'Cerrar la sesión',
          description: 'Sin sesión también responde 204. Con la cookie desde un origen no permitido, 403 ORIGEN_NO_PERMITIDO (como toda escritura).',
          security: seguro,
          responses: { ...exito(204, 'Sesión cerrada'), ...problemas(403) },
        },
      },
      '/api/sesiones/reautenticacion': {
        post: {
          operationId: 'reautenticar',
          summary: 'Renovar la prueba de contraseña',
          security: seguro,
          requestBody: cuerpo('Reautenticacion'),
          responses: { ...exito(204, 'Renovada'), ...problemas(401, 422, 429, 503) },
        },
      },
      '/api/usuario': {
        get: {
          operationId: 'obtenerUsuario',
          summary: 'Datos del usuario (ETag = versión)',
          security: seguro,
          responses: { ...exito(200, 'El usuario', 'Usuario'), ...problemas(401) },
        },
        put: {
          operationId: 'modificarUsuario',
          summary: 'Modificar los datos (If-Match obligatorio)',
          security: seguro,
          parameters: [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: cuerpo('UsuarioUpdate'),
          responses: {
            '200': {
              description:
                'El usuario modificado. Tras un cambio de contraseña se cierran las demás sesiones y la actual se renueva: el nuevo token va en X-Token-Sesion (y en la cookie si la sesión usaba cookie).',
              headers: {
                ETag: { schema: { type: 'string' } },
                'X-Token-Sesion': { description: 'Solo tras un cambio de contraseña: el token de la sesión renovada', schema: { type: 'string' } },
              },
              ...json('Usuario'),
            },
            ...problemas(401, 403, 412, 422, 428, 429, 503),
          },
        },
      },
      '/api/usuario/clave/verificacion': {
        post: {
          operationId: 'verificarContrasena',
          summary: 'Comprobar la contraseña anterior («Cambio de clave»)',
          security: seguro,
          requestBody: cuerpo('VerificacionContrasena'),
          responses: { ...exito(204, 'Correcta'), ...problemas(401, 422, 429, 503) },
        },
      },
      '/api/correo/disponibilidad': {
        post: {
          operationId: 'comprobarDisponibilidad',
          summary: 'Comprobar disponibilidad del correo',
          description: 'Cuenta para el límite de 20 consultas de disponibilidad por usuario y hora, compartido con la solicitud de código.',
          security: seguro,
          requestBody: cuerpo('CorreoInput'),
          responses: { ...exito(200, 'Disponibilidad', 'Disponibilidad'), ...problemas(401, 422, 429) },
        },
      },
      '/api/correo/codigo': {
        post: {
          operationId: 'solicitarCodigo',
          summary: 'Solicitar código de seguridad',
          description:
            'Cuenta para el límite de 20 consultas de disponibilidad por usuario y hora antes de mirar si la dirección está libre; luego 1 código cada 60 s y 5 por hora (solo cuentan los códigos que el proveedor aceptó o que se están enviando). 503 SERVICIO_CORREO_NO_DISPONIBLE con Retry-After si el proveedor no responde o limita; 503 SERVICIO_CORREO_MAL_CONFIGURADO, sin Retry-After, si rechaza la configuración. En ambos casos el código anterior sigue valiendo.',
          security: seguro,
          requestBody: cuerpo('CorreoInput'),
          responses: { ...exito(202, 'Código enviado', 'CodigoEnviado'), ...problemas(401, 403, 422, 429, 503) },
        },
        delete: {
          operationId: 'anularCodigos',
          summary: 'Usar otro correo: anula los códigos de seguridad pendientes',
          security: seguro,
          responses: { ...exito(204, 'Códigos anulados'), ...problemas(401) },
        },
      },
      '/api/correo/revertir': {
        post: {
          operationId: 'revertirCorreo',
          security: publica,
          summary: '«No reconozco este cambio»: restaura el correo anterior, anula los demás enlaces, cierra las sesiones y bloquea el usuario',
          description:
            'El token llega en el enlace del aviso enviado al correo anterior; sirve una vez durante 7 días. Restaura el correo que el usuario tenía antes del primer cambio aún pendiente y envía a ese correo un enlace de un solo uso (1 hora) a la página /clave/restablecer/{token}, la única forma de desbloquear el usuario.',
          requestBody: cuerpo('Reversion'),
          responses: { ...exito(204, 'Correo restaurado, usuario bloqueado'), ...problemas(409, 410, 422) },
        },
      },
      '/api/dev/correos': {
        get: {
          operationId: 'listarBandejaDev',
          security: publica,
          summary: 'Bandeja de correos de desarrollo (sin RESEND_API_KEY), la más reciente primero',
          responses: { ...exito(200, 'Correos', 'Bandeja'), ...problemas(404) },
        },
      },
      '/api/usuario/baja': {
        post: {
          operationId: 'solicitarBaja',
          summary: 'Solicitud de baja',
          security: seguro,
          requestBody: cuerpo('BajaInput'),
          responses: { ...exito(202, 'Baja registrada', 'Baja'), ...problemas(401, 403, 422) },
        },
      },
      '/api/usuario/actividad': {
        get: {
          operationId: 'listarActividad',
          summary: 'Actividad reciente (50)',
          description:
            'Los intentos fallidos y límites repetidos se agrupan en una fila por ventana con su conteo, y ocupan como máximo 10 de las 50 filas cuando hay acciones propias que mostrar.',
          security: seguro,
          responses: { ...exito(200, 'Eventos', 'Actividad'), ...problemas(401) },
        },
      },
      '/api/openapi.json': {
        get: { operationId: 'obtenerOpenApi', summary: 'Este documento', security: publica, responses: { ...exito(200, 'OpenAPI 3.1') } },
      },
    },
    components: {
      securitySchemes: {
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mug_sesion',
          description: 'Con un ORIGEN_PUBLICO https la cookie se llama __Host-mug_sesion y lleva Secure.',
        },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Problema: esquema(ProblemaSchema, 'output'),
        Catalogo: esquema(CatalogoSchema, 'output'),
        SesionInput: esquema(SesionInputSchema, 'input'),
        Sesion: esquema(SesionSchema, 'output'),
        SesionesAbiertas: esquema(SesionesAbiertasSchema, 'output'),
        SesionesCerradas: esquema(SesionesCerradasSchema, 'output'),
        Reautenticacion: esquema(ReautenticacionSchema, 'input'),
        Usuario: esquema(UsuarioSchema, 'output'),
        UsuarioUpdate: esquema(UsuarioUpdateSchema, 'input'),
        VerificacionContrasena: esquema(VerificacionContrasenaSchema, 'input'),
        CorreoInput: esquema(CorreoInputSchema, 'input'),
        Disponibilidad: esquema(DisponibilidadSchema, 'output'),
        CodigoEnviado: esquema(CodigoEnviadoSchema, 'output'),
        BajaInput: esquema(BajaInputSchema, 'input'),
        Baja: esquema(BajaSchema, 'output'),
        Actividad: esquema(ActividadSchema, 'output'),
        Reversion: esquema(ReversionSchema, 'input'),
        Bandeja: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'para', 'asunto', 'texto', 'html', 'creadoEn'],
            properties: Object.fromEntries(['id', 'para', 'asunto', 'texto', 'html', 'creadoEn'].map((k) => [k, { type: 'string' }])),
          },
        },
      },
    },
  };
}

/** GET /api/openapi.json */
export function rutasOpenApi() {
  const documento = documentoOpenApi();
  return new Hono<Entorno>().get('/', (c) => c.json(documento));
}

// Prometheus metrics (prom-client), served on their own port when PORT_METRICAS is set
// (bff/servicio.ts). Each app has its own registry: no module-level singleton.
import { prometheus } from '@hono/prometheus';
import { Hono, type MiddlewareHandler } from 'hono';
import { Counter, Registry } from 'prom-client';
import type { MotivoFalla } from './db/disponibilidad.js';

/** The rate limits whose refusals (429) are counted. */
export type TipoLimite = 'inicio-sesion' | 'prueba-contrasena' | 'disponibilidad' | 'codigo';

export interface Metricas {
  readonly registro: Registry;
  /** `http_requests_total` and `http_request_duration_seconds` by method, route pattern and status (@hono/prometheus). */
  readonly http: MiddlewareHandler;
  /** One email handed to the provider (or the dev outbox), or not, by kind (`codigo`, `aviso-correo`, …). */
  correo(tipo: string, enviado: boolean): void;
  limiteRechazado(tipo: TipoLimite): void;
  /** A statement the database could not serve (bff/db/cliente.ts), by reason. */
  falloBase(motivo: MotivoFalla): void;
}

/** The metrics of one BFF process; `proceso` adds Node's own (CPU, memory, event loop, GC). */
export function crearMetricas({ proceso = false }: { proceso?: boolean } = {}): Metricas {
  const registro = new Registry();
  const { registerMetrics } = prometheus({ registry: registro, collectDefaultMetrics: proceso });
  const contador = (name: string, help: string, labelNames: string[]) => new Counter({ name, help, labelNames, registers: [registro] });
  const enviados = contador('mug_correos_enviados_total', 'Correos aceptados por el proveedor o la bandeja de desarrollo, por tipo.', ['tipo']);
  const fallidos = contador('mug_correos_fallidos_total', 'Correos que el proveedor no aceptó, por tipo.', ['tipo']);
  const rechazos = contador('mug_limites_rechazos_total', 'Solicitudes rechazadas con 429 por un límite de frecuencia, por límite.', ['tipo']);
  const fallosBase = contador('mug_base_datos_errores_total', 'Sentencias que la base de datos no pudo atender (503), por motivo.', ['motivo']);
  return {
    registro,
    http: registerMetrics,
    correo: (tipo, enviado) => (enviado ? enviados : fallidos).inc({ tipo }),
    limiteRechazado: (tipo) => rechazos.inc({ tipo }),
    falloBase: (motivo) => fallosBase.inc({ motivo }),
  };
}

/** The app of PORT_METRICAS: `GET /metrics` in Prometheus's text format. */
export function appMetricas(registro: Registry): Hono {
  return new Hono().get('/metrics', async (c) => c.body(await registro.metrics(), 200, { 'Content-Type': registro.contentType }));
}

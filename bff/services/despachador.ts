/**
 * The sender of the notices' outbox (`avisos_pendientes`, ../db/avisos.ts), run by every BFF process:
 * it claims due rows with a lease in the database, sends each through the mailer (Resend or the dev
 * outbox) with the Idempotency-Key `aviso:<id>`, and deletes it once taken. At least once: a row
 * whose claimer died is sent again when its lease runs out, and the provider delivers a repeated
 * key once. A failed try waits longer each time (5 s, 10 s, 20 s… up to 1 h, or the provider's
 * Retry-After); a refused recipient, or the last try, gives up: `avisos_fallidos` and
 * AVISO_NO_ENVIADO in the user's activity.
 */
import { randomUUID } from 'node:crypto';
import { causaRaiz } from '../db/disponibilidad.js';
import type { BaseDeDatos } from '../db/cliente.js';
import { abrirContenido, CorreoNoDisponibleError, CorreoRechazadoError, PLAZO_ENVIO_MS, type ContenidoCorreo, type Mailer } from '../mail/index.js';
import type { Metricas } from '../metricas.js';
import type { Registro } from '../registro.js';
import { avisoEntregado, avisoFallido, hayAvisosListos, liberarAviso, posponerAviso, reservarAvisos, type AvisoReservado, type TipoAviso } from '../db/avisos.js';

/** Pause between two looks at the outbox (one indexed read while it is empty). */
export const INTERVALO_DESPACHO_MS = 1000;
/** How long a claim holds a row: one send's budget and the writes around it, with room to spare. */
export const ARRIENDO_MS = 3 * PLAZO_ENVIO_MS;
/** Rows claimed at once, sent concurrently (each within `PLAZO_ENVIO_MS`). */
const LOTE = 5;
/** Tries before a notice is given up (about 2 h 25 min of waits). */
export const MAXIMO_INTENTOS_AVISO = 12;
const PRIMERA_ESPERA_MS = 5000;
const ESPERA_MAXIMA_MS = 60 * 60 * 1000;

/** The `tipo` of a notice in the email counters (`Metricas.correo`, docs/operacion.md). */
const TIPO_EN_METRICAS: Record<TipoAviso, string> = {
  CORREO_MODIFICADO: 'aviso-correo',
  CLAVE_MODIFICADA: 'aviso-clave',
  BAJA_SOLICITADA: 'baja',
  RESTABLECIMIENTO: 'restablecimiento',
};

/**
 * The wait after failed try number `intento` (1, 2…): 5 s doubling up to 1 h, ±10 % so rows and
 * processes do not come back in step; at least the provider's Retry-After when it gave one.
 */
export function esperaTrasIntento(intento: number, retryAfterS: number | null = null): number {
  const base = Math.min(ESPERA_MAXIMA_MS, PRIMERA_ESPERA_MS * 2 ** (intento - 1));
  return Math.round(Math.max(base * (0.9 + Math.random() * 0.2), (retryAfterS ?? 0) * 1000));
}

export interface Despachador {
  /** Looks at the outbox now and then every `INTERVALO_DESPACHO_MS`. */
  iniciar(): void;
  /**
   * Stops: no more claims; sends in flight are abandoned and their rows released at once (another
   * process, or the next start, sends them). Resolves when nothing is left running.
   */
  detener(): Promise<void>;
  /** Delivers what is due now, until nothing is; how many rows it handled (tests call it directly). */
  entregarPendientes(): Promise<number>;
}

export interface OpcionesDespachador {
  db: BaseDeDatos;
  mailer: Mailer;
  reloj: () => Date;
  /** SECRETO_CODIGOS: opens the sealed content. */
  secreto: string;
  /** False while the database is not migrated yet (a remote one at start): no look. */
  lista?: () => boolean;
  /** The process's log: each failed try and each notice given up (ids and the provider's answer, never the content). */
  registro: Registro;
  /** Each try the provider took or did not take is counted by the notice's kind. */
  metricas: Pick<Metricas, 'correo'>;
}

export function crearDespachador({ db, mailer, reloj, secreto, lista, registro, metricas }: OpcionesDespachador): Despachador {
  /** This sender's name on its claims. */
  const yo = randomUUID();
  let activo = false;
  let temporizador: NodeJS.Timeout | undefined;
  let parada = new AbortController();
  let enCurso: Promise<void> | null = null;
  /** The last reason the outbox could not be read, said once until it can. */
  let fallaLectura: string | null = null;

  /** The log of one notice: its lines carry the id of the request that queued it. */
  const registroDe = (aviso: AvisoReservado) => registro.child({ reqId: aviso.idSolicitud, aviso: aviso.id });

  async function rendirse(aviso: AvisoReservado, detalle: string): Promise<void> {
    registroDe(aviso).error(`aviso ${aviso.tipo} a ${aviso.idUsuario} no enviado: ${detalle}`);
    await avisoFallido(db, aviso, { por: yo, error: detalle, ahora: reloj() });
  }

  async function entregar(aviso: AvisoReservado): Promise<void> {
    const senal = parada.signal;
    let contenido: ContenidoCorreo;
    try {
      contenido = abrirContenido(secreto, aviso.contenido);
    } catch {
      return rendirse(aviso, 'no se puede abrir su contenido: SECRETO_CODIGOS no es el que lo selló');
    }
    const tipoMetrica = TIPO_EN_METRICAS[aviso.tipo as TipoAviso] ?? aviso.tipo;
    try {
      await mailer.enviar({ para: aviso.para, ...contenido, claveIdempotencia: `aviso:${aviso.id}` }, senal);
    } catch (error) {
      if (senal.aborted) return liberarAviso(db, aviso.id, yo);
      metricas.correo(tipoMetrica, false);
      const detalle = error instanceof Error ? error.message : String(error);
      const intento = aviso.intentos + 1;
      // A refused recipient will not change; our configuration (key, sender) may be fixed meanwhile.
      if ((error instanceof CorreoRechazadoError && error.destinatarioInvalido) || intento >= MAXIMO_INTENTOS_AVISO) {
        return rendirse(aviso, intento > 1 ? `${detalle} (intento ${intento})` : detalle);
      }
      const espera = esperaTrasIntento(intento, error instanceof CorreoNoDisponibleError && error.indicado ? error.reintentarEnS : null);
      registroDe(aviso).warn(
        `aviso ${aviso.tipo}: intento ${intento} de ${MAXIMO_INTENTOS_AVISO} fallido (${detalle}); el siguiente en ${Math.ceil(espera / 1000)} s`,
      );
      return posponerAviso(db, { id: aviso.id, por: yo, proximoMs: reloj().getTime() + espera, error: detalle });
    }
    metricas.correo(tipoMetrica, true);
    await avisoEntregado(db, aviso.id);
  }

  async function pasada(): Promise<number> {
    const ahoraMs = reloj().getTime();
    if (!(await hayAvisosListos(db, ahoraMs))) return 0;
    const avisos = await reservarAvisos(db, { ahoraMs, hastaMs: ahoraMs + ARRIENDO_MS, por: yo, lote: LOTE });
    const resultados = await Promise.allSettled(avisos.map(entregar));
    for (const r of resultados) {
      // The row keeps its claim until the lease runs out, then it is sent again (same key).
      if (r.status === 'rejected') registro.error(`aviso: no se pudo registrar el resultado de un envío (${causaRaiz(r.reason)}); se reintentará`);
    }
    return avisos.length;
  }

  async function entregarPendientes(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await pasada();
      total += n;
      if (n < LOTE || parada.signal.aborted) return total;
    }
  }

  function programar(ms: number): void {
    if (!activo) return;
    temporizador = setTimeout(() => void ciclo(), ms);
    temporizador.unref();
  }

  async function ciclo(): Promise<void> {
    if (lista?.() !== false) {
      enCurso = entregarPendientes().then(
        () => {
          if (fallaLectura) registro.info('Avisos pendientes: la bandeja de salida vuelve a leerse.');
          fallaLectura = null;
        },
        (error: unknown) => {
          const motivo = causaRaiz(error);
          if (motivo !== fallaLectura) registro.error(`Avisos pendientes: no se puede leer la bandeja de salida (${motivo}); se reintenta cada ${INTERVALO_DESPACHO_MS / 1000} s.`);
          fallaLectura = motivo;
        },
      );
      await enCurso;
      enCurso = null;
    }
    programar(INTERVALO_DESPACHO_MS);
  }

  return {
    iniciar() {
      if (activo) return;
      activo = true;
      parada = new AbortController();
      programar(0);
    },
    async detener() {
      activo = false;
      clearTimeout(temporizador);
      parada.abort();
      await enCurso;
    },
    entregarPendientes,
  };
}

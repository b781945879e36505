import { VIGENCIA_CODIGO_MS } from '../../../contract/http.js';

/** Minutes left at which the countdown is announced to screen readers (not every second). */
export const UMBRALES_ANUNCIO = [10, 5, 2, 1] as const;

/** `mm:ss` of a number of milliseconds (rounded up, never negative). */
export function formatoMinutos(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * Milliseconds until an instant sent by the server. The browser's clock may be off, so a value
 * outside (0, máximo] falls back to `porDefecto` instead of showing nonsense.
 */
export function msHasta(instante: string | number | undefined, ahora: number, maximo: number, porDefecto: number): number {
  const t = typeof instante === 'number' ? instante : Date.parse(instante ?? '');
  const ms = t - ahora;
  return Number.isFinite(ms) && ms > 0 && ms <= maximo ? ms : porDefecto;
}

/** Duration of a security code from the 202 answer: `expiraEn` or the code's 15 minutes. */
export function duracionCodigo(expiraEn: string | undefined, ahora: number): number {
  return msHasta(expiraEn, ahora, VIGENCIA_CODIGO_MS + 30_000, VIGENCIA_CODIGO_MS);
}

/** The threshold just crossed between two readings, if any (the smallest one crossed). */
export function umbralCruzado(antesMs: number, ahoraMs: number): number | null {
  let cruzado: number | null = null;
  for (const u of UMBRALES_ANUNCIO) {
    const limite = u * 60_000;
    if (antesMs > limite && ahoraMs <= limite) cruzado = u;
  }
  return cruzado;
}

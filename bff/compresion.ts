import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

export type Codificacion = 'br' | 'gzip';

/** JSON answers from this size up go compressed (smaller ones would barely shrink). */
const UMBRAL_COMPRESION = 1024;

/** A body in its identity form and, when worth it, precompressed; one strong ETag per form. */
export interface CuerpoEstatico {
  identidad: Uint8Array;
  etag: string;
  br?: Uint8Array;
  gzip?: Uint8Array;
}

/**
 * The encoding to answer with, from `Accept-Encoding`: brotli, else gzip, among those `disponibles`
 * and accepted (a `q=0` refuses one, `*` accepts the rest); null for identity.
 */
export function elegirCodificacion(aceptadas: string | undefined, disponibles: readonly Codificacion[] = ['br', 'gzip']): Codificacion | null {
  if (!aceptadas) return null;
  const calidades = new Map<string, number>();
  for (const parte of aceptadas.split(',')) {
    const [nombre = '', ...parametros] = parte.trim().toLowerCase().split(';');
    const q = parametros.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const calidad = q ? Number(q.slice(2)) : 1;
    calidades.set(nombre.trim(), Number.isFinite(calidad) ? calidad : 0);
  }
  return disponibles.find((c) => (calidades.get(c) ?? calidades.get('*') ?? 0) > 0) ?? null;
}

/**
 * Adds Accept-Encoding to the answer's `Vary` unless it is there already (CORS adds Origin to the
 * same header), in place: after `next()`, Hono's `c.header` would copy the whole answer.
 */
function variaPorCodificacion(res: Response): void {
  const vary = res.headers.get('Vary') ?? '';
  if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) res.headers.append('Vary', 'Accept-Encoding');
}

/** The ETag of a compressed form: the identity's with the encoding appended inside the quotes. */
const etagDe = (etag: string, codificacion: Codificacion) => `${etag.slice(0, -1)}-${codificacion}"`;

/** Brotli (best quality: done once per body) and gzip forms of a static body. */
export function precomprimir(identidad: Uint8Array, etag: string): CuerpoEstatico {
  if (identidad.length < UMBRAL_COMPRESION) return { identidad, etag };
  return {
    identidad,
    etag,
    br: brotliCompressSync(identidad, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identidad.length } }),
    gzip: gzipSync(identidad, { level: 9 }),
  };
}

/** The form of a static body the client gets: its encoding (null for identity), its ETag, and what the answer varies by. */
interface Forma {
  codificacion: Codificacion | null;
  etag: string;
  vary: string[];
  /** If-None-Match names a form of the body (any: the content is the same). */
  revalidada: boolean;
}

function formaDe(c: Context, cuerpo: CuerpoEstatico): Forma {
  const disponibles = (['br', 'gzip'] as const).filter((x) => cuerpo[x]);
  const codificacion = elegirCodificacion(c.req.header('Accept-Encoding'), disponibles);
  const propias = [cuerpo.etag, ...disponibles.map((x) => etagDe(cuerpo.etag, x))];
  const siNinguna = c.req.header('If-None-Match');
  return {
    codificacion,
    etag: codificacion ? etagDe(cuerpo.etag, codificacion) : cuerpo.etag,
    vary: disponibles.length ? ['Accept-Encoding'] : [],
    revalidada: !!siNinguna && siNinguna.split(',').some((e) => e.trim() === '*' || propias.includes(e.trim())),
  };
}

/**
 * Answers a static body in the form the client accepts (`Content-Encoding`, `Vary`), with that
 * form's ETag; 304 when If-None-Match names any form of it (the content is the same).
 */
export function servirEstatico(c: Context, cuerpo: CuerpoEstatico, tipo: string): Response {
  const { codificacion, etag, vary, revalidada } = formaDe(c, cuerpo);
  // Before the answer exists (reading `c.res` here would make a throwaway one): nothing set Vary yet.
  for (const v of vary) c.header('Vary', v, { append: true });
  c.header('ETag', etag);
  if (revalidada) return c.body(null, 304);
  if (codificacion) c.header('Content-Encoding', codificacion);
  return c.body(new Uint8Array(codificacion ? cuerpo[codificacion]! : cuerpo.identidad), 200, { 'Content-Type': tipo });
}

/** When If-None-Match names a form of `cuerpo`: the ETag its 304 carries (as `servirEstatico` answers it); else null. */
export function etagRevalidada(c: Context, cuerpo: CuerpoEstatico): string | null {
  const { etag, revalidada } = formaDe(c, cuerpo);
  return revalidada ? etag : null;
}

const comprimirBr = promisify(brotliCompress);
const comprimirGzip = promisify(gzip);

/**
 * Middleware: JSON answers (and problems) of UMBRAL_COMPRESION bytes or more go compressed, brotli
 * at a quality fit for answers made per request, else gzip. Their ETag (the user's version, which
 * If-Match compares) is left as it is; answers already encoded (catalogs) are not touched.
 */
export async function comprimirJson(c: Context, next: () => Promise<void>): Promise<void> {
  await next();
  const res = c.res;
  // Headers first, the body last: reading `res.body` makes @hono/node-server build the whole fetch
  // Response, and then it can no longer write a string body by its fast path.
  if (c.req.method === 'HEAD' || res.headers.has('Content-Encoding')) return;
  if (!/^application\/(problem\+)?json/i.test(res.headers.get('Content-Type') ?? '')) return;
  variaPorCodificacion(res);
  const codificacion = elegirCodificacion(c.req.header('Accept-Encoding'));
  if (!codificacion || !res.body) return;
  const cuerpo = new Uint8Array(await res.arrayBuffer());
  const comprimido =
    cuerpo.length < UMBRAL_COMPRESION
      ? null
      : codificacion === 'br'
        ? await comprimirBr(cuerpo, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: cuerpo.length } })
        : await comprimirGzip(cuerpo);
  const cabeceras = new Headers(res.headers);
  if (comprimido) {
    cabeceras.delete('Content-Length');
    cabeceras.set('Content-Encoding', codificacion);
  }
  // Cleared first: Hono would otherwise copy the old answer's headers into the new one through a
  // stream, and @hono/node-server could not write it by its fast path.
  c.res = undefined;
  c.res = new Response(comprimido ? new Uint8Array(comprimido) : cuerpo, { status: res.status, headers: cabeceras });
}

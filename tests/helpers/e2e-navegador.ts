// Debian's Chromium through playwright-core, and a watcher that records what a page should never
// show: console errors, uncaught exceptions, failed requests and unexpected HTTP errors.
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from 'playwright-core';
import { ARGUMENTOS_CHROMIUM, RUTA_CHROMIUM } from './chromium.mjs';

export function abrirNavegador(): Promise<Browser> {
  return chromium.launch({ executablePath: RUTA_CHROMIUM, args: ARGUMENTOS_CHROMIUM });
}

/** An HTTP answer ≥ 400 the test expects, e.g. `{ metodo: 'GET', ruta: '/api/usuario', estado: 401 }`. */
export interface RespuestaEsperada {
  metodo: string;
  ruta: string | RegExp;
  estado: number;
}

const CARGA_FALLIDA = /^Failed to load resource: the server responded with a status of \d+/;

/** Records a page's problems; `verificar()` throws listing the unexpected ones. */
export class Vigilante {
  readonly problemas: string[] = [];
  private readonly esperadas: RespuestaEsperada[] = [];
  private readonly consolaEsperada: RegExp[] = [];

  constructor(pagina: Page) {
    pagina.on('console', (m) => {
      if (m.type() !== 'error') return;
      // HTTP errors are judged by `response` below (method, path and status are known there).
      if (CARGA_FALLIDA.test(m.text())) return;
      if (this.consolaEsperada.some((r) => r.test(m.text()))) return;
      this.problemas.push(`consola: ${m.text()} (${m.location().url})`);
    });
    pagina.on('pageerror', (e) => this.problemas.push(`excepción en la página: ${e.message}`));
    pagina.on('requestfailed', (r: Request) => {
      const falla = r.failure()?.errorText ?? '';
      // A navigation cancels what the previous page had in flight; that is not an error.
      if (falla === 'net::ERR_ABORTED') return;
      this.problemas.push(`petición fallida: ${r.method()} ${r.url()} ${falla}`);
    });
    pagina.on('response', (r: Response) => {
      if (r.status() < 400) return;
      const metodo = r.request().method();
      const ruta = new URL(r.url()).pathname;
      const esperada = this.esperadas.some(
        (e) =>
          e.metodo === metodo &&
          e.estado === r.status() &&
          (typeof e.ruta === 'string' ? e.ruta === ruta : e.ruta.test(ruta)),
      );
      if (!esperada) this.problemas.push(`respuesta inesperada: ${metodo} ${r.url()} → ${r.status()}`);
    });
  }

  /** Declares an HTTP error the flow causes on purpose (a wrong password, a 401 before login). */
  esperar(...respuestas: RespuestaEsperada[]): void {
    this.esperadas.push(...respuestas);
  }

  /** Declares a console error text the flow causes on purpose. */
  esperarConsola(...textos: RegExp[]): void {
    this.consolaEsperada.push(...textos);
  }

  /** Throws with every unexpected problem recorded since the page opened, then forgets them. */
  verificar(): void {
    const lista = this.problemas.splice(0);
    if (lista.length) throw new Error(`problemas en el navegador:\n- ${lista.join('\n- ')}`);
  }
}

export interface PaginaVigilada {
  contexto: BrowserContext;
  pagina: Page;
  vigilante: Vigilante;
}

/** A fresh context (its own cookies) with one page and its watcher; Spanish locale. */
export async function abrirPagina(
  navegador: Browser,
  opciones: { ancho?: number; alto?: number } = {},
): Promise<PaginaVigilada> {
  const contexto = await navegador.newContext({
    viewport: { width: opciones.ancho ?? 1280, height: opciones.alto ?? 900 },
    locale: 'es-EC',
  });
  contexto.setDefaultTimeout(10_000);
  const pagina = await contexto.newPage();
  return { contexto, pagina, vigilante: new Vigilante(pagina) };
}

// Types of chromium.mjs (plain JavaScript, so that the .mjs configuration and scripts import it too).
import type { Browser } from 'playwright-core';

export declare const RUTA_CHROMIUM: string;
export declare const ARGUMENTOS_CHROMIUM: string[];
export declare function lanzarChromium(opciones?: { extra?: string[]; ruta?: string }): Promise<Browser>;

export declare const RUTA_CHROMIUM: string;
export declare const ARGUMENTOS_CHROMIUM: string[];

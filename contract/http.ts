// What the element and the BFF both read or count outside the bodies (DESIGN §2, §4).

/** Response header with the renewed session token after a password change (Bearer clients). */
export const CABECERA_TOKEN_SESION = 'X-Token-Sesion';

/** 30 minutes without a request end a session; every authenticated answer renews it. */
export const INACTIVIDAD_SESION_MS = 30 * 60_000;

/** A security code is valid 15 minutes (the seed's figure). */
export const VIGENCIA_CODIGO_MS = 15 * 60_000;

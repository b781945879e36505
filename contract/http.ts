// What the element and the BFF both read or count outside the bodies (DESIGN §2, §4).

/** Response header with the renewed session token after a password change (Bearer clients). */
export const CABECERA_TOKEN_SESION = 'X-Token-Sesion';

/**
 * 30 minutes without a request end a session. The BFF records a use at most once a minute, so an
 * idle session ends between 29 and 30 minutes after its last request (docs/decisiones.md, "Sesiones y viajes a la base").
 */
export const INACTIVIDAD_SESION_MS = 30 * 60_000;

/** A security code is valid 15 minutes (the seed's figure). */
export const VIGENCIA_CODIGO_MS = 15 * 60_000;

/** The ETag of a user's `version` (`"7"`): what `GET /api/usuario` sends and `If-Match` names (DESIGN §4). */
export const etiquetaVersion = (version: number) => `"${version}"`;

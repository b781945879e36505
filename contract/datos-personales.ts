// The "no personal data" rule of the password policy (DESIGN §2), apart from the zxcvbn-ts part
// (contrasena.ts) so the element can run it from the first keystroke without loading the dictionaries.

export interface ContextoContrasena {
  idUsuario: string;
  nombre: string;
  correo: string;
}

/** NFKC, accents removed, lower case: the form in which personal data is looked for. */
function plegar(texto: string): string {
  return texto.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function palabrasNombre(nombre: string): string[] {
  return plegar(nombre)
    .split(/[^\p{L}]+/u)
    .filter((palabra) => palabra.length >= 3);
}

export function partePersonal(correo: string): string {
  const arroba = correo.lastIndexOf('@');
  return plegar(arroba >= 0 ? correo.slice(0, arroba) : correo);
}

/** The pieces of personal data a password must not contain (each at least 3 characters). */
function datosPersonales(contexto: ContextoContrasena): string[] {
  const piezas = [plegar(contexto.idUsuario), ...palabrasNombre(contexto.nombre), partePersonal(contexto.correo)];
  return [...new Set(piezas.filter((pieza) => pieza.length >= 3))];
}

/** True when the password contains the ID, a name word (≥ 3 letters) or the email's local part. */
export function contieneDatosPersonales(contrasena: string, contexto: ContextoContrasena): boolean {
  const plegada = plegar(contrasena);
  return datosPersonales(contexto).some((pieza) => plegada.includes(pieza));
}

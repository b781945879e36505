import { normalizarTelefono } from '../../../contract/texto.js';
import type { Usuario } from '../../../contract/api.js';
import type { Campo, Valores } from './tipos.js';

// The form's values. The body of the PUT (cuerpo.ts) and validation (validacion.ts) are apart:
// they are fetched the first time the user acts on the form.

export function valoresDe(u: Usuario): Valores {
  return {
    nombre: u.nombre,
    'cambioClave.contrasenaAnterior': '',
    'cambioClave.contrasena': '',
    'cambioClave.confirmacion': '',
    pais: u.pais,
    provincia: u.provincia ?? '',
    ciudad: u.ciudad ?? '',
    direccion: u.direccion,
    telefono1: u.telefono1,
    telefono2: u.telefono2 ?? '',
    'celular.operadora': u.celular.operadora,
    'celular.numero': u.celular.numero,
    fax: u.fax ?? '',
    // The seed: "El sistema tiene seleccionado de forma predeterminada la opción No".
    mantenerCorreo: 'no',
    // Empty, so that "No" asks for the new address instead of repeating the old one.
    correo: '',
    confirmacionCorreo: '',
    codigoSeguridad: '',
  };
}

const TELEFONOS: ReadonlySet<Campo> = new Set(['telefono1', 'telefono2', 'celular.numero', 'fax']);

/**
 * What a field shows once left: a phone as it will be stored (DESIGN §2: normalised and shown to
 * the user), when what was typed can be one; otherwise as typed, for its error to point at.
 */
export function alSalir(campo: Campo, valor: string): string {
  if (!TELEFONOS.has(campo)) return valor;
  const digitos = normalizarTelefono(valor);
  return /^\d+$/.test(digitos) ? digitos : valor;
}

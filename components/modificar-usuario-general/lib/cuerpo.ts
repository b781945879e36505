import type { UsuarioUpdateInput } from '../../../contract/usuario.js';
import type { Valores } from './tipos.js';

// The body of the PUT, made from the form's values; it comes with validation (a lazy part), which
// checks that same body with the contract's schema.

/** Whether the user asked for a password change (typed any of its fields). */
export function quiereCambiarContrasena(x: Valores): boolean {
  return !!(x['cambioClave.contrasenaAnterior'] || x['cambioClave.contrasena'] || x['cambioClave.confirmacion']);
}

/** The body of `PUT /api/usuario`. */
export function cuerpoDe(x: Valores): UsuarioUpdateInput {
  const mantener = x.mantenerCorreo === 'si';
  return {
    nombre: x.nombre,
    pais: x.pais,
    provincia: x.provincia || null,
    ciudad: x.ciudad || null,
    direccion: x.direccion,
    telefono1: x.telefono1,
    telefono2: x.telefono2 || null,
    celular: { operadora: x['celular.operadora'] as UsuarioUpdateInput['celular']['operadora'], numero: x['celular.numero'] },
    fax: x.fax || null,
    mantenerCorreo: mantener,
    ...(mantener
      ? {}
      : { correo: x.correo, confirmacionCorreo: x.confirmacionCorreo, codigoSeguridad: x.codigoSeguridad }),
    ...(quiereCambiarContrasena(x)
      ? {
          cambioClave: {
            contrasenaAnterior: x['cambioClave.contrasenaAnterior'],
            contrasena: x['cambioClave.contrasena'],
            confirmacion: x['cambioClave.confirmacion'],
          },
        }
      : {}),
  };
}

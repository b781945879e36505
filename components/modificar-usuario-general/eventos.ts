import type { BajaRegistrada, Usuario } from '../../contract/api.js';

/** Fired after the server accepted the update; `detail` is the user as stored. */
export class UsuarioModificadoEvent extends CustomEvent<Usuario> {
  static readonly tipo = 'usuario-modificado';
  constructor(detail: Usuario) {
    super(UsuarioModificadoEvent.tipo, { bubbles: true, composed: true, detail });
  }
}

/** Fired after the server registered the baja (the account is already deactivated). */
export class BajaSolicitadaEvent extends CustomEvent<BajaRegistrada> {
  static readonly tipo = 'baja-solicitada';
  constructor(detail: BajaRegistrada) {
    super(BajaSolicitadaEvent.tipo, { bubbles: true, composed: true, detail });
  }
}

/** Fired on 401 when the host supplied the `token`: the host must log in again. `detail` is null. */
export class SesionExpiradaEvent extends CustomEvent<null> {
  static readonly tipo = 'sesion-expirada';
  constructor() {
    super(SesionExpiradaEvent.tipo, { bubbles: true, composed: true, detail: null });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'usuario-modificado': UsuarioModificadoEvent;
    'baja-solicitada': BajaSolicitadaEvent;
    'sesion-expirada': SesionExpiradaEvent;
  }
}

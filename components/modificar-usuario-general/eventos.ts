import type { Usuario } from './tipos.js';

/** Fired after the server accepted the update; `detail` is the user as stored. */
export class UsuarioModificadoEvent extends Event {
  static readonly tipo = 'usuario-modificado';
  constructor(readonly detail: Usuario) {
    super(UsuarioModificadoEvent.tipo, { bubbles: true, composed: true });
  }
}

/** Fired after the server registered the baja (the account is already deactivated). */
export class BajaSolicitadaEvent extends Event {
  static readonly tipo = 'baja-solicitada';
  constructor(readonly detail: { id: string; estado: string; creadaEn: string }) {
    super(BajaSolicitadaEvent.tipo, { bubbles: true, composed: true });
  }
}

/** Fired on 401 when the host supplied the `token`: the host must log in again. */
export class SesionExpiradaEvent extends Event {
  static readonly tipo = 'sesion-expirada';
  constructor() {
    super(SesionExpiradaEvent.tipo, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'usuario-modificado': UsuarioModificadoEvent;
    'baja-solicitada': BajaSolicitadaEvent;
    'sesion-expirada': SesionExpiradaEvent;
  }
}

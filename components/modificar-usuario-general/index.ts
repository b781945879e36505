// The package's entry (`import 'modificar-usuario-general'`, bundled into dist/widget/): registers
// <modificar-usuario-general> and exports its public API — the class, its events and their detail types.
export { ModificarUsuarioGeneral } from './modificar-usuario-general.js';
export { BajaSolicitadaEvent, SesionExpiradaEvent, UsuarioModificadoEvent } from './eventos.js';
export type { BajaRegistrada, Usuario } from '../../contract/api.js';

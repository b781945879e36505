// The shared contract (DESIGN §2, §4): browser-safe, no Node imports. The BFF validates with it
// and the element pre-validates with it.
export * from './codigos.js';
export * from './errores.js';
export * from './nombre.js';
export * from './texto.js';
export * from './usuario.js';
export * from './api.js';
export * from './catalogos.js';
export * from './eventos.js';
export * from './http.js';

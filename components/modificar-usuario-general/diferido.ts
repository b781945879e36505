// What the element needs only after its first render, in one lazy chunk (carga-diferida.ts):
// the built-in login, the re-authentication and baja dialogs, and the content of "Actividad
// reciente". One chunk, not one per part: every split moves code shared with the entry into
// chunks of its own, which costs more gzip bytes of the initial budget than it saves.
import './formulario-login.js';
import './dialogo-reautenticacion.js';
import './dialogo-baja.js';
import './sesiones-abiertas.js';
import './lista-actividad.js';

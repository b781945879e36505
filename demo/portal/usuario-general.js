// The page that hosts <modificar-usuario-general> inside the portal (same site: the element
// uses the session cookie). After a baja the session is over: the user reads the element's
// message, then this page offers the way back to the login page.
const elemento = document.querySelector('modificar-usuario-general');
const finDeSesion = document.getElementById('fin-de-sesion');
const cargando = document.getElementById('widget-cargando');

let bajaSolicitada = false;

// The header names the user as stored: a corrected name shows at once.
elemento.addEventListener('usuario-modificado', (evento) => {
  document.getElementById('nombre-usuario').textContent = evento.detail.nombre;
});

elemento.addEventListener('baja-solicitada', () => {
  bajaSolicitada = true;
  // The account is closed and its session revoked: the header no longer shows a signed-in user.
  document.querySelector('.cabecera__usuario-sesion').hidden = true;
  document.getElementById('cerrar-sesion').hidden = true;
  // Filled only now (the region was already in the page, empty) so screen readers announce it.
  const texto = document.createElement('p');
  texto.textContent = 'Su solicitud de baja fue registrada y su sesión terminó.';
  const boton = document.createElement('button');
  boton.type = 'button';
  boton.id = 'ir-al-inicio';
  boton.className = 'boton boton--primario';
  boton.textContent = 'Ir al inicio de sesión';
  boton.addEventListener('click', irAlInicio);
  finDeSesion.replaceChildren(texto, boton);
});

async function irAlInicio() {
  try {
    // The baja revoked the session already; this also clears it if the BFF kept it.
    await fetch('/api/sesiones/actual', { method: 'DELETE' });
  } catch {
    // Nothing left to close.
  }
  location.assign('/?motivo=baja');
}

elemento.addEventListener('sesion-expirada', () => {
  // After a baja the session is gone on purpose: let the user read the message first.
  if (bajaSolicitada) return;
  location.assign('/?motivo=sesion-expirada');
});

// If the element's script never loads, say so instead of "Cargando…" forever.
const limite = setTimeout(() => {
  cargando.textContent = 'No se pudo cargar el formulario. Recargue la página o intente más tarde.';
  cargando.classList.add('mensaje', 'mensaje--error');
}, 10000);
// Once defined, the element shows its own content instead of this text (it has no <slot>).
customElements.whenDefined('modificar-usuario-general').then(() => clearTimeout(limite));

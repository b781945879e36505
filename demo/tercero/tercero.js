// Third-party host: reacts to the element's events with a short note of its own.
const elemento = document.querySelector('modificar-usuario-general');
const aviso = document.getElementById('aviso');
const cargando = document.getElementById('cargando');

elemento.addEventListener('usuario-modificado', () => {
  aviso.textContent = 'Sus datos de Ecuapass fueron actualizados.';
});
elemento.addEventListener('baja-solicitada', () => {
  aviso.textContent = 'Su solicitud de baja en Ecuapass fue registrada.';
});

const limite = setTimeout(() => {
  cargando.textContent = 'No se pudo cargar el formulario de Ecuapass. Intente más tarde.';
}, 10000);
customElements.whenDefined('modificar-usuario-general').then(() => {
  clearTimeout(limite);
  cargando.hidden = true;
});

// Login page: validates the form, POSTs {idUsuario, contrasena} to /api/sesiones (the BFF sets
// the HttpOnly cookie mug_sesion) and goes to /portal. Errors (problem+json) show their `detail`.
import { avisarOpcionesFueraDeLaDemo } from './aviso.js';

const MOTIVOS = {
  'sin-sesion': 'Inicie sesión para continuar.',
  'sesion-expirada': 'Su sesión expiró. Ingrese nuevamente.',
  'sesion-cerrada': 'Su sesión se cerró correctamente.',
  baja: 'Su solicitud de baja fue registrada y su sesión terminó.',
};

const formulario = document.getElementById('formulario-inicio');
const ruc = document.getElementById('ruc');
const idUsuario = document.getElementById('id-usuario');
const contrasena = document.getElementById('contrasena');
const usuarioGeneral = document.getElementById('usuario-general');
const boton = document.getElementById('iniciar-sesion');
const error = document.getElementById('error-inicio');
const mensaje = document.getElementById('mensaje-inicio');

avisarOpcionesFueraDeLaDemo();

const motivo = new URLSearchParams(location.search).get('motivo');
if (motivo && Object.hasOwn(MOTIVOS, motivo)) mensaje.textContent = MOTIVOS[motivo];

function actualizarRuc() {
  // A Usuario General or an Organismo Internacional logs in without RUC.
  ruc.disabled = usuarioGeneral.checked;
  ruc.required = !usuarioGeneral.checked;
  ruc.setAttribute('aria-required', String(!usuarioGeneral.checked));
  if (usuarioGeneral.checked) {
    ruc.value = '';
    ruc.removeAttribute('aria-invalid');
  }
}
usuarioGeneral.addEventListener('change', actualizarRuc);
actualizarRuc();

function mostrarError(texto, campo) {
  error.textContent = texto;
  for (const entrada of [ruc, idUsuario, contrasena]) entrada.removeAttribute('aria-invalid');
  if (campo) {
    campo.setAttribute('aria-invalid', 'true');
    campo.focus();
  }
}

function validar() {
  if (!usuarioGeneral.checked && !/^\d{10}001$/.test(ruc.value.trim())) {
    return ['RUC: ingrese los 13 dígitos del RUC (termina en 001).', ruc];
  }
  if (idUsuario.value.trim() === '') return ['ID. USUARIO: ingrese su identificación de usuario.', idUsuario];
  if (contrasena.value === '') return ['CONTRASEÑA: ingrese su contraseña.', contrasena];
  return null;
}

async function leerProblema(respuesta) {
  try {
    const cuerpo = await respuesta.json();
    if (cuerpo && typeof cuerpo.detail === 'string') return cuerpo.detail;
  } catch {
    // Not JSON (a proxy page, for instance): fall through to the generic message.
  }
  return `No se pudo iniciar sesión (error ${respuesta.status}). Intente nuevamente.`;
}

formulario.addEventListener('submit', async (evento) => {
  evento.preventDefault();
  const invalido = validar();
  if (invalido) {
    mostrarError(...invalido);
    return;
  }
  mostrarError('');
  mensaje.textContent = '';
  boton.disabled = true;
  boton.textContent = 'INICIANDO SESIÓN…';
  try {
    const respuesta = await fetch('/api/sesiones', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ idUsuario: idUsuario.value.trim(), contrasena: contrasena.value }),
    });
    if (respuesta.status === 201) {
      location.assign('/portal');
      return;
    }
    mostrarError(await leerProblema(respuesta), respuesta.status === 401 ? contrasena : undefined);
  } catch {
    mostrarError('No se pudo conectar con el servidor. Revise su conexión e intente nuevamente.');
  }
  boton.disabled = false;
  boton.textContent = 'INICIAR SESIÓN';
});

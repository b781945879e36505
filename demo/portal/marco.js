// Portal frame: the user's name in the header, "Cerrar sesión", and the disclosure menus
// (buttons with aria-expanded that show or hide their list; Escape closes, arrows move).
import { avisarOpcionesFueraDeLaDemo } from './aviso.js';

const menu = document.querySelector('.menu');
const botonesDeMenu = [...menu.querySelectorAll('button[aria-controls]')];

function lista(boton) {
  return document.getElementById(boton.getAttribute('aria-controls'));
}

function cerrar(boton) {
  boton.setAttribute('aria-expanded', 'false');
  lista(boton).hidden = true;
  // Closing a menu closes the menus inside it too.
  for (const interno of lista(boton).querySelectorAll('button[aria-controls]')) cerrar(interno);
}

function abrir(boton) {
  // Only one menu open per level: close its open siblings first.
  const nivel = boton.closest('ul');
  for (const otro of botonesDeMenu) {
    if (otro !== boton && otro.closest('ul') === nivel) cerrar(otro);
  }
  boton.setAttribute('aria-expanded', 'true');
  lista(boton).hidden = false;
}

function cerrarTodo() {
  for (const boton of botonesDeMenu) cerrar(boton);
}

/** The focusable option of each item of the list that holds `elemento`. */
function opcionesHermanas(elemento) {
  const ul = elemento.closest('ul');
  return [...ul.children].map((li) => li.querySelector(':scope > a, :scope > button')).filter(Boolean);
}

for (const boton of botonesDeMenu) {
  boton.addEventListener('click', () => {
    if (boton.getAttribute('aria-expanded') === 'true') cerrar(boton);
    else abrir(boton);
  });
}

menu.addEventListener('keydown', (evento) => {
  const actual = document.activeElement;
  if (!(actual instanceof HTMLElement) || !menu.contains(actual)) return;
  if (evento.key === 'Escape') {
    // Close the innermost open menu around the focus and return focus to its button.
    const abierta = actual.closest('ul[id]:not([hidden])');
    const boton = abierta && menu.querySelector(`[aria-controls="${abierta.id}"]`);
    if (boton) {
      cerrar(boton);
      boton.focus();
      evento.preventDefault();
    }
    return;
  }
  const vertical = actual.closest('.menu__lista');
  const entrar = vertical ? 'ArrowRight' : 'ArrowDown';
  if (evento.key === entrar && actual.matches('[aria-controls]')) {
    // ArrowDown on a top button, or ArrowRight on a submenu button, opens it and enters it.
    abrir(actual);
    lista(actual).querySelector(':scope > li > a, :scope > li > button')?.focus();
    evento.preventDefault();
    return;
  }
  if (evento.key === 'ArrowLeft' && vertical?.classList.contains('menu__lista--anidada')) {
    // ArrowLeft in a submenu closes it and goes back to its button.
    const boton = menu.querySelector(`[aria-controls="${vertical.id}"]`);
    cerrar(boton);
    boton.focus();
    evento.preventDefault();
    return;
  }
  const opciones = opcionesHermanas(actual);
  const indice = opciones.indexOf(actual);
  const siguiente = vertical ? 'ArrowDown' : 'ArrowRight';
  const anterior = vertical ? 'ArrowUp' : 'ArrowLeft';
  let destino;
  if (evento.key === siguiente) destino = opciones[(indice + 1) % opciones.length];
  else if (evento.key === anterior) destino = opciones[(indice - 1 + opciones.length) % opciones.length];
  else if (evento.key === 'Home') destino = opciones[0];
  else if (evento.key === 'End') destino = opciones.at(-1);
  if (destino) {
    destino.focus();
    evento.preventDefault();
  }
});

// A click elsewhere, or the focus leaving the menu, closes every menu.
document.addEventListener('click', (evento) => {
  if (!menu.contains(evento.target)) cerrarTodo();
});
menu.addEventListener('focusout', (evento) => {
  if (evento.relatedTarget && !menu.contains(evento.relatedTarget)) cerrarTodo();
});

avisarOpcionesFueraDeLaDemo();

// The user's name; without a session, back to the login page.
const nombre = document.getElementById('nombre-usuario');
try {
  const respuesta = await fetch('/api/usuario', { headers: { Accept: 'application/json' } });
  if (respuesta.status === 401) {
    location.replace('/?motivo=sin-sesion');
  } else if (respuesta.ok) {
    const usuario = await respuesta.json();
    nombre.textContent = usuario.nombre ?? usuario.idUsuario;
  } else {
    nombre.textContent = '(no disponible)';
  }
} catch {
  nombre.textContent = '(sin conexión)';
}

const cerrarSesion = document.getElementById('cerrar-sesion');
cerrarSesion.addEventListener('click', async () => {
  cerrarSesion.disabled = true;
  try {
    const respuesta = await fetch('/api/sesiones/actual', { method: 'DELETE' });
    // 401: the session had already ended; either way there is none now.
    if (respuesta.ok || respuesta.status === 401) {
      location.assign('/?motivo=sesion-cerrada');
      return;
    }
  } catch {
    // Shown below.
  }
  cerrarSesion.disabled = false;
  const aviso = document.getElementById('aviso-demo');
  aviso.textContent = 'No se pudo cerrar la sesión. Intente nuevamente.';
});

// Options of the imaginary portal that this demo does not build: a button with
// data-no-demo="Nombre" says so in a live region near it: the one named by the data-aviso of
// an ancestor, else #aviso-demo.
export function avisarOpcionesFueraDeLaDemo(raiz = document) {
  raiz.addEventListener('click', (evento) => {
    const boton = evento.target instanceof Element ? evento.target.closest('[data-no-demo]') : null;
    if (!boton) return;
    const aviso = document.getElementById(boton.closest('[data-aviso]')?.dataset.aviso ?? 'aviso-demo');
    if (!aviso) return;
    // Emptying first makes screen readers announce the same text again on a second click;
    // the general region is emptied too so no stale notice stays on screen.
    aviso.textContent = '';
    const general = document.getElementById('aviso-demo');
    if (general) general.textContent = '';
    setTimeout(() => {
      aviso.textContent = `«${boton.dataset.noDemo}» no forma parte de esta demostración.`;
    }, 50);
  });
}

// Options of the imaginary portal that this demo does not build: a button with
// data-no-demo="Nombre" says so in the nearest live region (#aviso-demo).
export function avisarOpcionesFueraDeLaDemo(raiz = document) {
  raiz.addEventListener('click', (evento) => {
    const boton = evento.target instanceof Element ? evento.target.closest('[data-no-demo]') : null;
    if (!boton) return;
    const aviso = document.getElementById('aviso-demo');
    if (!aviso) return;
    // Emptying first makes screen readers announce the same text again on a second click.
    aviso.textContent = '';
    setTimeout(() => {
      aviso.textContent = `«${boton.dataset.noDemo}» no forma parte de esta demostración.`;
    }, 50);
  });
}

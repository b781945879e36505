// Screenshots of the element on the portal page at 360 and 1280 px, with REAL data: the real
// server (scripts/start.mjs: BFF + portal demo) on free ports with a temp libSQL file, the demo
// users mzambrano (360 px) and tmacay (1280 px), Debian's Chromium. Shows the interesting
// states: a new address checked, a code sent (countdown), one field error, the activity open.
// Usage: npm run build && node tests/components/capturas.mjs  → docs/elemento-360.png, -1280.png
import { lanzarChromium } from '../helpers/chromium.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { puertoLibre } from '../helpers/puerto.mjs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const raiz = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const dir = mkdtempSync(join(tmpdir(), 'mug-capturas-'));
const [puerto, puertoTercero] = [await puertoLibre(), await puertoLibre()];
const env = { ...process.env, HOST: '127.0.0.1', PORT: String(puerto), PORT_TERCERO: String(puertoTercero), DATABASE_URL: `file:${join(dir, 'bff.db')}`, SEED_DEMO: '1' };
for (const k of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'DATABASE_AUTH_TOKEN', 'ORIGENES_PERMITIDOS']) delete env[k];
const servidor = spawn(process.execPath, ['scripts/start.mjs'], { cwd: raiz, env, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${puerto}`;

let navegador;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/salud`)).ok) break;
    } catch {
      // not yet
    }
    if (i > 150 || servidor.exitCode !== null) throw new Error('el servidor no arrancó');
    await new Promise((r) => setTimeout(r, 200));
  }
  navegador = await lanzarChromium();
  for (const ancho of [360, 1280]) {
    const contexto = await navegador.newContext({ viewport: { width: ancho, height: 900 }, locale: 'es-EC', timezoneId: 'America/Guayaquil' });
    const pagina = await contexto.newPage();
    await pagina.goto(`${base}/`);
    // One user per width: a second code for the same user within 60 s would be refused (429).
    const usuario = ancho === 360 ? 'mzambrano' : 'tmacay';
    await pagina.locator('#id-usuario').fill(usuario);
    await pagina.locator('#contrasena').fill('Clave-Demo-2026');
    await pagina.keyboard.press('Enter');
    await pagina.waitForURL(/\/portal/);
    await pagina.goto(`${base}/portal/3.2.3/usuario-general`);
    await pagina.locator('modificar-usuario-general form[part="formulario"]').waitFor();
    await pagina.locator('#f-ciudad option:checked:not([value=""])').waitFor({ state: 'attached' });
    const correo = `${usuario}.nuevo@example.com`;
    await pagina.locator('#f-correo').fill(correo);
    await pagina.locator('#f-confirmacionCorreo').fill(correo);
    await pagina.getByRole('button', { name: 'Comprobar disponibilidad' }).click();
    await pagina.getByRole('button', { name: 'Solicitar código de seguridad' }).click();
    await pagina.getByRole('button', { name: 'Aceptar' }).click();
    // The element moves the focus to the code field once the dialog has closed.
    await pagina.waitForFunction(() => document.querySelector('modificar-usuario-general').shadowRoot.activeElement?.id === 'f-codigoSeguridad');
    await pagina.locator('#f-direccion').fill('Av');
    await pagina.locator('#f-direccion').blur();
    await pagina.getByText('Actividad reciente').click();
    await pagina.locator('mug-actividad-reciente li').first().waitFor();
    await pagina.locator('#f-codigoSeguridad').focus();
    await pagina.screenshot({ path: join(raiz, `docs/elemento-${ancho}.png`), fullPage: true });
    console.log(`docs/elemento-${ancho}.png`);
    await contexto.close();
  }
} finally {
  await navegador?.close();
  servidor.kill('SIGTERM');
  await new Promise((r) => (servidor.exitCode !== null ? r() : servidor.once('exit', r)));
  rmSync(dir, { recursive: true, force: true });
}

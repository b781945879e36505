// Random and hostile bodies to every write endpoint, signed in and not: whatever a client sends, the
// BFF answers with a 4xx problem (or a success) and never a 5xx. The generator is seeded, so a
// failure names the seed and the body that reproduce it.
import { describe, expect, test } from 'vitest';
import { actualizacionTmacay, iniciarSesion, pedir } from '../helpers/bff.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

/** mulberry32: a small seeded generator, so each run sends the same bodies. */
function generador(semilla: number) {
  let a = semilla >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTOS = [
  '', ' ', "'; DROP TABLE usuarios; --", '" OR 1=1 --', '\u0000', '\u200b\u200b\u200b\u200b\u200b', '\u202eabc', '\ud800',
  'ʝOSE', 'ＡＢＣ', '0991234567', '+593 (04) 234-5678', 'EC', '09', '0901', 'tito.macay@example.com', 'ocupado@example.com',
  'a'.repeat(300), '9'.repeat(20), '<script>alert(1)</script>', '../../etc/passwd', '%00', '😀', 'NaN', '-1', '1e309',
];

function valor(azar: () => number, profundidad = 0): unknown {
  const tipo = Math.floor(azar() * (profundidad > 2 ? 6 : 8));
  switch (tipo) {
    case 0: return null;
    case 1: return azar() < 0.5;
    case 2: return [0, -1, 1.5, 1e309, Number.MAX_SAFE_INTEGER, 9][Math.floor(azar() * 6)];
    case 3:
    case 4:
    case 5: return TEXTOS[Math.floor(azar() * TEXTOS.length)];
    case 6: return Array.from({ length: Math.floor(azar() * 3) }, () => valor(azar, profundidad + 1));
    default: return objeto(azar, Object.keys(actualizacionTmacay()), profundidad + 1);
  }
}

function objeto(azar: () => number, claves: string[], profundidad = 0): Record<string, unknown> {
  const salida: Record<string, unknown> = {};
  for (const clave of claves) if (azar() < 0.7) salida[clave] = valor(azar, profundidad);
  if (azar() < 0.2) salida[['idUsuario', 'version', '__proto__', 'estado', 'x'][Math.floor(azar() * 5)]!] = valor(azar, profundidad);
  return salida;
}

/** A body for `ruta`: usually its own keys with random values, sometimes a valid body with one key spoiled. */
function cuerpo(azar: () => number, claves: string[], valido: Record<string, unknown>): unknown {
  const r = azar();
  if (r < 0.1) return valor(azar);
  if (r < 0.5) {
    const clave = claves[Math.floor(azar() * claves.length)]!;
    return { ...valido, [clave]: valor(azar) };
  }
  return objeto(azar, claves);
}

const RUTAS: { metodo: string; ruta: string; claves: string[]; valido: Record<string, unknown> }[] = [
  { metodo: 'POST', ruta: '/api/sesiones', claves: ['idUsuario', 'contrasena'], valido: { idUsuario: 'tmacay', contrasena: 'x' } },
  { metodo: 'POST', ruta: '/api/sesiones/reautenticacion', claves: ['contrasena'], valido: { contrasena: 'x' } },
  { metodo: 'POST', ruta: '/api/usuario/clave/verificacion', claves: ['contrasenaAnterior'], valido: { contrasenaAnterior: 'x' } },
  { metodo: 'POST', ruta: '/api/correo/disponibilidad', claves: ['correo'], valido: { correo: 'nuevo@example.com' } },
  { metodo: 'POST', ruta: '/api/correo/codigo', claves: ['correo'], valido: { correo: 'nuevo@example.com' } },
  { metodo: 'POST', ruta: '/api/usuario/baja', claves: ['motivo'], valido: { motivo: 'x' } },
  {
    metodo: 'PUT',
    ruta: '/api/usuario',
    claves: [...Object.keys(actualizacionTmacay()), 'correo', 'confirmacionCorreo', 'codigoSeguridad', 'cambioClave'],
    valido: actualizacionTmacay(),
  },
];

const e = usarEntorno();

describe('fuzzing: no body makes the BFF answer 5xx', () => {
  test.each([1, 2, 3])('seed %i: 60 bodies per endpoint, with and without a session', async (semilla) => {
    const azar = generador(semilla);
    const token = await iniciarSesion(e.app, 'jsmith');
    const fallos: string[] = [];
    for (const { metodo, ruta, claves, valido } of RUTAS) {
      for (let i = 0; i < 60; i++) {
        const enviado = cuerpo(azar, claves, valido);
        const r = await pedir(e.app, ruta, {
          metodo,
          cuerpo: enviado,
          ...(azar() < 0.8 ? { token } : {}),
          cabeceras: metodo === 'PUT' ? { 'If-Match': azar() < 0.5 ? '"1"' : '*' } : {},
          ip: `192.0.2.${Math.floor(azar() * 250)}`,
        });
        if (r.status >= 500) fallos.push(`${metodo} ${ruta} ${JSON.stringify(enviado)} → ${r.status} ${await r.text()}`);
        else await r.arrayBuffer();
      }
    }
    expect(fallos).toEqual([]);
  });
});

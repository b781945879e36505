import { describe, expect, it } from 'vitest';
import { evaluarContrasena } from '../../contract/contrasena.js';
import type { ContextoContrasena } from '../../contract/datos-personales.js';
import { errorPoliticaContrasena, hashContrasena, verificarContrasena } from '../../bff/services/contrasenas.js';

const TITO: ContextoContrasena = { idUsuario: 'tmacay', nombre: 'TITO MACAY', correo: 'tito.macay@example.com' };
const MARIA: ContextoContrasena = { idUsuario: 'mzambrano', nombre: 'MARÍA JOSÉ ZAMBRANO', correo: 'maria.zambrano@example.com' };
const ANA: ContextoContrasena = { idUsuario: 'importa01', nombre: 'ANA DE LA PAZ', correo: 'comercio.andino@example.com' };

const FRASE = 'correcto caballo batería grapa';
/** `n` characters of a good passphrase. */
const frase = (n: number) => `${FRASE} `.repeat(5).slice(0, n);
/** Fullwidth forms (U+FF01…U+FF5E), which NFKC folds back to ASCII. */
const anchos = (texto: string) => texto.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('evaluarContrasena (browser-safe policy)', () => {
  it.each([
    ['', false],
    ['Qz7#pL9!mX2', false], // 11
    ['Qz7#pL9!mX2@', true], // 12
    [frase(128), true],
    [frase(129), false],
    // Characters are code points: 12 emoji (24 UTF-16 units) are 12, 128 emoji are 128.
    ['🦙'.repeat(11), false],
    ['🦙'.repeat(12), true],
    ['🦙'.repeat(128), true],
    ['🦙'.repeat(129), false],
  ])('length of %j: longitudOk = %s', async (contrasena, esperado) => {
    expect((await evaluarContrasena(contrasena, TITO)).longitudOk).toBe(esperado);
  });

  it.each([
    'password1234',
    '123456789012',
    'qwertyuiop123',
    'aaaaaaaaaaaa',
    'contraseña123',
    'Contraseña2024!',
    'primavera2025',
    'guayaquil12345',
    'teamo12345678',
    'ecuapass2026',
    'aduana123456',
  ])('refuses the guessable %j (score below 3)', async (contrasena) => {
    const evaluacion = await evaluarContrasena(contrasena, TITO);
    expect(evaluacion.puntaje).toBeLessThan(3);
    expect(evaluacion.aceptable).toBe(false);
  });

  it.each([
    'ecuapass2026!!',
    'senae2026senae',
    'aduana-2026-aduana',
    'Ecuador12345!',
    'SENAE.2026.senae',
    'ÉCUAPASS_2026_ÉCUAPASS',
    '3cu4p4ss-2026!!', // l33t forms
    'ssapauce2026!!', // backwards
    'correo2026correo!',
    'contrasena#2026#contraseña',
    'usuario.2026.usuario',
  ])('refuses %j: its strength comes only from the site\'s words plus digits and symbols', async (contrasena) => {
    const evaluacion = await evaluarContrasena(contrasena, TITO);
    expect(evaluacion.puntaje).toBeLessThan(3);
    expect(evaluacion.aceptable).toBe(false);
  });

  it.each(['aduana caballo correcto batería', 'mi clave de aduana es tortuga azul', 'Ecuapass: río verde lámpara 7 gatos', 'clavel rojo sobre la mesa'])(
    'accepts %j: a site word among other real strength',
    async (contrasena) => {
      expect((await evaluarContrasena(contrasena, TITO)).aceptable).toBe(true);
    },
  );

  it.each([FRASE, 'mi perro come tortugas azules', 'Tr0mb0n-Naranja-Quinua-47', 'vG4$kp9!Lq2#Wz'])(
    'accepts the good password %j',
    async (contrasena) => {
      expect(await evaluarContrasena(contrasena, TITO)).toEqual({
        puntaje: expect.toSatisfy((p: number) => p >= 3),
        longitudOk: true,
        sinDatosPersonales: true,
        aceptable: true,
      });
    },
  );

  it.each([
    [TITO, 'Vuelo-TMACAY-Quinua-47', 'the ID.usuario, in any case'],
    [TITO, 'Naranja-macay-Quinua-47', 'a word of the name'],
    [TITO, 'Trombon-Tito-Quinua-47', 'a short name word of 4 letters'],
    [MARIA, 'Trombon-jose-Quinua-47', 'a name word, ignoring its accent'],
    [MARIA, 'Trombon-ZAMBRAÑO-Quinua', 'a name word with an added accent'],
    [ANA, 'Viajes-comercio.andino-47', 'the local part of the email'],
    [ANA, 'Viajes-paz-Quinua-Trombon', 'a name word of 3 letters'],
    [TITO, 'Vuelo-ｔｍａｃａｙ-Quinua-47', 'the ID in fullwidth letters (NFKC)'],
  ])('flags personal data: %#, %j contains %s', async (contexto, contrasena) => {
    const evaluacion = await evaluarContrasena(contrasena, contexto);
    expect(evaluacion.sinDatosPersonales).toBe(false);
    expect(evaluacion.aceptable).toBe(false);
  });

  it('ignores name words shorter than 3 letters', async () => {
    expect((await evaluarContrasena('Trombon de la Quinua 47', ANA)).sinDatosPersonales).toBe(true);
  });

  it('NFKC: fullwidth and ligature forms are judged as their plain equivalents', async () => {
    expect(await evaluarContrasena(anchos('Tr0mb0n-Naranja-Quinua-47'), TITO)).toEqual(
      await evaluarContrasena('Tr0mb0n-Naranja-Quinua-47', TITO),
    );
    expect(await evaluarContrasena(anchos('password1234'), TITO)).toEqual(await evaluarContrasena('password1234', TITO));
    // U+FB01 "ﬁ" is one UTF-16 unit and two letters after NFKC: 6 of them are 12 characters.
    expect((await evaluarContrasena('\uFB01'.repeat(6), TITO)).longitudOk).toBe(true);
  });
});

describe('errorPoliticaContrasena (server authority)', () => {
  it('checks length first, then personal data and the current password, then strength', async () => {
    const actual = await hashContrasena('Tr0mb0n-Naranja-Quinua-47');
    expect(await errorPoliticaContrasena('corta', TITO, actual)).toBe('LONGITUD');
    expect(await errorPoliticaContrasena(frase(129), TITO, actual)).toBe('LONGITUD');
    expect(await errorPoliticaContrasena(frase(128), TITO, actual)).toBeNull();
    expect(await errorPoliticaContrasena('macay-macay-macay', TITO, actual)).toBe('NO_PERMITIDO');
    expect(await errorPoliticaContrasena('Tr0mb0n-Naranja-Quinua-47', TITO, actual)).toBe('NO_PERMITIDO');
    expect(await errorPoliticaContrasena(anchos('Tr0mb0n-Naranja-Quinua-47'), TITO, actual)).toBe('NO_PERMITIDO');
    expect(await errorPoliticaContrasena('password1234', TITO, actual)).toBe('DEBIL');
    expect(await errorPoliticaContrasena('contraseña123', TITO, actual)).toBe('DEBIL');
    expect(await errorPoliticaContrasena('mi perro come tortugas azules', TITO, actual)).toBeNull();
  });

  it('without a current hash only the policy applies', async () => {
    expect(await errorPoliticaContrasena('Tr0mb0n-Naranja-Quinua-47', TITO, null)).toBeNull();
  });
});

describe('hashContrasena / verificarContrasena', () => {
  it('argon2id m=19456 t=2 p=1 PHC strings, salted, NFKC-normalised', async () => {
    const hash = await hashContrasena('Clave-Demo-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await hashContrasena('Clave-Demo-2026')).not.toBe(hash);
    expect(await verificarContrasena(hash, 'Clave-Demo-2026')).toBe(true);
    expect(await verificarContrasena(hash, anchos('Clave-Demo-2026'))).toBe(true);
    expect(await verificarContrasena(hash, 'clave-demo-2026')).toBe(false);
    expect(await verificarContrasena('no-es-un-hash', 'Clave-Demo-2026')).toBe(false);
  });
});

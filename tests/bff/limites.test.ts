import type { Client } from '@libsql/client';
import { beforeAll, describe, expect, test } from 'vitest';
import { consultar, consumir, reiniciar, reservar } from '../../bff/services/limites.js';
import { usarEntorno } from '../helpers/bff-vitest.js';

const e = usarEntorno({ sembrar: false }, 'todo el archivo');
let db: Client;
beforeAll(() => {
  db = e.db;
});

const T0 = new Date('2026-03-02T15:00:00.000Z');
const en = (s: number) => new Date(T0.getTime() + s * 1000);

describe('rate-limit counters in the database', () => {
  test('a fixed window: maximo hits pass, the next waits until the window closes, then it reopens', async () => {
    const limite = { clave: 'prueba:a', maximo: 3, ventanaMs: 60_000 };
    expect(await consumir(db, { ...limite, ahora: en(0) })).toEqual({ permitido: true, reintentarEnS: 0 });
    expect(await consumir(db, { ...limite, ahora: en(10) })).toEqual({ permitido: true, reintentarEnS: 0 });
    expect(await consumir(db, { ...limite, ahora: en(20) })).toEqual({ permitido: true, reintentarEnS: 0 });
    expect(await consumir(db, { ...limite, ahora: en(30) })).toEqual({ permitido: false, reintentarEnS: 30 });
    expect(await consultar(db, { clave: limite.clave, maximo: 3, ahora: en(59.5) })).toEqual({ permitido: false, reintentarEnS: 1 });
    expect(await consumir(db, { ...limite, ahora: en(60) })).toEqual({ permitido: true, reintentarEnS: 0 });
  });

  test('reservar counts an attempt only while there is room; a refused one is not counted; the window reopens', async () => {
    const limite = { clave: 'prueba:r', maximo: 2, ventanaMs: 60_000 };
    expect(await reservar(db, { ...limite, ahora: en(0) })).toEqual({ permitido: true, reintentarEnS: 0 });
    expect(await reservar(db, { ...limite, ahora: en(10) })).toEqual({ permitido: true, reintentarEnS: 0 });
    expect(await reservar(db, { ...limite, ahora: en(20) })).toEqual({ permitido: false, reintentarEnS: 40 });
    expect((await db.execute("SELECT conteo FROM limites WHERE clave = 'prueba:r'")).rows[0]?.conteo).toBe(2);
    expect(await reservar(db, { ...limite, ahora: en(60) })).toEqual({ permitido: true, reintentarEnS: 0 });
  });

  test('consultar does not count; reiniciar forgets', async () => {
    const limite = { clave: 'prueba:b', maximo: 1, ventanaMs: 60_000 };
    expect(await consultar(db, { clave: limite.clave, maximo: 1, ahora: en(0) })).toEqual({ permitido: true, reintentarEnS: 0 });
    await consumir(db, { ...limite, ahora: en(0) });
    expect(await consultar(db, { clave: limite.clave, maximo: 1, ahora: en(1) })).toEqual({ permitido: false, reintentarEnS: 59 });
    await reiniciar(db, limite.clave);
    expect(await consultar(db, { clave: limite.clave, maximo: 1, ahora: en(1) })).toEqual({ permitido: true, reintentarEnS: 0 });
  });

  test('concurrent hits are all counted: exactly maximo pass', async () => {
    const limite = { clave: 'prueba:c', maximo: 5, ventanaMs: 60_000, ahora: en(0) };
    const resultados = await Promise.all(Array.from({ length: 20 }, () => consumir(db, limite)));
    expect(resultados.filter((r) => r.permitido)).toHaveLength(5);
  });

  test('keys are independent', async () => {
    await consumir(db, { clave: 'prueba:d', maximo: 1, ventanaMs: 60_000, ahora: en(0) });
    expect((await consumir(db, { clave: 'prueba:e', maximo: 1, ventanaMs: 60_000, ahora: en(0) })).permitido).toBe(true);
  });
});

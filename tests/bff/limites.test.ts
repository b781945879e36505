import type { Client } from '@libsql/client';
import { beforeAll, describe, expect, test } from 'vitest';
import { limitadorArgon2, ServidorOcupadoError } from '../../bff/services/contrasenas.js';
import { consultar, consumir, reiniciar, reservaDeTodos, reservar, sentenciaPurgar, type Limite } from '../../bff/db/limites.js';
import { clienteDeLimite } from '../../bff/services/limites-inicio.js';
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

/** One attempt reserved in all `limites` in its own write batch. */
async function reservarTodos(limites: Limite[]) {
  const reserva = reservaDeTodos(limites);
  return reserva.resultado(await db.batch(reserva.sentencias, 'write'));
}

describe('several limits at once, purge, clients', () => {
  test('reservaDeTodos: when one limit refuses, the attempt is given back to the others', async () => {
    const a = { clave: 'todos:a', maximo: 5, ventanaMs: 60_000, ahora: en(0) };
    const b = { clave: 'todos:b', maximo: 1, ventanaMs: 60_000, ahora: en(0) };
    expect(await reservarTodos([a, b])).toEqual({ permitido: true, reintentarEnS: 0 });
    expect(await reservarTodos([a, b])).toEqual({ permitido: false, reintentarEnS: 60 });
    const conteos = await db.execute("SELECT clave, conteo FROM limites WHERE clave LIKE 'todos:%' ORDER BY clave");
    expect(conteos.rows.map((f) => ({ ...f }))).toEqual([
      { clave: 'todos:a', conteo: 1 },
      { clave: 'todos:b', conteo: 1 },
    ]);
  });

  test('reservaDeTodos: a refusal anywhere counts the attempt nowhere; the wait is that of the first limit that refused', async () => {
    const lleno = { clave: 'todos2:lleno', maximo: 1, ventanaMs: 60_000 };
    const otroLleno = { clave: 'todos2:otro', maximo: 1, ventanaMs: 120_000 };
    expect(await reservarTodos([{ ...lleno, ahora: en(0) }, { ...otroLleno, ahora: en(0) }])).toEqual({ permitido: true, reintentarEnS: 0 });
    const libre = { clave: 'todos2:libre', maximo: 5, ventanaMs: 60_000, ahora: en(30) };
    expect(await reservarTodos([libre, { ...otroLleno, ahora: en(30) }, { ...lleno, ahora: en(30) }])).toEqual({ permitido: false, reintentarEnS: 90 });
    expect(await reservarTodos([libre, { ...lleno, ahora: en(30) }, { ...otroLleno, ahora: en(30) }])).toEqual({ permitido: false, reintentarEnS: 30 });
    const conteos = await db.execute("SELECT clave, conteo FROM limites WHERE clave LIKE 'todos2:%' ORDER BY clave");
    expect(conteos.rows.map((f) => ({ ...f }))).toEqual([
      { clave: 'todos2:libre', conteo: 0 },
      { clave: 'todos2:lleno', conteo: 1 },
      { clave: 'todos2:otro', conteo: 1 },
    ]);
  });

  test('sentenciaPurgar deletes expired counters only, at most 100 a time', async () => {
    await db.execute('DELETE FROM limites');
    for (let i = 0; i < 130; i++) await consumir(db, { clave: `viejo:${i}`, maximo: 1, ventanaMs: 1000, ahora: en(0) });
    await consumir(db, { clave: 'vigente', maximo: 1, ventanaMs: 60_000, ahora: en(0) });
    const cuantos = async () => Number((await db.execute('SELECT count(*) AS n FROM limites')).rows[0]?.n);
    expect((await db.execute(sentenciaPurgar(en(2)))).rowsAffected).toBe(100);
    expect(await cuantos()).toBe(31);
    await db.execute(sentenciaPurgar(en(2)));
    expect((await db.execute('SELECT clave FROM limites')).rows.map((f) => f.clave)).toEqual(['vigente']);
  });

  test('a client is its IPv4 address or the /64 of its IPv6 one', () => {
    expect(clienteDeLimite('203.0.113.5')).toBe('203.0.113.5');
    expect(clienteDeLimite('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clienteDeLimite('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clienteDeLimite('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(clienteDeLimite(null)).toBe('desconocido');
    expect(clienteDeLimite('no|es-ip')).toBe('desconocido');
  });
});

describe('the cap on argon2 work', () => {
  test('runs at most `concurrentes` at once, queues at most `cola`, refuses the rest at once', async () => {
    const limitar = limitadorArgon2({ concurrentes: 2, cola: 3 });
    let enCurso = 0;
    let maximo = 0;
    const liberar: (() => void)[] = [];
    const trabajo = () =>
      new Promise<string>((resolver) => {
        enCurso++;
        maximo = Math.max(maximo, enCurso);
        liberar.push(() => {
          enCurso--;
          resolver('hecho');
        });
      });
    const resultados = Array.from({ length: 10 }, () => limitar(trabajo).then((x) => x, (error: unknown) => error));
    // Five refused without waiting for anything: the queue is full.
    const rechazados = await Promise.all(resultados.slice(5));
    expect(rechazados.every((r) => r instanceof ServidorOcupadoError && r.reintentarEnS === 2)).toBe(true);
    expect(enCurso).toBe(2);
    while (liberar.length > 0) {
      liberar.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(resultados.slice(0, 5))).toEqual(Array(5).fill('hecho'));
    expect(maximo).toBe(2);
    // Free again: a new one runs.
    const otro = limitar(trabajo);
    await new Promise((r) => setTimeout(r, 0));
    liberar.shift()!();
    expect(await otro).toBe('hecho');
  });
});

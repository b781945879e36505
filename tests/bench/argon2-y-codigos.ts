// Figures for the docs: argon2id cost, security-code throughput on a libSQL file, zxcvbn-ts cost.
// Run: node --import tsx tests/bench/argon2-y-codigos.ts   (BENCH_N=1000 for more codes)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { evaluarContrasena } from '../../contract/contrasena.js';
import { hashContrasena, verificarContrasena } from '../../bff/services/contrasenas.js';
import { emitirCodigo, verificarCodigo } from '../../bff/db/codigos.js';

function estadisticas(ms: number[]): string {
  const orden = [...ms].sort((a, b) => a - b);
  const en = (q: number) => orden[Math.min(orden.length - 1, Math.floor(q * orden.length))] ?? NaN;
  return `mediana ${en(0.5).toFixed(1)} ms · p90 ${en(0.9).toFixed(1)} ms · mín ${orden[0]?.toFixed(1)} · máx ${orden.at(-1)?.toFixed(1)} (n=${ms.length})`;
}

async function medir(n: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const tiempos: number[] = [];
  for (let i = 0; i < n; i++) {
    const inicio = performance.now();
    await f(i);
    tiempos.push(performance.now() - inicio);
  }
  return tiempos;
}

console.log(`Node ${process.version}, ${availableParallelism()} núcleos, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '4 (por defecto)'}`);

// argon2id m=19456 t=2 p=1
await hashContrasena('calentamiento');
console.log(`argon2id hash:       ${estadisticas(await medir(20, () => hashContrasena('Clave-Demo-2026')))}`);
const hash = await hashContrasena('Clave-Demo-2026');
console.log(`argon2id verify:     ${estadisticas(await medir(20, () => verificarContrasena(hash, 'Clave-Demo-2026')))}`);
const paralelos = 8;
let inicio = performance.now();
await Promise.all(Array.from({ length: paralelos }, () => hashContrasena('Clave-Demo-2026')));
const total = performance.now() - inicio;
console.log(`argon2id ${paralelos} a la vez:  ${total.toFixed(0)} ms en total → ${((paralelos / total) * 1000).toFixed(0)} hash/s`);

// zxcvbn-ts (first call loads the dictionaries)
const contexto = { idUsuario: 'tmacay', nombre: 'TITO MACAY', correo: 'tito.macay@example.com' };
inicio = performance.now();
await evaluarContrasena('primera', contexto);
console.log(`zxcvbn-ts carga:     ${(performance.now() - inicio).toFixed(0)} ms (diccionarios, una vez)`);
const muestras = ['password1234', 'Tr0mb0n-Naranja-Quinua-47', 'correcto caballo batería grapa', 'vG4$kp9!Lq2#Wz'];
console.log(`zxcvbn-ts evaluar:   ${estadisticas(await medir(40, (i) => evaluarContrasena(muestras[i % muestras.length] ?? '', contexto)))}`);

// Security codes on a temp libSQL file: emit + verify, one user each (the 60 s limit is per user).
const n = Number(process.env.BENCH_N ?? 500);
const dir = await mkdtemp(join(tmpdir(), 'mug-bench-'));
const db = createClient({ url: `file:${join(dir, 'bench.db')}` });
try {
  const sql = await readFile(new URL('../../bff/db/migraciones/002_correo.sql', import.meta.url), 'utf8');
  const tx = await db.transaction('write');
  await tx.executeMultiple(sql);
  await tx.commit();
  const secreto = 'secreto-de-banco-de-pruebas-32-caracteres';
  const ahora = new Date('2026-03-01T10:00:00.000Z');
  const emitir: number[] = [];
  const verificar: number[] = [];
  inicio = performance.now();
  for (let i = 0; i < n; i++) {
    const idUsuario = `usuario${i}`;
    const correo = `u${i}@example.com`;
    let t = performance.now();
    const { codigo } = await emitirCodigo(db, { idUsuario, correo, ahora, secreto });
    emitir.push(performance.now() - t);
    t = performance.now();
    const resultado = await verificarCodigo(db, { idUsuario, correo, codigo, ahora, secreto });
    verificar.push(performance.now() - t);
    if (resultado !== 'VALIDO') throw new Error(`verificación inesperada: ${resultado}`);
  }
  const segundos = (performance.now() - inicio) / 1000;
  console.log(`códigos emitir:      ${estadisticas(emitir)}`);
  console.log(`códigos verificar:   ${estadisticas(verificar)}`);
  console.log(`códigos emitir+verificar: ${(n / segundos).toFixed(0)} pares/s (secuencial, archivo libSQL, ${n} usuarios)`);
} finally {
  db.close();
  await rm(dir, { recursive: true, force: true });
}

// Run as a separate process by tests: migrates the database at argv[2] and prints what it applied.
import { abrirBaseDeDatos } from '../../bff/db/cliente.js';
import { migrar } from '../../bff/db/migrar.js';

const db = await abrirBaseDeDatos(process.argv[2]!, { tiempoLimiteMs: 5000 });
console.log(JSON.stringify(await migrar(db)));
db.close();

// A free loopback port, for everything here that starts a server itself: the end-to-end and
// process tests (through e2e-servidor.ts), the WebKit launcher and the screenshot script. Plain
// JavaScript, so that the .mjs configuration and scripts import it too (types in puerto.d.mts).
import { createServer } from 'node:net';

/** A port the OS says is free right now on 127.0.0.1. */
export function puertoLibre() {
  return new Promise((resolver, rechazar) => {
    const s = createServer();
    s.unref();
    s.on('error', rechazar);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolver(port));
    });
  });
}

import { describe, expect, test } from 'vitest';
import { ErrorConfiguracion, leerConfig } from '../../bff/config.js';

const SECRETO = 'k'.repeat(32);

describe('configuration (DESIGN §5)', () => {
  test('defaults: embedded file, demo seed on, third-party and own origins allowed, random code secret with a warning', () => {
    const { config, avisos } = leerConfig({});
    expect(config).toEqual({
      modo: 'demo',
      puerto: 8787,
      puertoTercero: 8788,
      puertoMetricas: null,
      host: '127.0.0.1',
      databaseUrl: 'file:./data/ecuapass.db',
      databaseAuthToken: null,
      tiempoLimiteBaseMs: 5000,
      limiteCierreMs: 20_000,
      resendApiKey: null,
      bandejaDev: true,
      resendBaseUrl: null,
      correoRemitente: 'Ecuapass <onboarding@resend.dev>',
      origenesPermitidos: ['http://localhost:8788', 'http://127.0.0.1:8788', 'http://127.0.0.1:8787'],
      seedDemo: true,
      secretoCodigos: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      origenPublico: 'http://127.0.0.1:8787',
      proxyConfiable: [],
      nivelRegistro: 'info',
      retencionAuditoriaDias: 365,
    });
    expect(avisos).toEqual([
      'SECRETO_CODIGOS no está definido: se usa un secreto aleatorio de este arranque; los códigos de seguridad enviados dejan de valer al reiniciar.',
    ]);
    expect(leerConfig({}).config.secretoCodigos).not.toBe(config.secretoCodigos);
  });

  test('every variable is read', () => {
    const { config, avisos } = leerConfig({
      PORT: '9000',
      PORT_TERCERO: '9001',
      PORT_METRICAS: '9090',
      HOST: '0.0.0.0',
      DATABASE_URL: 'libsql://ecuapass.turso.io',
      DATABASE_AUTH_TOKEN: 'tok',
      DB_TIEMPO_LIMITE_MS: '1500',
      LIMITE_CIERRE_MS: '45000',
      RESEND_API_KEY: 're_123',
      RESEND_BASE_URL: 'http://127.0.0.1:9999',
      CORREO_REMITENTE: 'Ecuapass <no-responder@aduana.gob.ec>',
      ORIGENES_PERMITIDOS: 'https://portal.aduana.gob.ec, https://agente.example.com:8443',
      SEED_DEMO: 'si',
      SECRETO_CODIGOS: SECRETO,
      ORIGEN_PUBLICO: 'https://Ecuapass.Aduana.gob.ec:443/',
      PROXY_CONFIABLE: '10.0.0.5, 10.1.0.0/16,::1 ,fd00::/8',
      NIVEL_REGISTRO: 'Debug',
      RETENCION_AUDITORIA_DIAS: '730',
    });
    expect(config).toEqual({
      modo: 'demo',
      puerto: 9000,
      puertoTercero: 9001,
      puertoMetricas: 9090,
      host: '0.0.0.0',
      databaseUrl: 'libsql://ecuapass.turso.io',
      databaseAuthToken: 'tok',
      tiempoLimiteBaseMs: 1500,
      limiteCierreMs: 45_000,
      resendApiKey: 're_123',
      bandejaDev: false,
      resendBaseUrl: 'http://127.0.0.1:9999',
      correoRemitente: 'Ecuapass <no-responder@aduana.gob.ec>',
      origenesPermitidos: ['https://portal.aduana.gob.ec', 'https://agente.example.com:8443'],
      seedDemo: true,
      secretoCodigos: SECRETO,
      origenPublico: 'https://ecuapass.aduana.gob.ec',
      proxyConfiable: ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8'],
      nivelRegistro: 'debug',
      retencionAuditoriaDias: 730,
    });
    expect(avisos).toEqual([]);
  });

  test('LIMITE_CIERRE_MS must outlast a statement and an email: its floor and default follow DB_TIEMPO_LIMITE_MS', () => {
    expect(leerConfig({ DB_TIEMPO_LIMITE_MS: '100', LIMITE_CIERRE_MS: '5101' }).config.limiteCierreMs).toBe(5101);
    expect(() => leerConfig({ DB_TIEMPO_LIMITE_MS: '100', LIMITE_CIERRE_MS: '5100' })).toThrow(
      'Configuración inválida: LIMITE_CIERRE_MS = "5100"; se admite un número entero de milisegundos mayor que DB_TIEMPO_LIMITE_MS + 5000 (el plazo de un correo) = 5100, y de hasta 600000.',
    );
    expect(leerConfig({ DB_TIEMPO_LIMITE_MS: '60000' }).config.limiteCierreMs).toBe(130_000);
  });

  test('a remote database turns the demo seed off by default', () => {
    expect(leerConfig({ DATABASE_URL: 'https://db.example.com', SECRETO_CODIGOS: SECRETO }).config.seedDemo).toBe(false);
    expect(leerConfig({ SEED_DEMO: 'no' }).config.seedDemo).toBe(false);
  });

  test.each([
    ['PORT', 'abc', 'Configuración inválida: PORT = "abc"; se admite un número de puerto entre 1 y 65535.'],
    ['PORT', '70000', 'Configuración inválida: PORT = "70000"; se admite un número de puerto entre 1 y 65535.'],
    ['PORT_TERCERO', '-1', 'Configuración inválida: PORT_TERCERO = "-1"; se admite un número de puerto entre 1 y 65535.'],
    ['DATABASE_URL', 'postgres://x', 'Configuración inválida: DATABASE_URL = "postgres://x"; se admite una URL file:, libsql://, https:// o wss://.'],
    ['RESEND_BASE_URL', 'no-es-url', 'Configuración inválida: RESEND_BASE_URL = "no-es-url"; se admite una URL absoluta (http:// o https://).'],
    ['CORREO_REMITENTE', 'Ecuapass', 'Configuración inválida: CORREO_REMITENTE = "Ecuapass"; se admite una dirección de correo o "Nombre <correo@dominio>".'],
    [
      'ORIGENES_PERMITIDOS',
      'http://localhost:8788/ruta',
      'Configuración inválida: ORIGENES_PERMITIDOS = "http://localhost:8788/ruta"; se admite una lista separada por comas de orígenes como http://localhost:8788 (esquema, host y puerto; sin ruta; nunca «*»).',
    ],
    [
      'ORIGENES_PERMITIDOS',
      'localhost:8788',
      'Configuración inválida: ORIGENES_PERMITIDOS = "localhost:8788"; se admite una lista separada por comas de orígenes como http://localhost:8788 (esquema, host y puerto; sin ruta; nunca «*»).',
    ],
    ['DB_TIEMPO_LIMITE_MS', '50', 'Configuración inválida: DB_TIEMPO_LIMITE_MS = "50"; se admite un número entero de milisegundos entre 100 y 60000.'],
    ['DB_TIEMPO_LIMITE_MS', '5s', 'Configuración inválida: DB_TIEMPO_LIMITE_MS = "5s"; se admite un número entero de milisegundos entre 100 y 60000.'],
    ['DB_TIEMPO_LIMITE_MS', '120000', 'Configuración inválida: DB_TIEMPO_LIMITE_MS = "120000"; se admite un número entero de milisegundos entre 100 y 60000.'],
    ...['6500', '10000', '20s', '700000'].map(
      (valor) =>
        [
          'LIMITE_CIERRE_MS',
          valor,
          `Configuración inválida: LIMITE_CIERRE_MS = "${valor}"; se admite un número entero de milisegundos mayor que DB_TIEMPO_LIMITE_MS + 5000 (el plazo de un correo) = 10000, y de hasta 600000.`,
        ] as [string, string, string],
    ),
    ['SEED_DEMO', 'quizas', 'Configuración inválida: SEED_DEMO = "quizas"; se admite 1, 0, true, false, si o no.'],
    ['PORT', '0', 'Configuración inválida: PORT = "0"; se admite un número de puerto entre 1 y 65535.'],
    ['HOST', 'mal host', 'Configuración inválida: HOST = "mal host"; se admite un nombre de host (p. ej. localhost) o una dirección IP (127.0.0.1, 0.0.0.0, ::).'],
    ['RESEND_BASE_URL', 'ftp://resend.example', 'Configuración inválida: RESEND_BASE_URL = "ftp://resend.example"; se admite una URL absoluta (http:// o https://).'],
    ['SECRETO_CODIGOS', 'corto', 'Configuración inválida: SECRETO_CODIGOS = (oculto); se admite un secreto de al menos 32 caracteres.'],
    ...['ecuapass.aduana.gob.ec', 'https://ecuapass.aduana.gob.ec/portal', 'ftp://ecuapass.aduana.gob.ec', 'https://user@ecuapass.aduana.gob.ec', 'https://ecuapass.aduana.gob.ec?x=1'].map(
      (valor) =>
        [
          'ORIGEN_PUBLICO',
          valor,
          `Configuración inválida: ORIGEN_PUBLICO = "${valor}"; se admite el origen con el que los usuarios llegan al BFF, como https://ecuapass.aduana.gob.ec (esquema, host y puerto; sin ruta).`,
        ] as [string, string, string],
    ),
    ...['todos', '10.0.0.300', '10.0.0.0/33', '::1/129', '10.0.0.1:8080', '10.0.0.0/8/1', 'proxy.interno', '10.0.0.1, ,,x', 'true'].map(
      (valor) =>
        [
          'PROXY_CONFIABLE',
          valor,
          `Configuración inválida: PROXY_CONFIABLE = "${valor}"; se admite una lista separada por comas de direcciones IP o rangos CIDR de los proxies inversos (p. ej. 10.0.0.5,10.1.0.0/16,::1).`,
        ] as [string, string, string],
    ),
  ])('%s=%s stops the start with one clear line', (variable, valor, mensaje) => {
    expect(() => leerConfig({ [variable]: valor })).toThrow(new ErrorConfiguracion(mensaje));
  });

  test('a remote database requires SECRETO_CODIGOS (every process must share it)', () => {
    expect(() => leerConfig({ DATABASE_URL: 'libsql://ecuapass.turso.io' })).toThrow(
      new ErrorConfiguracion(
        'Configuración inválida: SECRETO_CODIGOS es obligatorio con una base de datos remota (varios procesos deben compartirlo); se admite un secreto de al menos 32 caracteres.',
      ),
    );
  });

  test('PORT and PORT_TERCERO must differ (the third-party page is another origin); the message names the variable set', () => {
    expect(() => leerConfig({ PORT: '9000', PORT_TERCERO: '9000' })).toThrow(
      new ErrorConfiguracion(
        'Configuración inválida: PORT_TERCERO = "9000"; se admite un puerto distinto de PORT (9000): la página del tercero debe estar en otro origen.',
      ),
    );
    expect(() => leerConfig({ PORT: '8788' })).toThrow(
      new ErrorConfiguracion(
        'Configuración inválida: PORT = "8788"; se admite un puerto distinto de PORT_TERCERO (8788): la página del tercero debe estar en otro origen.',
      ),
    );
  });

  test('ORIGENES_PERMITIDOS is normalised to what browsers send: trailing "/", upper case, default port', () => {
    expect(leerConfig({ ORIGENES_PERMITIDOS: 'http://localhost:3000/, HTTPS://Portal.Example.com:443' }).config.origenesPermitidos).toEqual([
      'http://localhost:3000',
      'https://portal.example.com',
    ]);
  });

  test.each([
    ['RESEND_API_KEY', 're_abc def', 'una clave de API de Resend (re_…, sin espacios)'],
    ['DATABASE_AUTH_TOKEN', 'tok en', 'un token sin espacios'],
  ])('%s with a space inside → one clear line, the value hidden', (variable, valor, admite) => {
    expect(() => leerConfig({ [variable]: valor })).toThrow(new ErrorConfiguracion(`Configuración inválida: ${variable} = (oculto); se admite ${admite}.`));
  });

  test('ORIGEN_PUBLICO defaults to http://127.0.0.1:$PORT, is normalised like a browser origin, and is always an allowed origin by default', () => {
    expect(leerConfig({ PORT: '9100' }).config).toMatchObject({
      origenPublico: 'http://127.0.0.1:9100',
      origenesPermitidos: ['http://localhost:8788', 'http://127.0.0.1:8788', 'http://127.0.0.1:9100'],
    });
    // With HOST=0.0.0.0 the default is still the loopback origin users reach, not the bind address.
    expect(leerConfig({ HOST: '0.0.0.0' }).config.origenPublico).toBe('http://127.0.0.1:8787');
    expect(leerConfig({ ORIGEN_PUBLICO: 'HTTP://[::1]:8787/' }).config.origenPublico).toBe('http://[::1]:8787');
    expect(leerConfig({ ORIGEN_PUBLICO: 'https://bff.example:8443' }).config.origenesPermitidos).toContain('https://bff.example:8443');
  });

  test('HOST admits names and IPv4 / IPv6 addresses', () => {
    for (const host of ['localhost', '0.0.0.0', '::', '::1', 'bff.example.com']) expect(leerConfig({ HOST: host }).config.host).toBe(host);
  });

  test('blank values count as unset', () => {
    expect(leerConfig({ PORT: '  ', SEED_DEMO: '' }).config).toMatchObject({ puerto: 8787, seedDemo: true });
  });
});

describe('configuration of the production entry (npm run serve)', () => {
  const REQUERIDAS = { ORIGEN_PUBLICO: 'https://ecuapass.example', SECRETO_CODIGOS: SECRETO, RESEND_API_KEY: 're_123' };

  test('with its three required variables: no third-party page, no dev outbox, no demo seed, only its own origin allowed', () => {
    const { config, avisos } = leerConfig(REQUERIDAS, 'produccion');
    expect(config).toMatchObject({
      modo: 'produccion',
      puertoTercero: null,
      bandejaDev: false,
      seedDemo: false,
      origenPublico: 'https://ecuapass.example',
      origenesPermitidos: ['https://ecuapass.example'],
    });
    expect(avisos).toEqual([]);
    // PORT_TERCERO means nothing here, even the value that would collide with PORT in the demo.
    expect(leerConfig({ ...REQUERIDAS, PORT_TERCERO: '8787' }, 'produccion').config.puertoTercero).toBeNull();
  });

  test.each([
    [
      'SECRETO_CODIGOS',
      'Configuración inválida: SECRETO_CODIGOS es obligatorio en producción (npm run serve); todos los procesos deben compartirlo y conservarlo entre arranques; se admite un secreto de al menos 32 caracteres.',
    ],
    [
      'RESEND_API_KEY',
      'Configuración inválida: RESEND_API_KEY es obligatorio en producción (npm run serve); se admite una clave de API de Resend (re_…), o BANDEJA_DEV=1 para guardar los correos en la bandeja de desarrollo sin enviarlos.',
    ],
    [
      'ORIGEN_PUBLICO',
      'Configuración inválida: ORIGEN_PUBLICO es obligatorio en producción (npm run serve); se admite el origen con el que los usuarios llegan al BFF, como https://ecuapass.aduana.gob.ec (esquema, host y puerto; sin ruta).',
    ],
  ])('refuses to start without %s, in one line naming it', (variable, mensaje) => {
    expect(() => leerConfig({ ...REQUERIDAS, [variable]: '' }, 'produccion')).toThrow(new ErrorConfiguracion(mensaje));
  });

  test('refuses an http public origin: users reach it through TLS', () => {
    expect(() => leerConfig({ ...REQUERIDAS, ORIGEN_PUBLICO: 'http://ecuapass.example' }, 'produccion')).toThrow(
      new ErrorConfiguracion(
        'Configuración inválida: ORIGEN_PUBLICO = "http://ecuapass.example"; en producción se admite solo un origen https (el del proxy TLS), como https://ecuapass.aduana.gob.ec.',
      ),
    );
  });

  test.each([['*'], ['https://portal.example, *'], [' * ']])('refuses ORIGENES_PERMITIDOS=%j, in either mode', (valor) => {
    const mensaje =
      'Configuración inválida: ORIGENES_PERMITIDOS no admite «*» (cualquier sitio podría leer los datos con la sesión del usuario); se admite una lista de orígenes como https://portal.aduana.gob.ec.';
    expect(() => leerConfig({ ...REQUERIDAS, ORIGENES_PERMITIDOS: valor }, 'produccion')).toThrow(new ErrorConfiguracion(mensaje));
    expect(() => leerConfig({ ORIGENES_PERMITIDOS: valor })).toThrow(new ErrorConfiguracion(mensaje));
  });

  test('the dev outbox only when asked for (BANDEJA_DEV=1), with a warning; never together with a Resend key', () => {
    const { RESEND_API_KEY: _, ...sinResend } = REQUERIDAS;
    const { config, avisos } = leerConfig({ ...sinResend, BANDEJA_DEV: '1' }, 'produccion');
    expect(config).toMatchObject({ bandejaDev: true, resendApiKey: null });
    expect(avisos).toEqual([expect.stringMatching(/^BANDEJA_DEV: los códigos de seguridad .* se ven sin sesión en \/dev\/correos .* el servidor corre en producción/)]);
    expect(() => leerConfig({ ...REQUERIDAS, BANDEJA_DEV: 'si' }, 'produccion')).toThrow(
      new ErrorConfiguracion(
        'Configuración inválida: BANDEJA_DEV está activo y RESEND_API_KEY también; se admite uno de los dos (la bandeja de desarrollo no envía correos).',
      ),
    );
    // In the demo too: BANDEJA_DEV=0 needs a key.
    expect(() => leerConfig({ BANDEJA_DEV: '0' })).toThrow(
      new ErrorConfiguracion('Configuración inválida: BANDEJA_DEV = "0" y no hay RESEND_API_KEY; se admite uno de los dos para enviar los correos.'),
    );
  });

  test('SEED_DEMO=1 is allowed in production, with a warning', () => {
    const { config, avisos } = leerConfig({ ...REQUERIDAS, SEED_DEMO: '1' }, 'produccion');
    expect(config.seedDemo).toBe(true);
    expect(avisos).toEqual(['SEED_DEMO está activo en producción: existen los usuarios de demostración con la contraseña publicada en el README.']);
  });

  test('PORT_METRICAS must differ from PORT (and from PORT_TERCERO in the demo); the message names the variable set', () => {
    expect(() => leerConfig({ ...REQUERIDAS, PORT_METRICAS: '8787' }, 'produccion')).toThrow(
      new ErrorConfiguracion('Configuración inválida: PORT_METRICAS = "8787"; se admite un puerto distinto de PORT (8787): las métricas van en su propio puerto.'),
    );
    expect(() => leerConfig({ PORT_METRICAS: '8788' })).toThrow(
      new ErrorConfiguracion(
        'Configuración inválida: PORT_METRICAS = "8788"; se admite un puerto distinto de PORT_TERCERO (8788): las métricas van en su propio puerto.',
      ),
    );
    expect(leerConfig({ PORT_METRICAS: '9464' }).config.puertoMetricas).toBe(9464);
  });

  test.each([
    ['PORT_METRICAS', 'nueve', 'un número de puerto entre 1 y 65535'],
    ['NIVEL_REGISTRO', 'verboso', 'fatal, error, warn, info, debug, trace, silent'],
    ['RETENCION_AUDITORIA_DIAS', '29', 'un número entero de días entre 30 y 3650'],
    ['RETENCION_AUDITORIA_DIAS', '3651', 'un número entero de días entre 30 y 3650'],
    ['RETENCION_AUDITORIA_DIAS', '1 año', 'un número entero de días entre 30 y 3650'],
    ['BANDEJA_DEV', 'quizas', '1, 0, true, false, si o no'],
  ])('%s=%s stops the start with one clear line', (variable, valor, admite) => {
    expect(() => leerConfig({ [variable]: valor })).toThrow(new ErrorConfiguracion(`Configuración inválida: ${variable} = "${valor}"; se admite ${admite}.`));
  });
});

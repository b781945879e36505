-- Email change (DESIGN §2, §4): security codes, "No reconozco este cambio" links and the dev outbox.
-- No foreign keys to `usuarios`: these tables are also created alone in the modules' tests.

-- Security codes sent to a new address. Only the keyed hash of the code is stored:
-- HMAC-SHA256(SECRETO_CODIGOS, id_usuario|correo|codigo), hex.
CREATE TABLE IF NOT EXISTS codigos_seguridad (
  id          TEXT PRIMARY KEY,
  id_usuario  TEXT NOT NULL,
  correo      TEXT NOT NULL,
  hash_codigo TEXT NOT NULL,
  creado_en   TEXT NOT NULL,
  expira_en   TEXT NOT NULL,
  intentos    INTEGER NOT NULL DEFAULT 0,
  usado_en    TEXT,
  anulado_en  TEXT
);
CREATE INDEX IF NOT EXISTS codigos_seguridad_usuario ON codigos_seguridad (id_usuario, creado_en);

-- One-time links sent to the old address after an email change; only the SHA-256 of the token is stored.
CREATE TABLE IF NOT EXISTS enlaces_reversion (
  hash_token      TEXT PRIMARY KEY,
  id_usuario      TEXT NOT NULL,
  correo_anterior TEXT NOT NULL,
  correo_nuevo    TEXT NOT NULL,
  creado_en       TEXT NOT NULL,
  expira_en       TEXT NOT NULL,
  usado_en        TEXT
);
CREATE INDEX IF NOT EXISTS enlaces_reversion_usuario ON enlaces_reversion (id_usuario);

-- Dev outbox: the messages that would have been sent when RESEND_API_KEY is not set (shown at /dev/correos).
CREATE TABLE IF NOT EXISTS correos_bandeja (
  id                 TEXT PRIMARY KEY,
  para               TEXT NOT NULL,
  asunto             TEXT NOT NULL,
  texto              TEXT NOT NULL,
  html               TEXT NOT NULL,
  clave_idempotencia TEXT NOT NULL UNIQUE,
  creado_en          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS correos_bandeja_creado ON correos_bandeja (creado_en);

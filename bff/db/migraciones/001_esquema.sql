-- Users, sessions, rate-limit counters and the audit log (DESIGN §2, §4).
-- Timestamps are ISO-8601 UTC text ("2026-01-31T12:00:00.000Z"), which sorts chronologically.

CREATE TABLE usuarios (
  id_usuario        TEXT PRIMARY KEY,          -- ID.usuario, lower-case
  documento_tipo    TEXT NOT NULL CHECK (documento_tipo IN ('RUC', 'CEDULA', 'PASAPORTE')),
  documento_numero  TEXT NOT NULL,
  nombre            TEXT NOT NULL,
  pais              TEXT NOT NULL,             -- ISO 3166-1 alpha-2
  provincia         TEXT,                      -- INEC code, only for EC
  ciudad            TEXT,                      -- INEC canton code, only for EC
  direccion         TEXT NOT NULL,
  telefono1         TEXT NOT NULL,
  telefono2         TEXT,
  celular_operadora TEXT NOT NULL,
  celular_numero    TEXT NOT NULL,
  fax               TEXT,
  correo            TEXT NOT NULL,             -- stored lower-case
  estado            TEXT NOT NULL DEFAULT 'ACTIVO' CHECK (estado IN ('ACTIVO', 'BAJA', 'BLOQUEADO')),
  version           INTEGER NOT NULL DEFAULT 1,
  clave_hash        TEXT NOT NULL,             -- argon2id PHC string
  clave_cambiada_en TEXT NOT NULL,
  creado_en         TEXT NOT NULL,
  actualizado_en    TEXT NOT NULL
);

-- One active account per email address (a user in BAJA frees it).
CREATE UNIQUE INDEX usuarios_correo_activo ON usuarios (lower(correo)) WHERE estado <> 'BAJA';

CREATE TABLE sesiones (
  id                 TEXT PRIMARY KEY,         -- random, not secret (logs, audit)
  token_hash         TEXT NOT NULL UNIQUE,     -- SHA-256 of the bearer token, hex
  id_usuario         TEXT NOT NULL REFERENCES usuarios (id_usuario),
  creada_en          TEXT NOT NULL,
  ultimo_uso_en      TEXT NOT NULL,
  expira_en          TEXT NOT NULL,            -- idle limit, moved on every use
  expira_absoluta_en TEXT NOT NULL,            -- creation + 8 h, never moved
  reautenticado_en   TEXT NOT NULL,            -- last password proof
  revocada_en        TEXT,
  ip                 TEXT,
  agente             TEXT
);
CREATE INDEX sesiones_usuario ON sesiones (id_usuario);

-- Fixed-window counters: `conteo` hits since the window opened; the window closes at `expira_ms`.
CREATE TABLE limites (
  clave     TEXT PRIMARY KEY,                  -- e.g. "sesion:tmacay"
  conteo    INTEGER NOT NULL,
  expira_ms INTEGER NOT NULL                   -- epoch milliseconds
);

-- Who did what and when; field names only, never values or secrets.
CREATE TABLE auditoria (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  id_usuario   TEXT NOT NULL,
  evento       TEXT NOT NULL,
  campos       TEXT NOT NULL DEFAULT '[]',     -- JSON array of field names
  ip           TEXT,
  agente       TEXT,
  id_solicitud TEXT,
  creado_en    TEXT NOT NULL
);
CREATE INDEX auditoria_usuario ON auditoria (id_usuario, creado_en DESC, id DESC);

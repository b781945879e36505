-- Baja requests (seed §5.8) and notices the provider did not take (DESIGN §4).

-- One row per "Solicitud de baja": the account goes to estado BAJA; nothing is deleted.
CREATE TABLE solicitudes_baja (
  id          TEXT PRIMARY KEY,                -- random, shown to the user and in the email
  id_usuario  TEXT NOT NULL REFERENCES usuarios (id_usuario),
  motivo      TEXT NOT NULL,
  estado      TEXT NOT NULL DEFAULT 'REGISTRADA' CHECK (estado IN ('REGISTRADA')),
  creada_en   TEXT NOT NULL
);
CREATE INDEX solicitudes_baja_usuario ON solicitudes_baja (id_usuario);

-- Notices (email change, password change, baja) that could not be sent after the change was saved.
-- The change stands; the row makes the failure visible to operators (no message body, no link:
-- the revert link is a secret). `tipo` is the notice, `detalle` the provider's error.
CREATE TABLE avisos_fallidos (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  id_usuario  TEXT NOT NULL,
  tipo        TEXT NOT NULL,
  para        TEXT NOT NULL,
  detalle     TEXT NOT NULL,
  creado_en   TEXT NOT NULL
);

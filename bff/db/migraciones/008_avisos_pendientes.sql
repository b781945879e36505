-- Faults that do not go away at once (issue 14): notices through a transactional outbox, and
-- security codes that count only once the provider took them.

-- Notices owed (email changed, password changed, baja, unblock link): written in the same write
-- batch as the change they tell about, delivered by the sender of any BFF process
-- (bff/services/despachador.ts), then deleted; after the last try, moved to `avisos_fallidos`.
-- `contenido` is the message (subject, HTML, text) sealed with AES-256-GCM under a key derived from
-- SECRETO_CODIGOS: the revert and unblock links are secrets and the database keeps no plain token.
-- A sender claims rows with a lease (`reservado_por`, `reservado_hasta_ms`): two processes never
-- send one row at the same time, and the lease of a crashed process runs out.
CREATE TABLE avisos_pendientes (
  id                 TEXT PRIMARY KEY,   -- random; `aviso:<id>` is the provider's Idempotency-Key
  id_usuario         TEXT NOT NULL,
  tipo               TEXT NOT NULL,      -- CORREO_MODIFICADO, CLAVE_MODIFICADA, BAJA_SOLICITADA, RESTABLECIMIENTO
  para               TEXT NOT NULL,
  contenido          TEXT NOT NULL,
  id_solicitud       TEXT,
  creado_en          TEXT NOT NULL,
  intentos           INTEGER NOT NULL DEFAULT 0,
  proximo_ms         INTEGER NOT NULL,   -- not before this time (epoch ms)
  reservado_por      TEXT,
  reservado_hasta_ms INTEGER NOT NULL DEFAULT 0,
  ultimo_error       TEXT
);
CREATE INDEX avisos_pendientes_proximo ON avisos_pendientes (proximo_ms);

-- A code is stored pending (NULL) before it is sent and becomes usable, and counts for the limits,
-- once the provider accepted it. Codes stored before this migration were sent.
ALTER TABLE codigos_seguridad ADD COLUMN enviado_en TEXT;
UPDATE codigos_seguridad SET enviado_en = creado_en;

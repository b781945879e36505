-- Data retention (docs/operacion.md, «Retención de datos»): the purge finds what it deletes through
-- these indexes, and one row per scheduled task says which BFF process may run it until when.

CREATE INDEX IF NOT EXISTS sesiones_expira ON sesiones (expira_en);
CREATE INDEX IF NOT EXISTS sesiones_revocada ON sesiones (revocada_en) WHERE revocada_en IS NOT NULL;
CREATE INDEX IF NOT EXISTS codigos_seguridad_expira ON codigos_seguridad (expira_en);
CREATE INDEX IF NOT EXISTS enlaces_reversion_expira ON enlaces_reversion (expira_en);
CREATE INDEX IF NOT EXISTS enlaces_restablecimiento_expira ON enlaces_restablecimiento (expira_en);
CREATE INDEX IF NOT EXISTS auditoria_creado ON auditoria (creado_en);
CREATE INDEX IF NOT EXISTS avisos_fallidos_creado ON avisos_fallidos (creado_en);

-- A lease: `titular` (a process's random id) holds the task `nombre` until `vence_ms` (epoch ms).
CREATE TABLE arrendamientos (
  nombre   TEXT PRIMARY KEY,
  titular  TEXT NOT NULL,
  vence_ms INTEGER NOT NULL
);

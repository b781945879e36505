-- Security review (issue 8): the name as first registered, coalesced audit rows, purgeable counters.

-- The name as first registered (DESIGN §2): a correction is measured against it, so corrections
-- cannot add up to another name. Filled from the current name for existing users; stored once at
-- insert (a registration that does not set it gets the name it registers) and never changed.
ALTER TABLE usuarios ADD COLUMN nombre_registrado TEXT;
UPDATE usuarios SET nombre_registrado = nombre;
CREATE TRIGGER usuarios_nombre_registrado_al_insertar AFTER INSERT ON usuarios
  WHEN NEW.nombre_registrado IS NULL
BEGIN
  UPDATE usuarios SET nombre_registrado = NEW.nombre WHERE id_usuario = NEW.id_usuario;
END;
CREATE TRIGGER usuarios_nombre_registrado_fijo BEFORE UPDATE OF nombre_registrado ON usuarios
  WHEN OLD.nombre_registrado IS NOT NULL AND NEW.nombre_registrado IS NOT OLD.nombre_registrado
BEGIN
  SELECT RAISE(ABORT, 'nombre_registrado no se modifica');
END;

-- Repeated events of one kind (failed logins, limit hits) share one row per window: `agrupacion`
-- names the kind and the window, `conteo` says how many times it happened.
ALTER TABLE auditoria ADD COLUMN conteo INTEGER NOT NULL DEFAULT 1;
ALTER TABLE auditoria ADD COLUMN agrupacion TEXT;
CREATE UNIQUE INDEX auditoria_agrupacion ON auditoria (id_usuario, agrupacion) WHERE agrupacion IS NOT NULL;

-- Expired counters are deleted a few at a time; this index finds them without a scan.
CREATE INDEX limites_expira ON limites (expira_ms);

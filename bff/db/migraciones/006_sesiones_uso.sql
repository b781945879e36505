-- Open sessions the user can see and end (GET /api/sesiones, DELETE /api/sesiones/otras).
-- `ip` stays the address of the login; `ultima_ip` is the one of the latest request, so a token
-- used from somewhere else shows up in the list.
ALTER TABLE sesiones ADD COLUMN ultima_ip TEXT;

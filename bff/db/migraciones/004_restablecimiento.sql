-- "No reconozco este cambio" without loopholes (issue 8): using one revert link voids the account's
-- other pending ones, and the blocked account is unblocked only through a one-time password-reset
-- link sent to the restored address.

-- When a pending revert link was voided because another link of the same account was used.
ALTER TABLE enlaces_reversion ADD COLUMN anulado_en TEXT;

-- One-time password-reset links (1 hour) for a BLOQUEADO account; only the SHA-256 of the token is stored.
CREATE TABLE enlaces_restablecimiento (
  hash_token  TEXT PRIMARY KEY,
  id_usuario  TEXT NOT NULL REFERENCES usuarios (id_usuario),
  correo      TEXT NOT NULL,                   -- the address it was sent to
  creado_en   TEXT NOT NULL,
  expira_en   TEXT NOT NULL,
  usado_en    TEXT,
  anulado_en  TEXT                             -- a newer link for the same account replaced it
);
CREATE INDEX enlaces_restablecimiento_usuario ON enlaces_restablecimiento (id_usuario, creado_en);

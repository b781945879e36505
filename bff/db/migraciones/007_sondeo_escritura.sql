-- One row that GET /api/salud and the start rewrite in place: proof that the database takes
-- writes (a read-only file, a failing disk), not only reads.
CREATE TABLE sondeo_escritura (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  escrito_en TEXT NOT NULL
);

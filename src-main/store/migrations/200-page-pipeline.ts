import type { Migration } from '../migration.js';

/**
 * The page pipeline's durable state. Every page row gets a `page_processing` row in the same
 * transaction that lands it (trigger), so no acquisition path — scanner, import, spool recovery,
 * bulk job, another process — can land a page the pipeline never hears of. Pages stored before
 * this migration are queued too. The processed image and thumbnail are separate blobs: the
 * original scan (`pages.blob_sha256`) is never replaced.
 *
 * `profile` is the imaging profile name (NULL: the station's configured one), `overrides` its per-page changes (JSON), `ocr` 0 skips
 * recognition (bulk speed runs). `generation` increases whenever a page is queued again (the clerk rotated it, or asked for a
 * re-run); a worker commits its result only if the generation it started with is still current,
 * so a stale result never overwrites a newer request.
 */
export const migration: Migration = {
  up: `
CREATE TABLE page_processing (
  page_id          INTEGER PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  state            TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'processing', 'done', 'failed')),
  profile          TEXT,
  overrides        TEXT NOT NULL DEFAULT '{}',
  ocr              INTEGER NOT NULL DEFAULT 1,
  generation       INTEGER NOT NULL DEFAULT 0,
  attempts         INTEGER NOT NULL DEFAULT 0,
  completions      INTEGER NOT NULL DEFAULT 0,
  claimed_by       TEXT,
  not_before       TEXT,
  error            TEXT,
  processed_sha256 TEXT REFERENCES blobs(sha256),
  processed_mime   TEXT,
  thumbnail_sha256 TEXT REFERENCES blobs(sha256),
  width            INTEGER,
  height           INTEGER,
  dpi              INTEGER,
  decisions        TEXT,
  flags            TEXT NOT NULL DEFAULT '[]',
  ocr_confidence   REAL,
  queued_at        TEXT NOT NULL,
  started_at       TEXT,
  finished_at      TEXT
);
CREATE INDEX page_processing_queue ON page_processing (state, queued_at);

CREATE TRIGGER pages_enter_pipeline AFTER INSERT ON pages
BEGIN
  INSERT INTO page_processing (page_id, queued_at) VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

INSERT INTO page_processing (page_id, queued_at) SELECT id, acquired_at FROM pages;

-- Where on the page a field was read, and whether its value passed the domain's checks.
ALTER TABLE extracted_fields ADD COLUMN kind TEXT;
ALTER TABLE extracted_fields ADD COLUMN source_text TEXT;
ALTER TABLE extracted_fields ADD COLUMN box TEXT;
ALTER TABLE extracted_fields ADD COLUMN valid INTEGER;
`,
};

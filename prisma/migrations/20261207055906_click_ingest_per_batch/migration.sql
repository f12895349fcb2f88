-- The click ingest's idempotency moves from a unique key per click to one row per batch, and the
-- per-row foreign keys of click and link_daily_visitor give way to one lock per link per batch plus
-- a trigger that removes a deleted link's rows (server/links/analytics/ingest-clicks.ts).

-- Batches ingested lately keep their identity, so one redelivered across this migration counts once.
CREATE TABLE "click_ingested_batch" (
    "id" TEXT NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "click_ingested_batch_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "click_ingested_batch_ingestedAt_idx" ON "click_ingested_batch"("ingestedAt");

INSERT INTO "click_ingested_batch" ("id")
SELECT DISTINCT split_part("eventId", '/', 1) FROM "click"
WHERE "occurredAt" > CURRENT_TIMESTAMP - interval '2 days';

ALTER TABLE "click" DROP CONSTRAINT "click_linkId_fkey";

ALTER TABLE "link_daily_visitor" DROP CONSTRAINT "link_daily_visitor_linkId_fkey";

DROP INDEX "click_eventId_key";

ALTER TABLE "click" DROP COLUMN "eventId";

-- What ON DELETE CASCADE did, once per statement instead of per row (a link deleted by itself, or
-- with its owner's account through link_ownerId_fkey).
CREATE FUNCTION "link_deleted_drop_clicks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "click" c USING gone g WHERE c."linkId" = g."id";
  DELETE FROM "link_daily_visitor" v USING gone g WHERE v."linkId" = g."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "link_deleted_drop_clicks" AFTER DELETE ON "link"
REFERENCING OLD TABLE AS gone
FOR EACH STATEMENT EXECUTE FUNCTION "link_deleted_drop_clicks"();

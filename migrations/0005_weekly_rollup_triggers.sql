-- Keeps test_week_counts in step with samples, per statement (bulk imports pay once per batch, not per row).
-- Groups are upserted in key order so that concurrent writers lock counter rows in the same order.
-- Samples are never deleted, and their week, test type, provider and person never change after insert;
-- only the answer does, which the update trigger moves between the result columns.
CREATE FUNCTION samples_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH fresh AS (
    INSERT INTO test_week_persons (region_id, week, test_type, other, person_id)
    SELECT DISTINCT region_id, taken_week, test_type, provider IS NOT NULL, person_id FROM new_rows
    ON CONFLICT DO NOTHING
    RETURNING region_id, week, test_type, other
  ), delta AS (
    SELECT region_id, taken_week AS week, test_type, provider IS NOT NULL AS other, count(*) AS tests, 0 AS individuals,
      count(*) FILTER (WHERE result = 'positive') AS positive, count(*) FILTER (WHERE result = 'negative') AS negative,
      count(*) FILTER (WHERE result = 'not_assessable') AS not_assessable, count(*) FILTER (WHERE result IS NULL) AS pending
    FROM new_rows GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT region_id, week, test_type, other, 0, count(*), 0, 0, 0, 0 FROM fresh GROUP BY 1, 2, 3, 4
  )
  INSERT INTO test_week_counts (region_id, week, test_type, other, tests, individuals, positive, negative, not_assessable, pending)
  SELECT region_id, week, test_type, other, sum(tests), sum(individuals), sum(positive), sum(negative), sum(not_assessable), sum(pending)
  FROM delta GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (region_id, week, test_type, other) DO UPDATE SET
    tests = test_week_counts.tests + excluded.tests,
    individuals = test_week_counts.individuals + excluded.individuals,
    positive = test_week_counts.positive + excluded.positive,
    negative = test_week_counts.negative + excluded.negative,
    not_assessable = test_week_counts.not_assessable + excluded.not_assessable,
    pending = test_week_counts.pending + excluded.pending;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION samples_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO test_week_counts (region_id, week, test_type, other, tests, individuals, positive, negative, not_assessable, pending)
  SELECT n.region_id, n.taken_week, n.test_type, n.provider IS NOT NULL, 0, 0,
    count(*) FILTER (WHERE n.result = 'positive') - count(*) FILTER (WHERE o.result = 'positive'),
    count(*) FILTER (WHERE n.result = 'negative') - count(*) FILTER (WHERE o.result = 'negative'),
    count(*) FILTER (WHERE n.result = 'not_assessable') - count(*) FILTER (WHERE o.result = 'not_assessable'),
    count(*) FILTER (WHERE n.result IS NULL) - count(*) FILTER (WHERE o.result IS NULL)
  FROM new_rows n JOIN old_rows o ON o.region_id = n.region_id AND o.id = n.id
  WHERE o.result IS DISTINCT FROM n.result
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (region_id, week, test_type, other) DO UPDATE SET
    positive = test_week_counts.positive + excluded.positive,
    negative = test_week_counts.negative + excluded.negative,
    not_assessable = test_week_counts.not_assessable + excluded.not_assessable,
    pending = test_week_counts.pending + excluded.pending;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER samples_rollup_insert AFTER INSERT ON samples REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION samples_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER samples_rollup_update AFTER UPDATE ON samples REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION samples_rollup_update();
--> statement-breakpoint
-- Samples written before this migration.
INSERT INTO test_week_persons (region_id, week, test_type, other, person_id)
SELECT DISTINCT region_id, taken_week, test_type, provider IS NOT NULL, person_id FROM samples ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO test_week_counts (region_id, week, test_type, other, tests, individuals, positive, negative, not_assessable, pending)
SELECT s.region_id, s.taken_week, s.test_type, s.provider IS NOT NULL, count(*), count(DISTINCT s.person_id),
  count(*) FILTER (WHERE s.result = 'positive'), count(*) FILTER (WHERE s.result = 'negative'),
  count(*) FILTER (WHERE s.result = 'not_assessable'), count(*) FILTER (WHERE s.result IS NULL)
FROM samples s GROUP BY 1, 2, 3, 4
ON CONFLICT DO NOTHING;

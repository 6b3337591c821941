-- How many people have each status, and each status and destination country: what the dashboard
-- shows on every visit and the list's country counts show for a status filter. Summing them from
-- fugitive_facet_count (V4) means unnesting every set of destinations on every request: 3 857
-- sets, 10 307 country entries and 4-9 ms of PostgreSQL's time at a million people, more than the
-- whole of a page without data costs.
--
-- The tallies are kept from fugitive_facet_count by a statement trigger, as rows of changes
-- (deltas) that are only ever inserted: a total is the sum of its key's rows. Updating one row a
-- status would make every writer of a person queue on it until commit, and two writers that each
-- change people in two statements (a status, then destinations) could then wait on each other.
-- Inserted rows lock nothing. compact_fugitive_tallies() folds the rows into one per key
-- (FugitiveTallies runs it every minute), so a read sums a few dozen rows.
CREATE TABLE fugitive_status_tally (
    status    VARCHAR(12) NOT NULL,
    fugitives BIGINT      NOT NULL
);

CREATE TABLE fugitive_country_tally (
    status       VARCHAR(12) NOT NULL,
    country_code TEXT        NOT NULL,
    fugitives    BIGINT      NOT NULL
);

-- One definition of what the tallies count, for the trigger's changes and the rebuild alike:
-- each (status, destinations, fugitives) row counts its people once for the status and once for
-- each country of the set (a change arrives as such rows, with fewer people as a negative number).
CREATE FUNCTION fugitive_tallies_add(p_counts fugitive_facet_count[]) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO fugitive_status_tally (status, fugitives)
    SELECT c.status, sum(c.fugitives) FROM unnest(p_counts) AS c
     GROUP BY c.status HAVING sum(c.fugitives) <> 0;
    INSERT INTO fugitive_country_tally (status, country_code, fugitives)
    SELECT u.status, u.country_code, sum(u.fugitives)
      FROM (SELECT c.status, unnest(c.destinations) AS country_code, c.fugitives FROM unnest(p_counts) AS c) u
     GROUP BY u.status, u.country_code HAVING sum(u.fugitives) <> 0;
$$;

CREATE FUNCTION fugitive_facet_count_changed() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM fugitive_tallies_add(ARRAY(SELECT n::fugitive_facet_count FROM new_counts n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM fugitive_tallies_add(ARRAY(SELECT ROW(o.status, o.destinations, -o.fugitives)::fugitive_facet_count
                                           FROM old_counts o));
    ELSE
        PERFORM fugitive_tallies_add(ARRAY(SELECT n::fugitive_facet_count FROM new_counts n
                                           UNION ALL
                                           SELECT ROW(o.status, o.destinations, -o.fugitives)::fugitive_facet_count
                                           FROM old_counts o));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER fugitive_facet_count_insert AFTER INSERT ON fugitive_facet_count
    REFERENCING NEW TABLE AS new_counts
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_facet_count_changed();
CREATE TRIGGER fugitive_facet_count_update AFTER UPDATE ON fugitive_facet_count
    REFERENCING OLD TABLE AS old_counts NEW TABLE AS new_counts
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_facet_count_changed();
CREATE TRIGGER fugitive_facet_count_delete AFTER DELETE ON fugitive_facet_count
    REFERENCING OLD TABLE AS old_counts
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_facet_count_changed();

-- The tallies anew from fugitive_facet_count, for whoever rewrote it with the triggers off.
CREATE FUNCTION rebuild_fugitive_tallies() RETURNS VOID
    LANGUAGE sql AS $$
    DELETE FROM fugitive_status_tally;
    DELETE FROM fugitive_country_tally;
    SELECT fugitive_tallies_add(ARRAY(SELECT k FROM fugitive_facet_count k));
$$;

-- The synthetic loader and remover rewrite the facet counts with the triggers off (V8): the
-- tallies follow in the same call. With the triggers on, the tallies' own trigger has already
-- counted the rewrite; rebuilding replaces its rows with the same totals.
CREATE OR REPLACE FUNCTION rebuild_fugitive_facet_count() RETURNS VOID
    LANGUAGE sql AS $$
    DELETE FROM fugitive_facet_count;
    INSERT INTO fugitive_facet_count (status, destinations, fugitives)
    SELECT status, destinations, count(*) FROM fugitive GROUP BY status, destinations ORDER BY 1, 2;
    SELECT rebuild_fugitive_tallies();
$$;

-- One row per key, and none for a key whose people add up to none. Rows another transaction
-- inserts meanwhile are not yet visible to the DELETE, so they stay and are folded next time;
-- two compactions at once leave the rows the first folded to the first.
CREATE FUNCTION compact_fugitive_tallies() RETURNS VOID
    LANGUAGE sql AS $$
    WITH folded AS (DELETE FROM fugitive_status_tally RETURNING status, fugitives)
    INSERT INTO fugitive_status_tally (status, fugitives)
    SELECT status, sum(fugitives) FROM folded GROUP BY status HAVING sum(fugitives) <> 0;
    WITH folded AS (DELETE FROM fugitive_country_tally RETURNING status, country_code, fugitives)
    INSERT INTO fugitive_country_tally (status, country_code, fugitives)
    SELECT status, country_code, sum(fugitives) FROM folded GROUP BY status, country_code HAVING sum(fugitives) <> 0;
$$;

SELECT rebuild_fugitive_tallies();

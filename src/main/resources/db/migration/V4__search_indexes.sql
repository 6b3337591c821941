-- Filtering and text search of fugitives (GET /fugitives, /fugitives.csv, /api/v1/fugitives).
-- Every filter and every sort the list offers has an index here or in V2:
--   country    fugitive_destination_country_idx (country_code, fugitive_id)   [V2]
--   status     fugitive_status_name_idx (status, name, id): filter, and sort=status / status + name order
--   q          fugitive_search_text_trgm_idx: GIN trigram index over the normalised search_text
--   operation  list_membership_list_idx (wanted_list_id, fugitive_id), wanted_list_operation_idx
--   sort=name  fugitive_name_idx (name, id)                                   [V2]
--   sort=fled  fugitive_fled_idx (asc, undated last), fugitive_fled_desc_idx (desc, undated last)
-- and the counts of the page (total, per status, per country) come from fugitive_facet_count, an
-- exact summary kept by triggers, whenever the filter is only by country and status (below).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary can be changed), so it may not be used where
-- PostgreSQL needs an IMMUTABLE function. This wrapper names the dictionary explicitly, which
-- makes the result depend on its argument only; it is the one place that defines what "case- and
-- accent-insensitive" means, for the stored search text and for the query alike.
CREATE FUNCTION search_normalise(t TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

-- What `q` searches: the name in every script, the aliases, the former position and organisation,
-- normalised. A generated column cannot read fugitive_alias, so the column is maintained by
-- triggers: a row trigger on fugitive (insert, or update of a searched column) and statement
-- triggers on fugitive_alias (one UPDATE per statement, not per alias row, so bulk loads stay
-- cheap). The application never writes it; Hibernate does not map it.
ALTER TABLE fugitive ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE FUNCTION fugitive_search_text(p_id BIGINT, p_name TEXT, p_native_name TEXT, p_position TEXT,
                                     p_organisation TEXT) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT search_normalise(concat_ws(' ', p_name, p_native_name, p_position, p_organisation,
        (SELECT string_agg(a.alias, ' ' ORDER BY a.alias) FROM fugitive_alias a WHERE a.fugitive_id = p_id)))
$$;

CREATE FUNCTION fugitive_search_text_row() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := fugitive_search_text(NEW.id, NEW.name, NEW.native_name, NEW.former_position,
                                            NEW.former_organisation);
    RETURN NEW;
END
$$;

CREATE TRIGGER fugitive_search_text_insert BEFORE INSERT ON fugitive
    FOR EACH ROW EXECUTE FUNCTION fugitive_search_text_row();
CREATE TRIGGER fugitive_search_text_update
    BEFORE UPDATE OF name, native_name, former_position, former_organisation ON fugitive
    FOR EACH ROW EXECUTE FUNCTION fugitive_search_text_row();

CREATE FUNCTION fugitive_alias_search_text() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    -- plpgsql plans each statement when it first runs, so the branch of a transition table the
    -- firing trigger does not declare is never planned.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE fugitive f
           SET search_text = fugitive_search_text(f.id, f.name, f.native_name, f.former_position, f.former_organisation)
         WHERE f.id IN (SELECT fugitive_id FROM new_aliases);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE fugitive f
           SET search_text = fugitive_search_text(f.id, f.name, f.native_name, f.former_position, f.former_organisation)
         WHERE f.id IN (SELECT fugitive_id FROM old_aliases);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER fugitive_alias_search_text_insert AFTER INSERT ON fugitive_alias
    REFERENCING NEW TABLE AS new_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_alias_search_text();
CREATE TRIGGER fugitive_alias_search_text_update AFTER UPDATE ON fugitive_alias
    REFERENCING OLD TABLE AS old_aliases NEW TABLE AS new_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_alias_search_text();
CREATE TRIGGER fugitive_alias_search_text_delete AFTER DELETE ON fugitive_alias
    REFERENCING OLD TABLE AS old_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_alias_search_text();

UPDATE fugitive f
   SET search_text = fugitive_search_text(f.id, f.name, f.native_name, f.former_position, f.former_organisation);

-- LIKE '%fragment%' over search_text. Trigrams cover Latin and Chinese script alike (the
-- database's UTF-8 ctype counts CJK ideographs as letters); a fragment shorter than three
-- characters yields no trigram, so it is answered by a scan of the index instead of a lookup.
CREATE INDEX fugitive_search_text_trgm_idx ON fugitive USING gin (search_text gin_trgm_ops);

CREATE INDEX fugitive_status_name_idx ON fugitive (status, name, id);
CREATE INDEX fugitive_fled_idx ON fugitive (fled_date ASC NULLS LAST, id ASC);
CREATE INDEX fugitive_fled_desc_idx ON fugitive (fled_date DESC NULLS LAST, id DESC);

CREATE INDEX list_membership_list_idx ON list_membership (wanted_list_id, fugitive_id);
CREATE INDEX wanted_list_operation_idx ON wanted_list (operation_id);

-- Each person's destination countries as a sorted array, kept by statement triggers on
-- fugitive_destination (which stays the table the application writes). The list reads it
-- instead of aggregating per row, and fugitive_facet_count groups by it. A bulk loader that
-- writes the same array in its INSERT INTO fugitive avoids a second write of each row: the
-- trigger only updates rows whose array changes.
ALTER TABLE fugitive ADD COLUMN destinations TEXT[] NOT NULL DEFAULT '{}';
UPDATE fugitive f
   SET destinations = ARRAY(SELECT d.country_code::text FROM fugitive_destination d
                            WHERE d.fugitive_id = f.id ORDER BY d.country_code);

CREATE FUNCTION fugitive_destinations_refresh(ids BIGINT[]) RETURNS VOID
    LANGUAGE sql AS $$
    WITH fresh AS (
        SELECT t.id, ARRAY(SELECT d.country_code::text FROM fugitive_destination d
                           WHERE d.fugitive_id = t.id ORDER BY d.country_code) AS destinations
        FROM unnest(ids) AS t(id))
    UPDATE fugitive f SET destinations = fresh.destinations
      FROM fresh
     WHERE f.id = fresh.id AND f.destinations IS DISTINCT FROM fresh.destinations
$$;

CREATE FUNCTION fugitive_destination_changed() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE fugitive SET destinations = '{}' WHERE destinations <> '{}';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM fugitive_destinations_refresh(ARRAY(SELECT DISTINCT fugitive_id FROM new_destinations));
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM fugitive_destinations_refresh(ARRAY(SELECT DISTINCT fugitive_id FROM old_destinations));
    END IF;
    RETURN NULL;
END
$$;

-- The counts behind the facets and the total: how many people have each status and each exact
-- set of destinations. A handful of rows (3 statuses x the destination sets in use) answer every
-- filter by country and status: the total is the sum over the rows whose set meets the chosen
-- countries, a country's count the sum over the sets that contain it. Kept exact by statement
-- triggers on fugitive, in the writing transaction, so a count never disagrees with the rows
-- (the application never writes it). Rows that fall to 0 stay; they add nothing. Concurrent
-- writers of people with the same status and destinations queue on one summary row until commit:
-- fine for an admin's edits and for bulk loads (one statement, one update per group).
CREATE TABLE fugitive_facet_count (
    status       VARCHAR(12) NOT NULL,
    destinations TEXT[]      NOT NULL,
    fugitives    BIGINT      NOT NULL,
    PRIMARY KEY (status, destinations)
);
INSERT INTO fugitive_facet_count (status, destinations, fugitives)
SELECT status, destinations, count(*) FROM fugitive GROUP BY status, destinations;

CREATE FUNCTION fugitive_counted() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    -- Upserts in key order, so that concurrent writers lock summary rows in the same order.
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM fugitive_facet_count;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO fugitive_facet_count AS c (status, destinations, fugitives)
        SELECT status, destinations, count(*) FROM new_fugitives GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (status, destinations) DO UPDATE SET fugitives = c.fugitives + excluded.fugitives;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE fugitive_facet_count c SET fugitives = c.fugitives - g.n
          FROM (SELECT status, destinations, count(*) AS n FROM old_fugitives GROUP BY 1, 2) g
         WHERE c.status = g.status AND c.destinations = g.destinations;
    ELSE
        INSERT INTO fugitive_facet_count AS c (status, destinations, fugitives)
        SELECT status, destinations, sum(delta)
          FROM (SELECT o.status, o.destinations, -1 AS delta
                  FROM old_fugitives o JOIN new_fugitives n ON n.id = o.id
                 WHERE o.status <> n.status OR o.destinations <> n.destinations
                UNION ALL
                SELECT n.status, n.destinations, 1
                  FROM old_fugitives o JOIN new_fugitives n ON n.id = o.id
                 WHERE o.status <> n.status OR o.destinations <> n.destinations) d
         GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
        ON CONFLICT (status, destinations) DO UPDATE SET fugitives = c.fugitives + excluded.fugitives;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER fugitive_counted_insert AFTER INSERT ON fugitive
    REFERENCING NEW TABLE AS new_fugitives
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_counted();
CREATE TRIGGER fugitive_counted_update AFTER UPDATE ON fugitive
    REFERENCING OLD TABLE AS old_fugitives NEW TABLE AS new_fugitives
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_counted();
CREATE TRIGGER fugitive_counted_delete AFTER DELETE ON fugitive
    REFERENCING OLD TABLE AS old_fugitives
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_counted();
CREATE TRIGGER fugitive_counted_truncate AFTER TRUNCATE ON fugitive
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_counted();

CREATE TRIGGER fugitive_destination_insert AFTER INSERT ON fugitive_destination
    REFERENCING NEW TABLE AS new_destinations
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_destination_changed();
CREATE TRIGGER fugitive_destination_update AFTER UPDATE ON fugitive_destination
    REFERENCING OLD TABLE AS old_destinations NEW TABLE AS new_destinations
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_destination_changed();
CREATE TRIGGER fugitive_destination_delete AFTER DELETE ON fugitive_destination
    REFERENCING OLD TABLE AS old_destinations
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_destination_changed();
CREATE TRIGGER fugitive_destination_truncate AFTER TRUNCATE ON fugitive_destination
    FOR EACH STATEMENT EXECUTE FUNCTION fugitive_destination_changed();

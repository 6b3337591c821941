-- Filtering and text search of fugitives (GET /fugitives, /fugitives.csv, /api/v1/fugitives).
-- Every filter and every sort the list offers has an index here or in V2:
--   country    fugitive_destination_country_idx (country_code, fugitive_id)   [V2]
--   status     fugitive_status_name_idx (status, name, id): filter, and sort=status / status + name order
--   q          fugitive_search_text_trgm_idx: GIN trigram index over the normalised search_text
--   operation  list_membership_list_idx (wanted_list_id, fugitive_id), wanted_list_operation_idx
--   sort=name  fugitive_name_idx (name, id)                                   [V2]
--   sort=fled  fugitive_fled_idx (asc, undated last), fugitive_fled_desc_idx (desc, undated last)

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

-- One definition, as a function, of each rule that SQL applies in more than one place:
-- - the values derived from a fugitive's other data (search text, destinations), each a function of
--   the values it is derived from. V4's triggers store them through these functions, and so does the
--   synthetic-data loader, which writes with the triggers off: it asks them for each row's values;
-- - the period a partial date covers, which the reconciliation of reported figures tests.

-- What `q` searches (search_text): the name in every script, the former position and organisation
-- and the aliases (joined by spaces; NULL for none), normalised by search_normalise(). STABLE, as
-- concat_ws() is, so that PostgreSQL can inline it into the statement that calls it.
CREATE FUNCTION fugitive_search_text_of(p_name TEXT, p_native_name TEXT, p_position TEXT, p_organisation TEXT,
                                        p_aliases TEXT) RETURNS TEXT
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT search_normalise(concat_ws(' ', p_name, p_native_name, p_position, p_organisation, p_aliases)) $$;

-- The search text of a stored fugitive (V4's triggers call this): its aliases, in alphabetical order.
CREATE OR REPLACE FUNCTION fugitive_search_text(p_id BIGINT, p_name TEXT, p_native_name TEXT, p_position TEXT,
                                                p_organisation TEXT) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT fugitive_search_text_of(p_name, p_native_name, p_position, p_organisation,
        (SELECT string_agg(a.alias, ' ' ORDER BY a.alias) FROM fugitive_alias a WHERE a.fugitive_id = p_id))
$$;

-- The destinations column: the codes of the person's destination countries, sorted, so that equal
-- sets are equal arrays (fugitive_facet_count groups by them).
CREATE FUNCTION fugitive_destinations_of(p_codes TEXT[]) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY(SELECT c FROM unnest(p_codes) AS c ORDER BY c) $$;

-- V4's refresh of the column after a change to fugitive_destination, through the function above.
CREATE OR REPLACE FUNCTION fugitive_destinations_refresh(ids BIGINT[]) RETURNS VOID
    LANGUAGE sql AS $$
    WITH fresh AS (
        SELECT t.id, fugitive_destinations_of(ARRAY(SELECT d.country_code::text FROM fugitive_destination d
                                                     WHERE d.fugitive_id = t.id)) AS destinations
        FROM unnest(ids) AS t(id))
    UPDATE fugitive f SET destinations = fresh.destinations
      FROM fresh
     WHERE f.id = fresh.id AND f.destinations IS DISTINCT FROM fresh.destinations
$$;

-- V8's set-based copy of both rules, for a loader that filled the columns after its COPY. The loader
-- writes them with the rows instead, and nothing calls it.
DROP FUNCTION refresh_synthetic_fugitive_derived_data();

-- The last day of a partial date's period, as PartialDate.latestDay() has it: the day itself, the
-- last day of the month, 31 December. Partial dates are stored as the first day of their period
-- (partial_date_ok, V2); a date inside the period gives the same answer. NULL for an unknown
-- precision. What the reconciliation of reported figures tests periods with.
CREATE FUNCTION partial_date_last_day(d DATE, prec VARCHAR) RETURNS DATE
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE prec
        WHEN 'YEAR'  THEN (date_trunc('year', d::timestamp) + interval '1 year')::date - 1
        WHEN 'MONTH' THEN (date_trunc('month', d::timestamp) + interval '1 month')::date - 1
        WHEN 'DAY'   THEN d
    END
$$;

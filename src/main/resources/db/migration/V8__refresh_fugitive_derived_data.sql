-- The synthetic loader (and its remover) write with triggers off (session_replication_role =
-- replica) for speed, so the columns and the summary V4's triggers keep must be brought up to date
-- afterwards, set-based: one pass over the loaded fugitives and one rebuild of the facet counts.

CREATE FUNCTION rebuild_fugitive_facet_count() RETURNS VOID
    LANGUAGE sql AS $$
    DELETE FROM fugitive_facet_count;
    INSERT INTO fugitive_facet_count (status, destinations, fugitives)
    SELECT status, destinations, count(*) FROM fugitive GROUP BY status, destinations ORDER BY 1, 2;
$$;

-- Same text as fugitive_search_text(), computed with joins instead of a lookup per row.
CREATE FUNCTION refresh_synthetic_fugitive_derived_data() RETURNS VOID
    LANGUAGE sql AS $$
    UPDATE fugitive f
       SET destinations = coalesce(d.destinations, '{}'),
           search_text = search_normalise(concat_ws(' ', f.name, f.native_name, f.former_position,
                                                    f.former_organisation, a.aliases))
      FROM fugitive s
      LEFT JOIN (SELECT fd.fugitive_id, array_agg(fd.country_code::text ORDER BY fd.country_code) AS destinations
                   FROM fugitive_destination fd JOIN fugitive x ON x.id = fd.fugitive_id AND x.synthetic
                  GROUP BY fd.fugitive_id) d ON d.fugitive_id = s.id
      LEFT JOIN (SELECT fa.fugitive_id, string_agg(fa.alias, ' ' ORDER BY fa.alias) AS aliases
                   FROM fugitive_alias fa JOIN fugitive x ON x.id = fa.fugitive_id AND x.synthetic
                  GROUP BY fa.fugitive_id) a ON a.fugitive_id = s.id
     WHERE f.id = s.id AND s.synthetic;
    SELECT rebuild_fugitive_facet_count();
$$;

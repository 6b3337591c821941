-- The facet counts (V4) stay exact, but a transaction that adds thousands of people may count
-- them once at its end instead of row by row: it sets app.facet_counts_deferred for itself
-- (set_config(..., true)), writes, then adds the counts of the people it wrote (fugitive/FacetCounts)
-- and clears the setting. Only people the transaction itself added may be written while it is set.
CREATE OR REPLACE FUNCTION fugitive_counted() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    -- A writer of thousands of new people in one transaction (an import, exchange/Importer) counts
    -- them itself at its end (FacetCounts): updating one summary row thousands of times in one
    -- transaction costs time quadratic in their number, as each update walks the row's versions.
    IF current_setting('app.facet_counts_deferred', true) = 'on' THEN
        RETURN NULL;
    END IF;
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

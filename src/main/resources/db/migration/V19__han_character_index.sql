-- A trigram needs three characters, and a Chinese name is often two (陈亮): for `q=陈亮` the
-- trigram index has nothing to look up, so PostgreSQL read every person (at a million people,
-- longer than a page may take). This index holds, for the runs of Chinese characters in the search
-- text, each character and each pair of neighbouring characters; a term with Chinese characters
-- is looked up by its own characters and pairs (han_grams of the term), and the LIKE on search_text
-- still decides the match. One definition, used for the stored text and the term alike.
CREATE FUNCTION han_grams(t TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
    SELECT coalesce(array_agg(DISTINCT substr(r.run, p.pos, l.len)), '{}')
    FROM (SELECT m[1] AS run FROM regexp_matches(t, '[\u3400-\u4dbf\u4e00-\u9fff]+', 'g') AS m) r
    CROSS JOIN (VALUES (1), (2)) AS l(len)
    CROSS JOIN LATERAL generate_series(1, length(r.run) - l.len + 1) AS p(pos)
    $$;

CREATE INDEX fugitive_search_text_han_idx ON fugitive USING gin (han_grams(search_text));

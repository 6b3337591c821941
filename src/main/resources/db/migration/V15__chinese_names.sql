-- Chinese names beside the English ones, for the Chinese pages: a record shows its Chinese name
-- where it has one and its English one otherwise (web/Formats#local). All are optional.
--
-- The seeded values are not facts of their own: each is the standard Chinese form of an English
-- name the seed article (shared/seeds/000_a7b77a9539845d0e.txt) or its context (CONTEXT.md) gives,
-- or a plain translation of a title the seed itself wrote. Each is set only where the row still
-- holds the English value it translates, so a record an admin has since renamed keeps no stale
-- translation. Names of people are not translated: a person's Chinese name is their native_name,
-- and the sources name none.

ALTER TABLE operation ADD COLUMN code_name_zh VARCHAR(100);
ALTER TABLE wanted_list ADD COLUMN name_zh VARCHAR(200);
ALTER TABLE agency ADD COLUMN name_zh VARCHAR(200);
ALTER TABLE agency_official ADD COLUMN title_zh VARCHAR(200);
ALTER TABLE case_file ADD COLUMN title_zh VARCHAR(300);
ALTER TABLE case_file_aud ADD COLUMN title_zh VARCHAR(300);
ALTER TABLE fugitive ADD COLUMN former_position_zh VARCHAR(300);
ALTER TABLE fugitive ADD COLUMN province_zh VARCHAR(100);
ALTER TABLE fugitive ADD COLUMN city_zh VARCHAR(100);
ALTER TABLE fugitive_aud ADD COLUMN former_position_zh VARCHAR(300);
ALTER TABLE fugitive_aud ADD COLUMN province_zh VARCHAR(100);
ALTER TABLE fugitive_aud ADD COLUMN city_zh VARCHAR(100);
ALTER TABLE event ADD COLUMN place_zh VARCHAR(200);
ALTER TABLE event_aud ADD COLUMN place_zh VARCHAR(200);

-- 天网: the standard Chinese code name of the operation the article calls "Sky Net" (天网行动).
UPDATE operation SET code_name_zh = '天网' WHERE id = 1 AND code_name = 'Sky Net';

-- 百名红通人员名单: the standard Chinese name of the list AP and Reuters call "the 100 most-wanted
-- list issued in April 2015" (the Sky Net list of 100 people under Interpol red notices).
UPDATE wanted_list SET name_zh = '百名红通人员名单（2015年4月）'
    WHERE id = 1 AND name = 'Sky Net 100 most-wanted list (April 2015)';

-- The standard Chinese names of the agencies the article names; the two "judicial authorities"
-- are the article's own descriptive words, translated (中国司法机关, 美国司法机关).
UPDATE agency SET name_zh = v.name_zh
    FROM (VALUES
        ('CCDI International Cooperation Bureau', '中央纪委国际合作局'),
        ('Ministry of Public Security', '公安部'),
        ('People''s Bank of China', '中国人民银行'),
        ('U.S. judicial authorities', '美国司法机关'),
        ('China-U.S. Joint Liaison Group on Law Enforcement Cooperation', '中美执法合作联合联络小组'),
        ('Chinese judicial authorities', '中国司法机关')
    ) AS v (name_en, name_zh)
    WHERE agency.name = v.name_en;

-- 局长: the standard Chinese title of the director of a bureau (the article: "director of the
-- CCDI's International Cooperation Bureau").
UPDATE agency_official SET title_zh = '局长' WHERE id = 1 AND title = 'Director';

-- The seed's own title of the case, translated.
UPDATE case_file SET title_zh = '身在美国的五名重大外逃腐败官员'
    WHERE id = 1 AND title = 'Five most-wanted corrupt officials living in the U.S.';

-- 温州市副市长, 浙江省, 温州市: the standard Chinese forms of "deputy mayor of Wenzhou, Zhejiang
-- province" (the article). 党委书记, 河南省: the standard Chinese forms of "Party chief" and of the
-- province in "Party chief of Henan province's Highway Department" (the article).
UPDATE fugitive SET former_position_zh = '温州市副市长', province_zh = '浙江省', city_zh = '温州市'
    WHERE id = 1 AND name = 'Yang Xiuzhu' AND former_position = 'Deputy mayor of Wenzhou'
      AND province = 'Zhejiang' AND city = 'Wenzhou';
UPDATE fugitive SET former_position_zh = '党委书记', province_zh = '河南省'
    WHERE id = 2 AND name = 'Huang Yurong' AND former_position = 'Party chief' AND province = 'Henan';

-- 北京 and 北京首都国际机场: the standard Chinese names of Beijing (the article) and of Beijing
-- Capital Airport (Xinhua / China Daily, as summarised in CONTEXT.md).
UPDATE event SET place_zh = '北京' WHERE id = 1 AND place = 'Beijing';
UPDATE event SET place_zh = '北京首都国际机场' WHERE id = 4 AND place = 'Beijing Capital Airport';

-- The audit trail records the audited rows this migration changed, as one revision by "system",
-- so that a later change by an admin is not shown as having added their Chinese names.
DO $$
DECLARE
    revision_id BIGINT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM fugitive WHERE former_position_zh IS NOT NULL OR province_zh IS NOT NULL
                       OR city_zh IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM case_file WHERE title_zh IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM event WHERE place_zh IS NOT NULL) THEN
        RETURN;
    END IF;

    INSERT INTO audit_revision (changed_at, username, reason)
        VALUES (now(), 'system', 'Chinese names of the seeded records (standard Chinese forms of their English names)')
        RETURNING id INTO revision_id;

    INSERT INTO fugitive_aud (id, rev, revtype, name, native_name, sex, birth_year, reported_age, reported_age_date,
                              reported_age_precision, former_position, former_position_zh, former_organisation,
                              province, province_zh, city, city_zh, status, fled_date, fled_precision, synthetic)
        SELECT id, revision_id, 1, name, native_name, sex, birth_year, reported_age, reported_age_date,
               reported_age_precision, former_position, former_position_zh, former_organisation,
               province, province_zh, city, city_zh, status, fled_date, fled_precision, synthetic
        FROM fugitive
        WHERE former_position_zh IS NOT NULL OR province_zh IS NOT NULL OR city_zh IS NOT NULL;
    INSERT INTO case_file_aud (id, rev, revtype, title, title_zh, status, counterpart_country, description, synthetic)
        SELECT id, revision_id, 1, title, title_zh, status, counterpart_country, description, synthetic
        FROM case_file
        WHERE title_zh IS NOT NULL;
    INSERT INTO event_aud (id, rev, revtype, type, occurred_date, occurred_precision, country_code, place, place_zh,
                           fugitive_id, case_id, operation_id, description, synthetic, created_at)
        SELECT id, revision_id, 1, type, occurred_date, occurred_precision, country_code, place, place_zh,
               fugitive_id, case_id, operation_id, description, synthetic, created_at
        FROM event
        WHERE place_zh IS NOT NULL;

    INSERT INTO audit_revision_entity (revision_id, entity_name)
        SELECT revision_id, name FROM (VALUES
            ('org.fugitivetracker.fugitive.Fugitive', EXISTS (SELECT 1 FROM fugitive WHERE former_position_zh IS NOT NULL
                OR province_zh IS NOT NULL OR city_zh IS NOT NULL)),
            ('org.fugitivetracker.casefile.CaseFile', EXISTS (SELECT 1 FROM case_file WHERE title_zh IS NOT NULL)),
            ('org.fugitivetracker.event.Event', EXISTS (SELECT 1 FROM event WHERE place_zh IS NOT NULL))
        ) AS audited (name, has_rows)
        WHERE has_rows;
END
$$;

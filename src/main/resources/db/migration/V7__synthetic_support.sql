-- Countries the synthetic-data generator (--generate-synthetic) sends fugitives to, besides the
-- five the seed already holds. They are reference data (ISO 3166 codes with their English and
-- Chinese names), not facts about anyone: no source in the database says whether each has an
-- extradition treaty with China, so that stays NULL.
INSERT INTO country (code, name_en, name_zh) VALUES
    ('TH', 'Thailand', '泰国'),
    ('SG', 'Singapore', '新加坡'),
    ('MY', 'Malaysia', '马来西亚'),
    ('GB', 'United Kingdom', '英国'),
    ('PH', 'Philippines', '菲律宾'),
    ('ID', 'Indonesia', '印度尼西亚'),
    ('JP', 'Japan', '日本'),
    ('KR', 'South Korea', '韩国'),
    ('VN', 'Viet Nam', '越南'),
    ('KH', 'Cambodia', '柬埔寨'),
    ('MM', 'Myanmar', '缅甸'),
    ('LA', 'Laos', '老挝'),
    ('FR', 'France', '法国'),
    ('DE', 'Germany', '德国'),
    ('NL', 'Netherlands', '荷兰'),
    ('IT', 'Italy', '意大利'),
    ('ES', 'Spain', '西班牙'),
    ('IE', 'Ireland', '爱尔兰'),
    ('AR', 'Argentina', '阿根廷'),
    ('BR', 'Brazil', '巴西'),
    ('FJ', 'Fiji', '斐济'),
    ('AE', 'United Arab Emirates', '阿拉伯联合酋长国'),
    ('RU', 'Russia', '俄罗斯'),
    ('ZA', 'South Africa', '南非')
ON CONFLICT (code) DO NOTHING;

-- Most events belong to a person, not to a case or an operation; most transfers to no case. Plain
-- indexes on those columns held an entry for every NULL: at a million fugitives (five million
-- events) that is most of their size, and every bulk load sorted or inserted them for nothing.
-- Partial indexes serve the same lookups (`case_id = ?` implies `case_id IS NOT NULL`).
DROP INDEX event_case_idx;
CREATE INDEX event_case_idx ON event (case_id, occurred_date) WHERE case_id IS NOT NULL;
DROP INDEX event_operation_idx;
CREATE INDEX event_operation_idx ON event (operation_id) WHERE operation_id IS NOT NULL;
DROP INDEX asset_transfer_case_idx;
CREATE INDEX asset_transfer_case_idx ON asset_transfer (case_id) WHERE case_id IS NOT NULL;

-- The first data: the news article in shared/seeds/000_a7b77a9539845d0e.txt (China News Service
-- English, 23 December 2015, from China Daily), and the dated facts other public reports give
-- about the same events (shared/seeds/CONTEXT.md), each kept with its own source.
-- Nothing here is invented: where a source gives no number, name or day, none is stored.
-- Citations from the article quote it verbatim; the other sources are held only as the claims
-- CONTEXT.md summarises (quote NULL).

INSERT INTO country (code, name_en, name_zh, extradition_treaty_with_china) VALUES
    ('CN', 'China', '中国', NULL),
    ('US', 'United States', '美国', FALSE),
    ('CA', 'Canada', '加拿大', FALSE),
    ('AU', 'Australia', '澳大利亚', FALSE),
    ('NZ', 'New Zealand', '新西兰', NULL);

INSERT INTO source (id, title, publisher, url, published_date, published_precision, reference) VALUES
    (1, 'China, U.S. work on cases of five most-wanted corrupt officials (article text)',
        'China News Service English, from China Daily', 'http://www.ecns.cn/2015/12-23/193433.shtml',
        DATE '2015-12-23', 'DAY', 'seed article 000_a7b77a9539845d0e.txt'),
    (2, 'Xinhua / China Daily report of 5 December 2015', 'Xinhua / China Daily', NULL,
        DATE '2015-12-05', 'DAY', 'claims as summarised in the seed CONTEXT.md'),
    (3, 'Associated Press report of 5 December 2015', 'Associated Press', NULL,
        DATE '2015-12-05', 'DAY', 'claims as summarised in the seed CONTEXT.md'),
    (4, 'Reuters report of 5 December 2015', 'Reuters', NULL,
        DATE '2015-12-05', 'DAY', 'claims as summarised in the seed CONTEXT.md'),
    (5, 'CCDI statement of 5 December 2015', 'Central Commission for Discipline Inspection', NULL,
        DATE '2015-12-05', 'DAY', 'claims as summarised in the seed CONTEXT.md');

INSERT INTO agency (id, name, country_code, kind) VALUES
    (1, 'CCDI International Cooperation Bureau', 'CN', 'DISCIPLINE'),
    (2, 'Ministry of Public Security', 'CN', 'POLICE'),
    (3, 'People''s Bank of China', 'CN', 'CENTRAL_BANK'),
    (4, 'U.S. judicial authorities', 'US', 'JUDICIAL'),
    (5, 'China-U.S. Joint Liaison Group on Law Enforcement Cooperation', NULL, 'BILATERAL'),
    (6, 'Chinese judicial authorities', 'CN', 'JUDICIAL');

INSERT INTO agency_official (id, agency_id, name, title) VALUES
    (1, 1, 'Liu Jianchao', 'Director');

INSERT INTO agency_partnership (id, agency_id, partner_agency_id, purpose) VALUES
    (1, 2, 3, 'Monitor the suspicious flow of funds to the suspects'' foreign accounts');

INSERT INTO operation (id, code_name, started_date, started_precision, planned_duration_months, target_count,
                       target_description, goals, launched_by_agency_id) VALUES
    (1, 'Sky Net', DATE '2015-04-01', 'MONTH', 8, 100,
        'major corrupt officials at large abroad',
        'Hunt down 100 major corrupt officials at large abroad and confiscate their ill-gotten assets', 6);

INSERT INTO wanted_list (id, name, operation_id) VALUES
    (1, 'Sky Net 100 most-wanted list (April 2015)', 1);

INSERT INTO case_file (id, title, status, counterpart_country, description) VALUES
    (1, 'Five most-wanted corrupt officials living in the U.S.', 'NEGOTIATING', 'US',
        'China seeks U.S. judicial assistance in repatriating the five to face trial. The article names '
        || 'only one of them (Yang Xiuzhu); the others are known only through the case''s figures.');

INSERT INTO case_agency (case_id, agency_id) VALUES (1, 1), (1, 4), (1, 5), (1, 6);

INSERT INTO fugitive (id, name, reported_age, reported_age_date, reported_age_precision, former_position,
                      former_organisation, province, city, status, fled_date, fled_precision) VALUES
    (1, 'Yang Xiuzhu', NULL, NULL, NULL, 'Deputy mayor of Wenzhou', NULL, 'Zhejiang', 'Wenzhou',
        'IN_CUSTODY', NULL, NULL),
    (2, 'Huang Yurong', 64, DATE '2015-12-23', 'DAY', 'Party chief', 'Henan province''s Highway Department',
        'Henan', NULL, 'RETURNED', DATE '2002-08-01', 'MONTH');

INSERT INTO fugitive_offence (fugitive_id, offence) VALUES (1, 'Illegal immigration (in the U.S.)');
INSERT INTO fugitive_destination (fugitive_id, country_code) VALUES (1, 'US'), (2, 'US');
INSERT INTO list_membership (fugitive_id, wanted_list_id, rank) VALUES (2, 1, 4);
INSERT INTO external_identifier (fugitive_id, scheme, value) VALUES (2, 'INTERPOL_RED_NOTICE', NULL);
INSERT INTO case_participant (case_id, fugitive_id, role) VALUES (1, 1, 'PRINCIPAL');

INSERT INTO cooperation_step (id, case_id, position, kind, requested_by_agency_id, description) VALUES
    (1, 1, 1, 'JUDICIAL_ASSISTANCE_REQUESTED', 6,
        'China seeks U.S. judicial assistance in repatriating the five to China to face trial.'),
    (2, 1, 2, 'NEGOTIATION', NULL,
        'Advanced negotiations with U.S. judicial authorities on the five major cases, including Yang''s.'),
    (3, 1, 3, 'JOINT_INVESTIGATION', NULL, 'Decision to conduct joint investigations of the major cases.'),
    (4, 1, 4, 'EVIDENCE_REQUESTED', 4,
        'The U.S. requested that Chinese judicial authorities provide more evidence and assist with their investigation.'),
    (5, 1, 5, 'INFORMATION_EXCHANGE', NULL,
        'Information to be exchanged in a timely manner and necessary evidence offered to the U.S. judicial authorities.');
INSERT INTO cooperation_step (id, case_id, position, kind, requested_by_agency_id, occurred_date, occurred_precision, description) VALUES
    (6, 1, 6, 'AGREEMENT', 5, DATE '2014-12-01', 'MONTH',
        'At the Joint Liaison Group meeting the two countries agreed to work together in resolving the five cases.');

INSERT INTO event (id, type, occurred_date, occurred_precision, country_code, place, fugitive_id, case_id,
                   operation_id, description) VALUES
    (1, 'MEETING', DATE '2014-12-01', 'MONTH', 'CN', 'Beijing', NULL, 1, NULL,
        'China-U.S. Joint Liaison Group on Law Enforcement Cooperation meeting: concerns about transnational '
        || 'crimes discussed; agreement to work together in resolving the five cases.'),
    (2, 'DETENTION', NULL, NULL, 'US', NULL, 1, 1, NULL,
        'In custody in the U.S., suspected of illegal immigration, awaiting deportation proceedings (as of the '
        || 'article, 23 December 2015; the date of detention is not reported).'),
    (3, 'FLIGHT', DATE '2002-08-01', 'MONTH', NULL, NULL, 2, NULL, NULL, 'Fled China.'),
    (4, 'SURRENDER', DATE '2015-12-05', 'DAY', 'US', 'Beijing Capital Airport', 2, NULL, NULL,
        'Surrendered to police and returned voluntarily from the U.S. after 13 years on the run.'),
    (5, 'OPERATION_LAUNCH', DATE '2015-04-01', 'MONTH', 'CN', NULL, NULL, NULL, 1,
        'Chinese judicial authorities launched the eight-month-long operation code-named "Sky Net".');

INSERT INTO asset_transfer (id, amount, currency, qualifier, amount_as_reported, destination_country, description) VALUES
    (1, NULL, 'CNY', 'UNSPECIFIED', 'billions of yuan', NULL,
        'A number of corrupt officials illegally transferred illegal assets to their foreign accounts.');
INSERT INTO asset_transfer_channel (asset_transfer_id, channel) VALUES (1, 'MONEY_LAUNDERING'), (1, 'UNDERGROUND_BANK');

INSERT INTO reported_figure (id, metric, value, qualifier, unit, period_from_date, period_from_precision,
                             period_to_date, period_to_precision, operation_id, case_id, part_of_id,
                             equivalent_of_id, stated_by_agency_id, stated_by_official_id) VALUES
    (1, 'CASE_FUGITIVES', 5, 'EXACT', 'PERSONS', NULL, NULL, NULL, NULL, NULL, 1, NULL, NULL, 1, NULL),
    (2, 'CASE_FUGITIVES_AT_LARGE', 4, 'EXACT', 'PERSONS', NULL, NULL, NULL, NULL, NULL, 1, 1, NULL, 1, NULL),
    (3, 'ECONOMIC_FUGITIVES_RETURNED', 2, 'ONLY', 'PERSONS', DATE '2003-01-01', 'YEAR', DATE '2013-01-01', 'YEAR',
        NULL, NULL, NULL, NULL, 2, NULL),
    (4, 'FUGITIVES_RETURNED', 48, 'EXACT', 'PERSONS', DATE '2015-01-01', 'YEAR', DATE '2015-01-01', 'YEAR',
        NULL, NULL, NULL, NULL, 2, NULL),
    (5, 'FUGITIVES_FORCIBLY_REPATRIATED', 3, 'EXACT', 'PERSONS', DATE '2015-01-01', 'YEAR', DATE '2015-01-01', 'YEAR',
        NULL, NULL, 4, NULL, 2, NULL),
    (6, 'ECONOMIC_FUGITIVES_RETURNED', 860, 'MORE_THAN', 'PERSONS', DATE '2015-04-01', 'MONTH', DATE '2015-11-01', 'MONTH',
        1, NULL, NULL, NULL, 2, NULL),
    (7, 'CORRUPT_OFFICIALS_RETURNED', 196, 'EXACT', 'PERSONS', DATE '2015-04-01', 'MONTH', DATE '2015-11-01', 'MONTH',
        1, NULL, 6, NULL, 2, NULL),
    (8, 'UNDERGROUND_BANKS_SMASHED', 150, 'MORE_THAN', 'UNDERGROUND_BANKS', DATE '2015-04-01', 'MONTH',
        DATE '2015-11-01', 'MONTH', 1, NULL, NULL, NULL, 2, NULL),
    (9, 'SUSPECTS_ARRESTED', 300, 'ABOUT', 'PERSONS', DATE '2015-04-01', 'MONTH', DATE '2015-11-01', 'MONTH',
        1, NULL, NULL, NULL, 2, NULL),
    (10, 'MONEY_INVOLVED', 800000000000, 'UP_TO', 'CNY', DATE '2015-04-01', 'MONTH', DATE '2015-11-01', 'MONTH',
        1, NULL, NULL, NULL, 2, NULL),
    (11, 'MONEY_INVOLVED', 123500000000, 'UP_TO', 'USD', DATE '2015-04-01', 'MONTH', DATE '2015-11-01', 'MONTH',
        1, NULL, NULL, 10, 2, NULL),
    (12, 'CORRUPT_OFFICIALS_STILL_AT_LARGE_SHARE', 50, 'NEARLY', 'PERCENT', NULL, NULL, NULL, NULL,
        NULL, NULL, NULL, NULL, 1, 1);

INSERT INTO reported_figure_country (reported_figure_id, country_code) VALUES
    (1, 'US'), (2, 'US'), (3, 'US'), (4, 'US'), (5, 'US'),
    (12, 'US'), (12, 'CA'), (12, 'AU'), (12, 'NZ');

-- Citations. Source 1 is the article; its quotes are verbatim.
INSERT INTO citation (source_id, attribute, claim, quote, case_id) VALUES
    (1, 'participants', 'Five most-wanted corrupt Chinese officials living in the U.S.',
        'the cases of the five most-wanted corrupt Chinese officials living in the U.S.', 1),
    (1, 'status', 'Negotiating with U.S. counterparts on the five',
        'We are negotiating with our U.S. counterparts on the five major corrupt fugitives', 1);

INSERT INTO citation (source_id, attribute, claim, quote, cooperation_step_id) VALUES
    (1, 'description', 'China is seeking U.S. judicial assistance in repatriating the five',
        'China is seeking U.S. judicial assistance in repatriating the five - four of whom are still at large - to China to face trial', 1),
    (1, 'description', 'Advanced negotiations with U.S. judicial authorities',
        'We are in advanced negotiations with U.S. judicial authorities on the five major cases, including Yang''s', 2),
    (1, 'description', 'Decision to conduct joint investigations',
        'And we have decided to conduct joint investigations of the major cases.', 3),
    (1, 'description', 'The U.S. asked for more evidence and assistance',
        'The U.S. requested that Chinese judicial authorities "provide more evidence and assist with their investigation"', 4),
    (1, 'description', 'Information to be exchanged, evidence offered',
        'will exchange information in a timely manner and offer necessary evidence to the US judicial authorities for further investigation', 5),
    (1, 'description', 'Agreed to work together on the five cases',
        'the two countries discussed concerns about transnational crimes and agreed to work together in resolving the five cases', 6),
    (1, 'occurred', 'December last year', 'meeting held in December last year in Beijing', 6);

INSERT INTO citation (source_id, attribute, claim, quote, reported_figure_id) VALUES
    (1, 'value', 'five', 'the five most-wanted corrupt Chinese officials living in the U.S.', 1),
    (1, 'value', 'four of whom are still at large', 'four of whom are still at large', 2),
    (1, 'value', 'only two, from 2003 to 2013',
        'from 2003 to 2013, only two fugitives suspected of economic crimes were brought back from the U.S. to face trial', 3),
    (1, 'value', '48 this year', 'This year, 48 have returned from the U.S.', 4),
    (1, 'value', 'three forcefully repatriated', 'including three who were forcefully repatriated', 5),
    (1, 'value', 'more than 860, April to the end of November',
        'from April to the end of November, police officers brought back more than 860 economic fugitives from abroad', 6),
    (1, 'value', '196 corrupt officials', 'including 196 corrupt officials', 7),
    (1, 'value', 'more than 150 underground banks', 'They also smashed more than 150 underground banks', 8),
    (1, 'value', 'about 300 suspects', 'arrested about 300 suspects', 9),
    (1, 'value', 'up to 800 billion yuan', 'The amount of money involved was up to 800 billion yuan ($123.5 billion).', 10),
    (1, 'value', '$123.5 billion', 'The amount of money involved was up to 800 billion yuan ($123.5 billion).', 11),
    (1, 'value', 'nearly half still on the run',
        'nearly half of the corrupt Chinese officials are still on the run in major destinations such as the U.S., Canada, Australia and New Zealand', 12);

INSERT INTO citation (source_id, attribute, claim, quote, fugitive_id) VALUES
    (1, 'name', 'Yang Xiuzhu', 'including Yang Xiuzhu, who is suspected of illegal immigration and is in custody awaiting deportation proceedings', 1),
    (1, 'formerPosition', 'former deputy mayor of Wenzhou, Zhejiang province', 'Yang was a former deputy mayor of Wenzhou, Zhejiang province.', 1),
    (1, 'offences', 'suspected of illegal immigration', 'who is suspected of illegal immigration', 1),
    (1, 'status', 'in custody awaiting deportation proceedings', 'is in custody awaiting deportation proceedings', 1),
    (1, 'destinationCountries', 'living in the U.S.', 'the five most-wanted corrupt Chinese officials living in the U.S.', 1),
    (1, 'name', 'Huang Yurong', '64-year-old Huang Yurong, the former Party chief of Henan province''s Highway Department', 2),
    (1, 'reportedAge', '64-year-old', '64-year-old Huang Yurong', 2),
    (1, 'formerPosition', 'former Party chief of Henan province''s Highway Department',
        'the former Party chief of Henan province''s Highway Department', 2),
    (1, 'yearsOnTheRun', '13 years on the run', 'after spending 13 years on the run', 2),
    (1, 'destinationCountries', 'returned voluntarily from the U.S.', 'returned voluntarily from the U.S.', 2),
    (3, 'fled', 'fled in August 2002', NULL, 2),
    (3, 'listMembership', 'No. 4 of the 100 most-wanted list issued in April 2015', NULL, 2),
    (4, 'listMembership', 'No. 4 of the 100 most-wanted list issued in April 2015', NULL, 2),
    (3, 'externalIdentifier', 'subject to an Interpol red notice', NULL, 2),
    (4, 'externalIdentifier', 'subject to an Interpol red notice', NULL, 2);

-- Huang Yurong's surrender: the article says "on Sunday"; Xinhua / China Daily and AP give
-- Saturday 5 December 2015. Both claims are kept.
INSERT INTO citation (source_id, attribute, claim, quote, event_id) VALUES
    (1, 'occurred', 'on Sunday', 'surrendered to police on Sunday and returned voluntarily from the U.S. after spending 13 years on the run', 4),
    (2, 'occurred', 'Saturday 5 December 2015, surrendered at Beijing Capital Airport', NULL, 4),
    (3, 'occurred', 'Saturday 5 December 2015', NULL, 4),
    (1, 'description', 'custody awaiting deportation proceedings',
        'Yang Xiuzhu, who is suspected of illegal immigration and is in custody awaiting deportation proceedings', 2),
    (3, 'occurred', 'fled in August 2002', NULL, 3),
    (1, 'occurred', 'December last year',
        'during the China-U.S. Joint Liaison Group on Law Enforcement Cooperation meeting held in December last year in Beijing', 1),
    (5, 'occurred', 'December 2014', NULL, 1),
    (1, 'occurred', 'In April', 'In April, Chinese judicial authorities launched an eight-month-long operation code-named "Sky Net"', 5),
    (2, 'occurred', 'April 2015', NULL, 5);

INSERT INTO citation (source_id, attribute, claim, quote, operation_id) VALUES
    (1, 'target', '100 major corrupt officials at large abroad',
        'to hunt down 100 major corrupt officials at large abroad and confiscate their ill-gotten assets', 1),
    (1, 'plannedDuration', 'eight-month-long', 'an eight-month-long operation code-named "Sky Net"', 1),
    (1, 'started', 'In April', 'In April, Chinese judicial authorities launched', 1),
    (2, 'started', 'April 2015', NULL, 1);

INSERT INTO citation (source_id, attribute, claim, quote, asset_transfer_id) VALUES
    (1, 'amount', 'billions of yuan through money laundering and underground banks',
        'a number of corrupt officials have illegally transferred billions of yuan in illegal assets to their foreign accounts through money laundering and underground banks', 1);

INSERT INTO citation (source_id, attribute, claim, quote, agency_partnership_id) VALUES
    (1, 'purpose', 'monitor the suspicious flow of funds',
        'the ministry has been working closely with People''s Bank of China to monitor the suspicious flow of funds to the suspects'' foreign accounts', 1);

INSERT INTO citation (source_id, attribute, claim, quote, agency_id) VALUES
    (1, 'official', 'Liu Jianchao, director', 'Liu Jianchao, director of the CCDI''s International Cooperation Bureau', 1);

INSERT INTO citation (source_id, attribute, claim, quote, country_code) VALUES
    (1, 'extraditionTreaty', 'popular destination: lack of extradition treaties and legal differences',
        'the U.S., Canada and Australia have become popular destinations for fleeing corrupt Chinese officials due to lack of extradition treaties and legal differences', 'US'),
    (1, 'extraditionTreaty', 'popular destination: lack of extradition treaties and legal differences',
        'the U.S., Canada and Australia have become popular destinations for fleeing corrupt Chinese officials due to lack of extradition treaties and legal differences', 'CA'),
    (1, 'extraditionTreaty', 'popular destination: lack of extradition treaties and legal differences',
        'the U.S., Canada and Australia have become popular destinations for fleeing corrupt Chinese officials due to lack of extradition treaties and legal differences', 'AU'),
    (1, 'majorDestination', 'major destination where officials are still on the run',
        'major destinations such as the U.S., Canada, Australia and New Zealand', 'NZ');

-- The article's date and "this year" come from the edition that carried it (CONTEXT.md).
INSERT INTO citation (source_id, attribute, claim, quote, reported_figure_id) VALUES
    (1, 'period', 'This year (2015: the article was published on 23 December 2015)', 'This year', 4);

SELECT setval(pg_get_serial_sequence('source', 'id'), (SELECT max(id) FROM source));
SELECT setval(pg_get_serial_sequence('agency', 'id'), (SELECT max(id) FROM agency));
SELECT setval(pg_get_serial_sequence('agency_official', 'id'), (SELECT max(id) FROM agency_official));
SELECT setval(pg_get_serial_sequence('agency_partnership', 'id'), (SELECT max(id) FROM agency_partnership));
SELECT setval(pg_get_serial_sequence('operation', 'id'), (SELECT max(id) FROM operation));
SELECT setval(pg_get_serial_sequence('wanted_list', 'id'), (SELECT max(id) FROM wanted_list));
SELECT setval(pg_get_serial_sequence('case_file', 'id'), (SELECT max(id) FROM case_file));
SELECT setval(pg_get_serial_sequence('fugitive', 'id'), (SELECT max(id) FROM fugitive));
SELECT setval(pg_get_serial_sequence('cooperation_step', 'id'), (SELECT max(id) FROM cooperation_step));
SELECT setval(pg_get_serial_sequence('event', 'id'), (SELECT max(id) FROM event));
SELECT setval(pg_get_serial_sequence('asset_transfer', 'id'), (SELECT max(id) FROM asset_transfer));
SELECT setval(pg_get_serial_sequence('reported_figure', 'id'), (SELECT max(id) FROM reported_figure));

-- A citation whose claim the application wrote itself, when an admin records or corrects an event,
-- holds that event's facts in one fixed form, "TYPE, date, country" (e.g. "SURRENDER, 2016-11-16,
-- US"), which pages put into the reader's words and language. A claim a source makes is shown as
-- the source put it. Rows written that way before this column existed are recognised by that form.
ALTER TABLE citation ADD COLUMN generated boolean NOT NULL DEFAULT false;
ALTER TABLE citation_aud ADD COLUMN generated boolean;

UPDATE citation SET generated = true
 WHERE event_id IS NOT NULL
   AND attribute = 'occurred'
   AND claim ~ '^(FLIGHT|DETENTION|SURRENDER|REPATRIATION|FORCED_REPATRIATION|DEPORTATION|EXTRADITION), (undated|[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)(, [A-Z]{2})?$';

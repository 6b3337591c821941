package db.migration;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.fugitivetracker.fugitive.NameRomaniser;

/**
 * Names in every script: each person's native name and aliases written in another script are kept
 * romanised ({@code romanised_names}: 杨秀珠 → "yang xiu zhu"), and the search text holds them,
 * spaced and joined, so that {@code q} finds 杨秀珠 by "Yang Xiuzhu", "yangxiuzhu" or "xiuzhu".
 * <p>
 * A Java migration because the romanisation is ICU's ({@link NameRomaniser}, the application's
 * one definition), which SQL cannot run: the schema changes first, then the people already
 * recorded with a name in another script get theirs.
 */
public class V17__Romanised_names extends BaseJavaMigration {

	private static final String SCHEMA = """
			-- Written by the application (NameRomaniser) with the native name and the aliases; a bulk
			-- loader writes it with the row. Lower-case ASCII words separated by single spaces.
			ALTER TABLE fugitive ADD COLUMN romanised_names TEXT[] NOT NULL DEFAULT '{}';
			ALTER TABLE fugitive ADD CONSTRAINT fugitive_romanised_names_ck CHECK (
			    array_position(romanised_names, NULL) IS NULL
			    AND array_to_string(romanised_names, '|') ~ '^([a-z0-9]+( [a-z0-9]+)*(\\|[a-z0-9]+( [a-z0-9]+)*)*)?$');

			-- What `q` searches (search_text): V10's text, then the romanised names as stored and with
			-- their spaces removed ("yang xiu zhu yangxiuzhu"): one word per Chinese syllable is how ICU
			-- writes pinyin, one word per name is how people type it, and the joined form holds
			-- "xiuzhu" too. Without sub-selects, so PostgreSQL can still inline it; NULL for none,
			-- so a person without such names keeps the text they had.
			CREATE FUNCTION fugitive_search_text_of(p_name TEXT, p_native_name TEXT, p_position TEXT,
			                                        p_organisation TEXT, p_aliases TEXT, p_romanised TEXT[])
			    RETURNS TEXT LANGUAGE sql STABLE PARALLEL SAFE
			    AS $$ SELECT search_normalise(concat_ws(' ', p_name, p_native_name, p_position, p_organisation,
			              p_aliases, NULLIF(array_to_string(p_romanised, ' '), ''),
			              NULLIF(replace(replace(array_to_string(p_romanised, '|'), ' ', ''), '|', ' '), ''))) $$;

			CREATE FUNCTION fugitive_search_text(p_id BIGINT, p_name TEXT, p_native_name TEXT, p_position TEXT,
			                                     p_organisation TEXT, p_romanised TEXT[]) RETURNS TEXT
			    LANGUAGE sql STABLE AS $$
			    SELECT fugitive_search_text_of(p_name, p_native_name, p_position, p_organisation,
			        (SELECT string_agg(a.alias, ' ' ORDER BY a.alias) FROM fugitive_alias a WHERE a.fugitive_id = p_id),
			        p_romanised)
			$$;

			CREATE OR REPLACE FUNCTION fugitive_search_text_row() RETURNS TRIGGER
			    LANGUAGE plpgsql AS $$
			BEGIN
			    NEW.search_text := fugitive_search_text(NEW.id, NEW.name, NEW.native_name, NEW.former_position,
			                                            NEW.former_organisation, NEW.romanised_names);
			    RETURN NEW;
			END
			$$;

			CREATE OR REPLACE FUNCTION fugitive_alias_search_text() RETURNS TRIGGER
			    LANGUAGE plpgsql AS $$
			BEGIN
			    IF TG_OP IN ('INSERT', 'UPDATE') THEN
			        UPDATE fugitive f
			           SET search_text = fugitive_search_text(f.id, f.name, f.native_name, f.former_position,
			                                                  f.former_organisation, f.romanised_names)
			         WHERE f.id IN (SELECT fugitive_id FROM new_aliases);
			    END IF;
			    IF TG_OP IN ('UPDATE', 'DELETE') THEN
			        UPDATE fugitive f
			           SET search_text = fugitive_search_text(f.id, f.name, f.native_name, f.former_position,
			                                                  f.former_organisation, f.romanised_names)
			         WHERE f.id IN (SELECT fugitive_id FROM old_aliases);
			    END IF;
			    RETURN NULL;
			END
			$$;

			DROP TRIGGER fugitive_search_text_update ON fugitive;
			CREATE TRIGGER fugitive_search_text_update
			    BEFORE UPDATE OF name, native_name, former_position, former_organisation, romanised_names ON fugitive
			    FOR EACH ROW EXECUTE FUNCTION fugitive_search_text_row();

			DROP FUNCTION fugitive_search_text(BIGINT, TEXT, TEXT, TEXT, TEXT);
			DROP FUNCTION fugitive_search_text_of(TEXT, TEXT, TEXT, TEXT, TEXT);
			""";

	/** The people whose native name or an alias has a character outside ASCII: those that may need romanising. */
	private static final String MAY_NEED_ROMANISING = """
			SELECT f.id, f.native_name, ARRAY(SELECT a.alias FROM fugitive_alias a WHERE a.fugitive_id = f.id)
			FROM fugitive f
			WHERE f.native_name ~ '[^\\x01-\\x7f]'
			   OR EXISTS (SELECT 1 FROM fugitive_alias a WHERE a.fugitive_id = f.id AND a.alias ~ '[^\\x01-\\x7f]')""";

	/** One statement per batch, so that the statement triggers on fugitive run once per batch, not per person. */
	private static final String STORE = """
			UPDATE fugitive f SET romanised_names = u.names::text[]
			FROM unnest(?::bigint[], ?::text[]) AS u(id, names)
			WHERE f.id = u.id""";

	private static final int BATCH = 10_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute(SCHEMA);
		}
		List<Long> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(MAY_NEED_ROMANISING);
				PreparedStatement store = connection.prepareStatement(STORE)) {
			query.setFetchSize(BATCH);
			try (ResultSet people = query.executeQuery()) {
				while (people.next()) {
					Array aliases = people.getArray(3);
					List<String> romanised = NameRomaniser.romanisedNames(people.getString(2),
							Arrays.asList((String[]) aliases.getArray()));
					if (!romanised.isEmpty()) {
						ids.add(people.getLong(1));
						names.add(arrayLiteral(romanised));
					}
					if (ids.size() == BATCH) {
						store(connection, store, ids, names);
					}
				}
			}
			store(connection, store, ids, names);
		}
	}

	private static void store(Connection connection, PreparedStatement store, List<Long> ids, List<String> names)
			throws SQLException {
		if (ids.isEmpty()) {
			return;
		}
		store.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
		store.setArray(2, connection.createArrayOf("text", names.toArray()));
		store.executeUpdate();
		ids.clear();
		names.clear();
	}

	/** A PostgreSQL array literal; romanised names are lower-case ASCII words, nothing to escape. */
	private static String arrayLiteral(List<String> romanised) {
		return "{\"" + String.join("\",\"", romanised) + "\"}";
	}

}

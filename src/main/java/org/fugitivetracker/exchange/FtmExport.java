package org.fugitivetracker.exchange;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.fugitivetracker.common.DatePrecision;
import org.fugitivetracker.common.PartialDate;
import org.fugitivetracker.fugitive.FugitiveRow;
import org.fugitivetracker.fugitive.FugitiveSearch;
import org.fugitivetracker.fugitive.FugitiveStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records of a filter as FollowTheMoney entities: for each person a {@code Person}, then an
 * {@code Identification} or {@code Passport} per identity document, a {@code Sanction} per wanted
 * notice and per place on a wanted list, an {@code Event} per event of their life as recorded
 * (their flight, detention, surrender, return) and a {@code Payment} per asset transfer. Each
 * entity carries the sources that vouch for it ({@code sourceUrl}, {@code publisher}): FtM keeps
 * provenance per entity, not per property.
 *
 * <p>
 * The people stream from the filter's cursor; their facts are read a batch of {@value #BATCH}
 * people at a time, one statement per kind of fact, so memory and statements do not grow with the
 * number of people.
 */
@Service
class FtmExport {

	static final int BATCH = 500;

	/**
	 * Topics (FtM's controlled list) that a record supports: {@code wanted} for a person at large,
	 * with a wanted notice or on a wanted list; {@code role.pep} for one with a recorded former
	 * position. No {@code crime.*} topic: an offence is recorded as the source words it ("illegal
	 * immigration"), which does not say which kind of crime it is.
	 */
	static final String WANTED = "wanted";

	static final String PEP = "role.pep";

	/** An entity: its id, its schema and its properties' values. */
	record Entity(String id, String schema, Map<String, List<String>> properties) {
	}

	private final FugitiveSearch search;

	private final JdbcTemplate jdbc;

	FtmExport(FugitiveSearch search, JdbcTemplate jdbc) {
		this.search = search;
		this.jdbc = jdbc;
	}

	/** Every entity of the scope, in the filter's order of people, each person followed by their facts. */
	@Transactional(readOnly = true)
	public void export(FugitiveSearch.Scope scope, Consumer<Entity> sink) {
		List<FugitiveRow> batch = new ArrayList<>(BATCH);
		search.export(scope, row -> {
			batch.add(row);
			if (batch.size() == BATCH) {
				writeBatch(batch, sink);
				batch.clear();
			}
		});
		writeBatch(batch, sink);
	}

	private void writeBatch(List<FugitiveRow> rows, Consumer<Entity> sink) {
		if (rows.isEmpty()) {
			return;
		}
		Long[] ids = rows.stream().map(FugitiveRow::id).toArray(Long[]::new);
		Map<Long, Facts> facts = new LinkedHashMap<>();
		for (FugitiveRow row : rows) {
			facts.put(row.id(), new Facts());
		}
		readPeople(ids, facts);
		readIdentifiers(ids, facts);
		readPlaces(ids, facts);
		readEvents(ids, facts);
		readTransfers(ids, facts);
		for (FugitiveRow row : rows) {
			Facts of = facts.get(row.id());
			sink.accept(person(row, of));
			of.entities.forEach(sink);
		}
	}

	/** What a batch reads of one person beyond the list's row. */
	private static final class Facts {

		String sex;

		Integer birthYear;

		final Set<String> aliases = new LinkedHashSet<>();

		final Set<String> offences = new LinkedHashSet<>();

		final Sources sources = new Sources();

		boolean wanted;

		boolean flightRecorded;

		final List<Entity> entities = new ArrayList<>();

	}

	/** The URLs and publishers of the sources that vouch for one entity. */
	private static final class Sources {

		final Set<String> urls = new LinkedHashSet<>();

		final Set<String> publishers = new LinkedHashSet<>();

		void add(String url, String publisher) {
			if (url != null && !url.isBlank()) {
				urls.add(url);
			}
			if (publisher != null && !publisher.isBlank()) {
				publishers.add(publisher);
			}
		}

		/** The sources of a fact's citations: their URLs and publishers, paired by position. */
		void addPairs(Array urls, Array publishers) throws java.sql.SQLException {
			List<String> u = strings(urls);
			List<String> p = strings(publishers);
			for (int i = 0; i < u.size(); i++) {
				add(u.get(i), p.get(i));
			}
		}

		void into(Map<String, List<String>> properties) {
			put(properties, "sourceUrl", urls);
			put(properties, "publisher", publishers);
		}

	}

	private void readPeople(Long[] ids, Map<Long, Facts> facts) {
		query("""
				select f.id, f.sex, f.birth_year, f.native_name,
				  array(select a.alias from fugitive_alias a where a.fugitive_id = f.id order by a.alias),
				  array(select o.offence from fugitive_offence o where o.fugitive_id = f.id order by o.offence),
				  array(select s.url from citation c join source s on s.id = c.source_id
				        where c.fugitive_id = f.id order by c.id),
				  array(select s.publisher from citation c join source s on s.id = c.source_id
				        where c.fugitive_id = f.id order by c.id),
				  exists(select 1 from event e where e.fugitive_id = f.id and e.type = 'FLIGHT')
				from fugitive f where f.id = any(?)""", ids, rs -> {
			Facts of = facts.get(rs.getLong(1));
			of.sex = rs.getString(2);
			of.birthYear = (Integer) rs.getObject(3);
			if (rs.getString(4) != null) {
				of.aliases.add(rs.getString(4));
			}
			of.aliases.addAll(strings(rs.getArray(5)));
			of.offences.addAll(strings(rs.getArray(6)));
			of.sources.addPairs(rs.getArray(7), rs.getArray(8));
			of.flightRecorded = rs.getBoolean(9);
		});
	}

	private void readIdentifiers(Long[] ids, Map<Long, Facts> facts) {
		query("""
				select i.id, i.fugitive_id, i.scheme, i.value, i.issuing_country, s.url, s.publisher
				from external_identifier i join source s on s.id = i.source_id
				where i.fugitive_id = any(?) order by i.fugitive_id, i.id""", ids, rs -> {
			Facts of = facts.get(rs.getLong(2));
			String scheme = rs.getString(3);
			Map<String, List<String>> properties = new LinkedHashMap<>();
			Sources sources = new Sources();
			sources.add(rs.getString(6), rs.getString(7));
			String person = personId(rs.getLong(2));
			if (scheme.endsWith("_NOTICE")) {
				// A wanted notice is a measure against the person, not a document they hold.
				of.wanted = true;
				put(properties, "entity", person);
				put(properties, "program", scheme);
				put(properties, "authorityId", rs.getString(4));
				put(properties, "country", lower(rs.getString(5)));
				sources.into(properties);
				of.entities.add(new Entity("ft-notice-" + rs.getLong(1), "Sanction", properties));
				return;
			}
			put(properties, "holder", person);
			put(properties, "number", rs.getString(4));
			put(properties, "type", scheme);
			put(properties, "country", lower(rs.getString(5)));
			sources.into(properties);
			of.entities.add(new Entity("ft-identification-" + rs.getLong(1),
					"PASSPORT".equals(scheme) ? "Passport" : "Identification", properties));
		});
	}

	private void readPlaces(Long[] ids, Map<Long, Facts> facts) {
		query("""
				select m.id, m.fugitive_id, w.name, m.rank, m.added_date, m.added_precision, s.url, s.publisher
				from list_membership m join wanted_list w on w.id = m.wanted_list_id
				join source s on s.id = m.source_id
				where m.fugitive_id = any(?) order by m.fugitive_id, m.id""", ids, rs -> {
			Facts of = facts.get(rs.getLong(2));
			of.wanted = true;
			Map<String, List<String>> properties = new LinkedHashMap<>();
			put(properties, "entity", personId(rs.getLong(2)));
			put(properties, "program", rs.getString(3));
			if (rs.getObject(4) != null) {
				put(properties, "provisions", "rank " + rs.getInt(4));
			}
			put(properties, "listingDate", iso(rs.getDate(5), rs.getString(6)));
			Sources sources = new Sources();
			sources.add(rs.getString(7), rs.getString(8));
			sources.into(properties);
			of.entities.add(new Entity("ft-listing-" + rs.getLong(1), "Sanction", properties));
		});
	}

	private void readEvents(Long[] ids, Map<Long, Facts> facts) {
		query("""
				select e.id, e.fugitive_id, e.type, e.occurred_date, e.occurred_precision, e.country_code,
				  e.description,
				  array(select s.url from citation c join source s on s.id = c.source_id where c.event_id = e.id
				        order by c.id),
				  array(select s.publisher from citation c join source s on s.id = c.source_id where c.event_id = e.id
				        order by c.id)
				from event e where e.fugitive_id = any(?) order by e.fugitive_id, e.id""", ids, rs -> {
			Facts of = facts.get(rs.getLong(2));
			Map<String, List<String>> properties = new LinkedHashMap<>();
			put(properties, "name", rs.getString(3));
			put(properties, "involved", personId(rs.getLong(2)));
			put(properties, "date", iso(rs.getDate(4), rs.getString(5)));
			put(properties, "country", lower(rs.getString(6)));
			put(properties, "summary", rs.getString(7));
			sources(rs.getArray(8), rs.getArray(9)).into(properties);
			of.entities.add(new Entity("ft-event-" + rs.getLong(1), "Event", properties));
		});
	}

	private void readTransfers(Long[] ids, Map<Long, Facts> facts) {
		query("""
				select t.id, t.fugitive_id, t.amount, t.currency, t.qualifier, t.amount_as_reported,
				  t.destination_country, t.description,
				  array(select s.url from citation c join source s on s.id = c.source_id
				        where c.asset_transfer_id = t.id order by c.id),
				  array(select s.publisher from citation c join source s on s.id = c.source_id
				        where c.asset_transfer_id = t.id order by c.id)
				from asset_transfer t where t.fugitive_id = any(?) order by t.fugitive_id, t.id""", ids, rs -> {
			Facts of = facts.get(rs.getLong(2));
			Map<String, List<String>> properties = new LinkedHashMap<>();
			put(properties, "payer", personId(rs.getLong(2)));
			BigDecimal amount = rs.getBigDecimal(3);
			// FtM's amount is a bare number: only an exact one is given as such; "up to 300 million"
			// stays in the source's words below.
			if (amount != null && "EXACT".equals(rs.getString(5))) {
				put(properties, "amount", amount.stripTrailingZeros().toPlainString());
			}
			put(properties, "currency", rs.getString(4));
			put(properties, "summary", rs.getString(6));
			String destination = rs.getString(7);
			put(properties, "purpose", destination == null ? null : "moved to " + destination);
			put(properties, "description", rs.getString(8));
			sources(rs.getArray(9), rs.getArray(10)).into(properties);
			of.entities.add(new Entity("ft-transfer-" + rs.getLong(1), "Payment", properties));
		});
	}

	private static Entity person(FugitiveRow row, Facts of) {
		Map<String, List<String>> properties = new LinkedHashMap<>();
		put(properties, "name", row.name());
		put(properties, "alias", of.aliases);
		put(properties, "country", row.destinationCountries().stream().map(FtmExport::lower).toList());
		String position = row.formerPosition();
		if (position != null && row.formerOrganisation() != null) {
			position = position + ", " + row.formerOrganisation();
		}
		put(properties, "position", position);
		put(properties, "birthDate", of.birthYear == null ? null : String.valueOf(of.birthYear));
		put(properties, "gender", "M".equals(of.sex) ? "male" : "F".equals(of.sex) ? "female" : null);
		put(properties, "status", row.status().name());
		put(properties, "notes", of.offences);
		Set<String> topics = new LinkedHashSet<>();
		if (of.wanted || row.status() == FugitiveStatus.AT_LARGE) {
			topics.add(WANTED);
		}
		if (row.formerPosition() != null) {
			topics.add(PEP);
		}
		put(properties, "topics", topics);
		of.sources.into(properties);
		if (row.fled() != null && !of.flightRecorded) {
			// The flight's date is kept on the person; FtM tells it as an event.
			Map<String, List<String>> flight = new LinkedHashMap<>();
			put(flight, "name", "FLIGHT");
			put(flight, "involved", personId(row.id()));
			put(flight, "date", row.fled().iso());
			of.sources.into(flight);
			of.entities.add(0, new Entity("ft-flight-" + row.id(), "Event", flight));
		}
		return new Entity(personId(row.id()), "Person", properties);
	}

	static String personId(long id) {
		return "ft-person-" + id;
	}

	private void query(String sql, Long[] ids, org.springframework.jdbc.core.RowCallbackHandler handler) {
		jdbc.query(connection -> {
			var statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("bigint", ids));
			return statement;
		}, handler);
	}

	private static Sources sources(Array urls, Array publishers) throws java.sql.SQLException {
		Sources sources = new Sources();
		sources.addPairs(urls, publishers);
		return sources;
	}

	private static List<String> strings(Array array) throws java.sql.SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(value == null ? null : value.toString());
		}
		return values;
	}

	private static String iso(Date date, String precision) {
		return date == null ? null : new PartialDate(date.toLocalDate(), DatePrecision.valueOf(precision)).iso();
	}

	private static String lower(String code) {
		return code == null ? null : code.toLowerCase(Locale.ROOT);
	}

	private static void put(Map<String, List<String>> properties, String name, String value) {
		if (value != null && !value.isBlank()) {
			properties.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
		}
	}

	private static void put(Map<String, List<String>> properties, String name, Collection<String> values) {
		values.forEach(value -> put(properties, name, value));
	}

}

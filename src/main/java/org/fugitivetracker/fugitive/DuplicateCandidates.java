package org.fugitivetracker.fugitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people already recorded whom a new person may be: the one rule that the admin form, the
 * write API and any import apply before adding someone.
 * <p>
 * A person is a candidate when one of their spellings (name, native name, romanised names,
 * aliases) and one of the new person's (the same, the romanised ones computed here) are alike to
 * at least {@value #THRESHOLD} by pg_trgm's {@code similarity}, compared as {@code q} compares
 * (case and accents ignored: tone marks too), with and without their spaces ("Huáng Yùróng",
 * "Huang Yurong" and "huangyurong" are the same; so are "Yang Xiuzhu" and "Xiuzhu Yang"); or when
 * they hold one of the new person's external identifiers (scheme and number). The threshold keeps
 * a one-letter variant of a name and drops two names that share a surname and differ in a syllable
 * ("wang wei" and "wang wen" are 0.6 alike).
 * <p>
 * Only the people the trigram index on the search text finds are scored: those whose text holds
 * a run of whole words at least as alike to one of the new person's spellings, as given or joined
 * ({@code <<%}, strict word similarity). The search text holds every spelling of theirs spaced, so
 * no candidate by a spaced comparison is missed; joined, it holds only the romanised names (so
 * "yangxiuzhu" finds 杨秀珠 recorded, and "Yang Xiuzhu" recorded as written). Looser, the index
 * would hand tens of thousands of people sharing a surname to the scoring at a million people.
 */
@Service
public class DuplicateCandidates {

	/** How alike two spellings must be (pg_trgm {@code similarity}, 0–1). */
	public static final double THRESHOLD = 0.65;

	/** The most candidates shown, most alike first. */
	static final int LIMIT = 10;


	/** An identifier the new person holds: its scheme and number (null where none is published). */
	public record Identifier(ExternalIdentifier.Scheme scheme, String value) {

	}

	/** What the new person is called and identified by. */
	public record Person(String name, String nativeName, List<String> aliases, List<Identifier> identifiers) {

		public Person {
			aliases = aliases == null ? List.of() : List.copyOf(aliases);
			identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
		}

		/** The person a form or the API describes: names only, as neither takes identifiers (an import may). */
		static Person of(FugitiveProfileInput profile) {
			return new Person(profile.name(), profile.nativeName(), profile.aliasList(), List.of());
		}

		/** Every spelling of the person to compare: the names as given, then the romanised ones. */
		List<String> spellings() {
			Set<String> spellings = new LinkedHashSet<>();
			addIfAny(spellings, name);
			addIfAny(spellings, nativeName);
			aliases.forEach(alias -> addIfAny(spellings, alias));
			spellings.addAll(NameRomaniser.romanisedNames(nativeName, aliases));
			addIfAny(spellings, NameRomaniser.romanise(name));
			return List.copyOf(spellings);
		}

		/** A spelling without a letter or digit has no trigram to compare, and would make the index read itself whole. */
		private static void addIfAny(Set<String> spellings, String spelling) {
			if (spelling != null && spelling.codePoints().anyMatch(Character::isLetterOrDigit)) {
				spellings.add(spelling.strip());
			}
		}

	}

	/**
	 * A person the new one may be, and why: the field of theirs that matched ({@code name},
	 * {@code nativeName}, {@code romanisedName}, {@code alias} or {@code identifier}), its spelling,
	 * the new person's spelling it matched, and how alike the two are (1 for an identifier).
	 */
	public record Candidate(long id, String name, String nativeName, String matchedField, String matchedSpelling,
			String givenSpelling, double score) {
	}

	// One row per given person and candidate: the best-matching pair of spellings, ties going to the
	// person's name before their other spellings; per given person the most alike first, recorded
	// people before synthetic ones. The given people are numbered (who): one statement serves many.
	static final String BY_NAME = """
			WITH given AS (
			    SELECT DISTINCT g.who, g.spelling, search_normalise(g.spelling) AS normalised
			    FROM unnest(?::int[], ?::text[]) AS g(who, spelling)),
			found AS (
			    SELECT g.who, f.id FROM given g CROSS JOIN LATERAL (
			        SELECT f.id FROM fugitive f WHERE g.normalised <<% f.search_text
			        UNION
			        SELECT f.id FROM fugitive f WHERE replace(g.normalised, ' ', '') <<% f.search_text) f),
			scored AS (
			    SELECT c.who, f.id, f.name, f.native_name, f.synthetic, s.field, s.rank, s.spelling,
			           g.spelling AS given,
			           greatest(similarity(g.normalised, s.normalised),
			                    similarity(replace(g.normalised, ' ', ''), replace(s.normalised, ' ', ''))) AS score
			    FROM (SELECT DISTINCT who, id FROM found) c
			    JOIN fugitive f ON f.id = c.id
			    CROSS JOIN LATERAL (
			        SELECT x.field, x.rank, x.spelling, search_normalise(x.spelling) AS normalised FROM (
			            SELECT 'name' AS field, 1 AS rank, f.name AS spelling
			            UNION ALL SELECT 'nativeName', 2, f.native_name WHERE f.native_name IS NOT NULL
			            UNION ALL SELECT 'alias', 3, a.alias FROM fugitive_alias a WHERE a.fugitive_id = f.id
			            UNION ALL SELECT 'romanisedName', 4, r FROM unnest(f.romanised_names) AS r) x) s
			    JOIN given g ON g.who = c.who),
			best AS (
			    SELECT DISTINCT ON (who, id) who, id, name, native_name, field, spelling, given, score, synthetic
			    FROM scored WHERE score >= ?
			    ORDER BY who, id, score DESC, rank, spelling, given),
			ranked AS (
			    SELECT best.*, row_number() OVER (PARTITION BY who ORDER BY score DESC, synthetic, id) AS place
			    FROM best)
			SELECT * FROM ranked WHERE place <= ? ORDER BY who, place""";

	private static final String BY_IDENTIFIER = """
			SELECT DISTINCT given.who, f.id, f.name, f.native_name, e.scheme || ' ' || e.value, f.synthetic
			FROM unnest(?::int[], ?::text[], ?::text[]) AS given(who, scheme, value)
			JOIN external_identifier e ON e.scheme = given.scheme AND upper(e.value) = upper(given.value)
			JOIN fugitive f ON f.id = e.fugitive_id""";

	private final JdbcTemplate jdbc;

	DuplicateCandidates(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** The candidates, most alike first (recorded people before synthetic ones), at most {@value #LIMIT}. */
	@Transactional(readOnly = true)
	public List<Candidate> of(Person person) {
		return ofEach(List.of(person)).get(0);
	}

	/**
	 * The candidates of each person, as {@link #of} gives them, in two statements however many
	 * people there are (an import checks its rows a batch at a time).
	 */
	@Transactional(readOnly = true)
	public List<List<Candidate>> ofEach(List<Person> people) {
		List<List<Ranked>> found = new ArrayList<>();
		List<Integer> nameWho = new ArrayList<>();
		List<String> nameSpellings = new ArrayList<>();
		List<Integer> idWho = new ArrayList<>();
		List<String> idSchemes = new ArrayList<>();
		List<String> idValues = new ArrayList<>();
		for (int who = 0; who < people.size(); who++) {
			found.add(new ArrayList<>());
			for (String spelling : people.get(who).spellings()) {
				nameWho.add(who);
				nameSpellings.add(spelling);
			}
			for (Identifier identifier : people.get(who).identifiers()) {
				if (identifier.value() != null && !identifier.value().isBlank()) {
					idWho.add(who);
					idSchemes.add(identifier.scheme().name());
					idValues.add(identifier.value());
				}
			}
		}
		if (!nameSpellings.isEmpty()) {
			jdbc.queryForObject("SELECT set_config('pg_trgm.strict_word_similarity_threshold', ?, true)", String.class,
					String.valueOf(THRESHOLD));
			jdbc.query(BY_NAME, row -> {
				found.get(row.getInt("who")).add(new Ranked(new Candidate(row.getLong("id"), row.getString("name"),
						row.getString("native_name"), row.getString("field"), row.getString("spelling"),
						row.getString("given"), Math.round(row.getDouble("score") * 100) / 100.0),
						row.getBoolean("synthetic")));
			}, nameWho.toArray(Integer[]::new), nameSpellings.toArray(String[]::new), THRESHOLD, LIMIT);
		}
		if (!idValues.isEmpty()) {
			jdbc.query(BY_IDENTIFIER, row -> {
				List<Ranked> ofPerson = found.get(row.getInt(1));
				long id = row.getLong(2);
				ofPerson.removeIf(ranked -> ranked.candidate().id() == id);
				ofPerson.add(new Ranked(new Candidate(id, row.getString(3), row.getString(4), "identifier",
						row.getString(5), row.getString(5), 1.0), row.getBoolean(6)));
			}, idWho.toArray(Integer[]::new), idSchemes.toArray(String[]::new), idValues.toArray(String[]::new));
		}
		return found.stream()
			.map(ranked -> ranked.stream().sorted(Ranked.ORDER).limit(LIMIT).map(Ranked::candidate).toList())
			.toList();
	}

	private record Ranked(Candidate candidate, boolean synthetic) {

		static final Comparator<Ranked> ORDER = Comparator
			.comparingDouble((Ranked ranked) -> -ranked.candidate().score())
			.thenComparing(Ranked::synthetic)
			.thenComparingLong(ranked -> ranked.candidate().id());

	}

}

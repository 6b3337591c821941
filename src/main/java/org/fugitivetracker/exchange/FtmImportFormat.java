package org.fugitivetracker.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.fugitive.FugitiveRequest;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowTheMoney entities as JSON lines, as OpenSanctions and Aleph exchange them and as
 * {@link FtmExport} writes them: a {@code Person} and the entities that refer to it (its
 * {@code Passport}s and {@code Identification}s, {@code Sanction}s, {@code Event}s and
 * {@code Payment}s), in any order. The reader inverts {@link FtmExport}, so that an export
 * imported into an empty database exports again as the same entities.
 * <p>
 * The entities are held until the file ends (a fact may come before its person, as in an extract
 * sorted by id); the file's size limit bounds them. A line longer than {@value #MAX_LINE} bytes is
 * refused without being held, and so is a line with a control character in any of its texts, as the
 * admin forms refuse such text. What a profile cannot hold as given (a second name, a birth date
 * that is no date) is kept another way or named among the person's warnings, never dropped unsaid.
 */
@Component
class FtmImportFormat implements ImportFormat {

	static final int MAX_LINE = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Pattern RANK = Pattern.compile("rank (\\d{1,7})");

	private static final Pattern MOVED_TO = Pattern.compile("moved to ([A-Za-z]{2})");

	/** Person properties read (or, for the derived ones, knowingly left). */
	private static final Set<String> PERSON_PROPERTIES = Set.of("name", "alias", "weakAlias", "country", "position",
			"birthDate", "gender", "notes", "status", "topics", "sourceUrl", "publisher");

	/** The property of each fact's schema that names its person. */
	private static final Map<String, String> REFERENCE = Map.of("Passport", "holder", "Identification", "holder",
			"Sanction", "entity", "Event", "involved", "Payment", "payer");

	@Override
	public String name() {
		return "ftm";
	}

	@Override
	public boolean recognises(String fileName, byte[] head) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return true;
		}
		String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		return start.startsWith("{");
	}

	/** One entity as read: where it is, its schema and its properties' values. */
	private record Entity(long line, String id, String schema, Map<String, List<String>> properties) {

		List<String> all(String property) {
			return properties.getOrDefault(property, List.of());
		}

		String first(String property) {
			List<String> values = all(property);
			return values.isEmpty() ? null : values.get(0);
		}

	}

	@Override
	public void read(InputStream in, Sink sink) throws IOException {
		Map<String, Entity> people = new LinkedHashMap<>();
		List<Entity> facts = new ArrayList<>();
		Lines lines = new Lines(in);
		for (Lines.Line line = lines.next(); line != null; line = lines.next()) {
			if (line.tooLong()) {
				sink.refused(line.number(), ImportMessage.of("import.ftm.lineTooLong", MAX_LINE / 1024));
				continue;
			}
			String text;
			try {
				text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(line.bytes()))
					.toString();
			}
			catch (CharacterCodingException ex) {
				sink.refused(line.number(), ImportMessage.of("import.ftm.notUtf8"));
				continue;
			}
			if (line.number() == 1 && text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (text.isBlank()) {
				continue;
			}
			Entity entity = parse(line.number(), text, sink);
			if (entity == null) {
				continue;
			}
			if ("Person".equals(entity.schema())) {
				if (entity.first("name") == null) {
					sink.refused(entity.line(), ImportMessage.of("import.ftm.noName"));
				}
				else if (people.putIfAbsent(entity.id(), entity) != null) {
					sink.refused(entity.line(), ImportMessage.of("import.ftm.duplicateId", entity.id()));
				}
			}
			else if (REFERENCE.containsKey(entity.schema())) {
				facts.add(entity);
			}
			else {
				sink.refused(entity.line(), ImportMessage.of("import.ftm.schemaNotImported", entity.schema()));
			}
		}
		Map<String, Draft> drafts = new LinkedHashMap<>();
		people.forEach((id, person) -> drafts.put(id, new Draft(person)));
		for (Entity fact : facts) {
			Draft draft = drafts.get(fact.first(REFERENCE.get(fact.schema())));
			if (draft == null) {
				sink.refused(fact.line(), ImportMessage.of("import.ftm.unknownPerson", fact.schema(),
						String.valueOf(fact.first(REFERENCE.get(fact.schema())))));
			}
			else {
				draft.add(fact);
			}
		}
		drafts.values().forEach(draft -> sink.person(draft.person()));
	}

	private static Entity parse(long line, String text, Sink sink) {
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			sink.refused(line, ImportMessage.of("import.ftm.notJson"));
			return null;
		}
		if (node == null || !node.isObject() || !node.path("id").isString() || !node.path("schema").isString()
				|| node.path("id").asString().isBlank()) {
			sink.refused(line, ImportMessage.of("import.ftm.notAnEntity"));
			return null;
		}
		// Refused here, as the admin forms refuse such text: PostgreSQL refuses a NUL in any text (JSON
		// writes one as \u0000), so an entity with one must never reach a query, not even the preview's.
		for (String field : List.of("id", "schema")) {
			if (!PlainText.Validator.isPlain(node.get(field).asString())) {
				sink.refused(line, ImportMessage.about(field, "admin.validation.plainText"));
				return null;
			}
		}
		Map<String, List<String>> properties = new LinkedHashMap<>();
		JsonNode given = node.path("properties");
		if (!given.isMissingNode() && !given.isObject()) {
			sink.refused(line, ImportMessage.of("import.ftm.notAnEntity"));
			return null;
		}
		for (String property : given.propertyNames()) {
			if (!PlainText.Validator.isPlain(property)) {
				sink.refused(line, ImportMessage.of("admin.validation.plainText"));
				return null;
			}
			JsonNode values = given.get(property);
			if (!values.isArray()) {
				sink.refused(line, ImportMessage.of("import.ftm.notStrings", property));
				return null;
			}
			List<String> texts = new ArrayList<>();
			for (JsonNode value : values) {
				if (!value.isString()) {
					sink.refused(line, ImportMessage.of("import.ftm.notStrings", property));
					return null;
				}
				if (!PlainText.Validator.isPlain(value.asString())) {
					sink.refused(line, ImportMessage.about(property, "admin.validation.plainText"));
					return null;
				}
				if (!value.asString().isBlank()) {
					texts.add(value.asString().strip());
				}
			}
			properties.put(property, texts);
		}
		return new Entity(line, node.get("id").asString(), node.get("schema").asString(), properties);
	}

	/** A person and the facts found for them so far. */
	private static final class Draft {

		private final Entity person;

		private final List<ImportedPerson.Identifier> identifiers = new ArrayList<>();

		private final List<ImportedPerson.Place> places = new ArrayList<>();

		private final List<ImportedPerson.Event> events = new ArrayList<>();

		private final List<ImportedPerson.Transfer> transfers = new ArrayList<>();

		private String fled;

		/** What the person's facts gave that they do not keep (a set: a property may be read twice). */
		private final Set<ImportMessage> factWarnings = new LinkedHashSet<>();

		Draft(Entity person) {
			this.person = person;
		}

		void add(Entity fact) {
			List<ImportedPerson.Source> sources = sources(fact);
			switch (fact.schema()) {
				case "Passport", "Identification" -> {
					String type = one(fact, "type");
					String scheme = type != null ? type : "Passport".equals(fact.schema()) ? "PASSPORT" : null;
					identifiers.add(new ImportedPerson.Identifier(fact.line(), scheme, one(fact, "number"),
							upper(one(fact, "country")), sources));
				}
				case "Sanction" -> {
					String program = one(fact, "program");
					if (program != null && program.endsWith("_NOTICE")) {
						identifiers.add(new ImportedPerson.Identifier(fact.line(), program, one(fact, "authorityId"),
								upper(one(fact, "country")), sources));
					}
					else {
						places.add(new ImportedPerson.Place(fact.line(), program, rank(one(fact, "provisions")),
								one(fact, "listingDate"), sources));
					}
				}
				case "Event" -> {
					// How FtmExport writes a flight known only by its date: the profile's date, not an event.
					if ("FLIGHT".equals(one(fact, "name")) && one(fact, "country") == null && fled == null) {
						fled = one(fact, "date");
					}
					else {
						events.add(new ImportedPerson.Event(fact.line(), one(fact, "name"), one(fact, "date"),
								upper(one(fact, "country")), one(fact, "summary"), sources));
					}
				}
				case "Payment" -> transfers.add(new ImportedPerson.Transfer(fact.line(), one(fact, "summary"),
						amount(one(fact, "amount")), one(fact, "currency"), movedTo(one(fact, "purpose")),
						one(fact, "description"), sources));
				default -> throw new IllegalArgumentException(fact.schema());
			}
		}

		/**
		 * The first value of a fact's property, the only one a fact keeps; any other is named among the
		 * person's warnings rather than dropped unsaid.
		 */
		private String one(Entity fact, String property) {
			List<String> values = fact.all(property);
			values.stream()
				.skip(1)
				.filter(value -> !value.equals(values.get(0)))
				.forEach(value -> factWarnings.add(ImportMessage.about(property, "import.ftm.factValueNotKept",
						fact.schema(), fact.line(), property, value)));
			return values.isEmpty() ? null : values.get(0);
		}

		ImportedPerson person() {
			List<ImportMessage> warnings = new ArrayList<>();
			for (String property : person.properties().keySet()) {
				if (!PERSON_PROPERTIES.contains(property)) {
					warnings.add(ImportMessage.of("import.ftm.propertyNotKept", property));
				}
			}
			String name = person.first("name");
			String nativeName = null;
			Set<String> aliases = new LinkedHashSet<>();
			for (String alias : person.all("alias")) {
				if (nativeName == null && HAN.matcher(alias).find()) {
					nativeName = alias;
				}
				else {
					aliases.add(alias);
				}
			}
			aliases.addAll(person.all("weakAlias"));
			// FtM lists every name a person goes by; the profile has one, and aliases for the others.
			for (String other : person.all("name").subList(1, person.all("name").size())) {
				if (!other.equals(name) && !other.equals(nativeName) && aliases.add(other)) {
					warnings.add(ImportMessage.about("name", "import.ftm.nameKeptAsAlias", other));
				}
			}
			Integer birthYear = null;
			for (String birthDate : person.all("birthDate")) {
				BirthYear read = BirthYear.read(birthDate).orElse(null);
				if (read == null) {
					warnings.add(ImportMessage.about("birthDate", "import.ftm.birthDateNotKept", birthDate));
				}
				else if (birthYear == null) {
					birthYear = read.year();
					if (read.moreThanAYear()) {
						warnings.add(ImportMessage.about("birthDate", "import.birthYearOnly", birthDate));
					}
				}
				else if (read.year() != birthYear) {
					warnings.add(ImportMessage.about("birthDate", "import.ftm.valueNotKept", "birthDate", birthDate));
				}
			}
			String sex = null;
			for (String gender : person.all("gender")) {
				String given = switch (gender.toLowerCase(Locale.ROOT)) {
					case "male" -> "M";
					case "female" -> "F";
					default -> null;
				};
				if (given == null) {
					warnings.add(ImportMessage.about("gender", "import.ftm.genderNotKept", gender));
				}
				else if (sex == null) {
					sex = given;
				}
				else if (!sex.equals(given)) {
					warnings.add(ImportMessage.about("gender", "import.ftm.valueNotKept", "gender", gender));
				}
			}
			person.all("position")
				.stream()
				.skip(1)
				.forEach(position -> warnings
					.add(ImportMessage.about("position", "import.ftm.valueNotKept", "position", position)));
			FugitiveRequest profile = new FugitiveRequest(name, nativeName, sex, birthYear,
					person.first("position"), null, null, null, null, null, null, fled,
					person.all("country").stream().map(FtmImportFormat::upper).toList(), List.copyOf(aliases),
					person.all("notes"), null, null, null, null, null);
			warnings.addAll(factWarnings);
			return new ImportedPerson(person.line(), profile, sources(person), identifiers, places, events, transfers,
					warnings);
		}

	}

	/**
	 * An entity's sources: FtM keeps addresses and publishers as two lists, which the export writes
	 * each without repeats, so they pair by position only as far as both go.
	 */
	private static List<ImportedPerson.Source> sources(Entity entity) {
		List<String> urls = entity.all("sourceUrl");
		List<String> publishers = entity.all("publisher");
		List<ImportedPerson.Source> sources = new ArrayList<>();
		for (int i = 0; i < Math.max(urls.size(), publishers.size()); i++) {
			sources.add(new ImportedPerson.Source(i < urls.size() ? urls.get(i) : null,
					i < publishers.size() ? publishers.get(i) : null, null, null));
		}
		return sources;
	}

	private static Integer rank(String provisions) {
		Matcher rank = provisions == null ? null : RANK.matcher(provisions);
		return rank != null && rank.matches() ? Integer.valueOf(rank.group(1)) : null;
	}

	private static String movedTo(String purpose) {
		Matcher destination = purpose == null ? null : MOVED_TO.matcher(purpose);
		return destination != null && destination.matches() ? destination.group(1).toUpperCase(Locale.ROOT) : null;
	}

	private static BigDecimal amount(String amount) {
		try {
			return amount == null ? null : new BigDecimal(amount);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String upper(String code) {
		return code == null ? null : code.toUpperCase(Locale.ROOT);
	}

	/** The file's lines as bytes (LF, CRLF or CR), each at most {@value #MAX_LINE} bytes held. */
	private static final class Lines {

		record Line(long number, byte[] bytes, boolean tooLong) {
		}

		private final InputStream in;

		private long number;

		private int pending = -2;

		Lines(InputStream in) {
			this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in);
		}

		Line next() throws IOException {
			int b = pending != -2 ? pending : in.read();
			pending = -2;
			if (b == -1) {
				return null;
			}
			number++;
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			boolean tooLong = false;
			while (b != -1 && b != '\n' && b != '\r') {
				if (bytes.size() < MAX_LINE) {
					bytes.write(b);
				}
				else {
					tooLong = true;
				}
				b = in.read();
			}
			if (b == '\r') {
				int after = in.read();
				if (after != '\n') {
					pending = after;
				}
			}
			return new Line(number, tooLong ? new byte[0] : bytes.toByteArray(), tooLong);
		}

	}

}

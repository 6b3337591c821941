package org.fugitivetracker.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fugitivetracker.common.PlainText;
import org.fugitivetracker.fugitive.FugitiveRequest;
import org.springframework.stereotype.Component;

/**
 * CSV in UTF-8 (with or without a byte order mark; LF, CRLF or CR lines), a header row naming the
 * columns: those of the CSV export ({@code /fugitives.csv}), a few more of the profile, and the
 * source columns. Read record by record; a record is never more than {@value #MAX_COLUMNS} cells
 * of at most {@value #MAX_CELL} characters. Records of blank cells (a spreadsheet's empty rows) are
 * skipped; a record with a control character in a column the import reads is refused, as the admin
 * forms refuse such text, before anything of it reaches a query.
 */
@Component
class CsvImportFormat implements ImportFormat {

	static final int MAX_COLUMNS = 200;

	static final int MAX_CELL = 10_000;

	/** Columns of the export that are ours to derive, not the file's to say. */
	private static final Set<String> DERIVED = Set.of("id", "years_on_the_run", "status");

	private static final Set<String> KNOWN = Set.of("name", "native_name", "destination_countries", "former_position",
			"former_position_zh", "former_organisation", "fled", "aliases", "offences", "sex", "birth_year", "province",
			"city", "source_url", "source_title", "source_publisher", "source_quote");

	/** Columns whose cells reach the preview or the database (a derived status is named in a warning). */
	private static final Set<String> READ = Stream.concat(KNOWN.stream(), Stream.of("status"))
		.collect(Collectors.toUnmodifiableSet());

	@Override
	public String name() {
		return "csv";
	}

	@Override
	public boolean recognises(String fileName, byte[] head) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return true;
		}
		String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		return !start.isEmpty() && start.charAt(0) != '{' && start.charAt(0) != '[';
	}

	@Override
	public void read(InputStream in, Sink sink) throws IOException {
		CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		Reader reader = new BufferedReader(new InputStreamReader(in, strict));
		reader.mark(1);
		long linesRead = 0;
		try {
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				var records = parser.iterator();
				if (!records.hasNext()) {
					sink.unusable(1, ImportMessage.of("import.csv.noNameColumn"));
					return;
				}
				CSVRecord header = records.next();
				linesRead = parser.getCurrentLineNumber();
				if (header.size() > MAX_COLUMNS) {
					sink.unusable(1, ImportMessage.of("import.csv.tooManyColumns", MAX_COLUMNS));
					return;
				}
				Map<String, Integer> columns = new HashMap<>();
				List<String> unknown = new ArrayList<>();
				for (int i = 0; i < header.size(); i++) {
					String column = header.get(i).strip().toLowerCase(Locale.ROOT);
					if (!PlainText.Validator.isPlain(column)) {
						sink.unusable(1, ImportMessage.of("admin.validation.plainText"));
						return;
					}
					columns.putIfAbsent(column, i);
					if (!KNOWN.contains(column) && !DERIVED.contains(column) && !column.isEmpty()) {
						unknown.add(column);
					}
				}
				if (!columns.containsKey("name")) {
					sink.unusable(1, ImportMessage.of("import.csv.noNameColumn"));
					return;
				}
				boolean first = true;
				while (records.hasNext()) {
					CSVRecord record = records.next();
					linesRead = parser.getCurrentLineNumber();
					if (isEmpty(record)) {
						// A spreadsheet saves the rows it shows empty as separators alone (",,,,").
						continue;
					}
					// The parser has counted the lines up to the record's last; a quoted cell may hold more.
					long line = parser.getCurrentLineNumber() - lineBreaksIn(record);
					Row row = new Row(record, columns);
					ImportMessage wrong = row.refusal(header.size());
					if (wrong != null) {
						sink.refused(line, wrong);
						continue;
					}
					List<ImportMessage> warnings = new ArrayList<>();
					if (first) {
						unknown.forEach(column -> warnings.add(ImportMessage.of("import.csv.columnNotKept", column)));
						first = false;
					}
					ImportedPerson person = row.person(line, warnings);
					if (person == null) {
						sink.refused(line,
								ImportMessage.of("import.csv.notANumber", "birth_year", row.get("birth_year")));
						continue;
					}
					sink.person(person);
				}
			}
		}
		catch (CharacterCodingException | UncheckedIOException notRead) {
			if (notRead instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof CSVException) {
				// The parser cannot tell where the stray quote was, only that the record after the last one
				// read never ends as a record should.
				sink.unusable(linesRead + 1, ImportMessage.of("import.csv.quotes"));
				return;
			}
			if (notRead instanceof UncheckedIOException unchecked
					&& !(unchecked.getCause() instanceof CharacterCodingException)) {
				throw unchecked.getCause();
			}
			sink.unusable(0, ImportMessage.of("import.file.notUtf8"));
		}
	}

	private static boolean isEmpty(CSVRecord record) {
		for (String cell : record) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static long lineBreaksIn(CSVRecord record) {
		long breaks = 0;
		for (String cell : record) {
			for (int i = 0; i < cell.length(); i++) {
				char c = cell.charAt(i);
				if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
					breaks++;
				}
			}
		}
		return breaks;
	}

	/** One record, its cells found by column name. */
	private static final class Row {

		private final CSVRecord record;

		private final Map<String, Integer> columns;

		Row(CSVRecord record, Map<String, Integer> columns) {
			this.record = record;
			this.columns = columns;
		}

		ImportMessage refusal(int headerSize) {
			if (record.size() > headerSize) {
				return ImportMessage.of("import.csv.tooManyCells", record.size(), headerSize);
			}
			for (String cell : record) {
				if (cell.length() > MAX_CELL) {
					return ImportMessage.of("import.csv.cellTooLong", MAX_CELL);
				}
			}
			// Refused here, as the admin forms refuse such text: PostgreSQL refuses a NUL in any text, so
			// a cell with one must never reach a query, not even the preview's duplicate look-up.
			return columns.entrySet()
				.stream()
				.filter(column -> READ.contains(column.getKey()) && column.getValue() < record.size()
						&& !PlainText.Validator.isPlain(record.get(column.getValue())))
				.min(Map.Entry.comparingByValue())
				.map(column -> ImportMessage.about(column.getKey(), "admin.validation.plainText"))
				.orElse(null);
		}

		/** The person the record describes, or null when its birth year is neither a year nor a date. */
		ImportedPerson person(long line, List<ImportMessage> warnings) {
			Integer birthYear = null;
			String year = get("birth_year");
			if (year != null) {
				BirthYear read = BirthYear.read(year).orElse(null);
				if (read == null) {
					return null;
				}
				birthYear = read.year();
				if (read.moreThanAYear()) {
					warnings.add(ImportMessage.about("birth_year", "import.birthYearOnly", year));
				}
			}
			String status = get("status");
			if (status != null && !"AT_LARGE".equalsIgnoreCase(status)) {
				warnings.add(ImportMessage.of("import.csv.statusNotKept", status));
			}
			for (int i = 0; i < record.size(); i++) {
				if (isFormula(record.get(i))) {
					warnings.add(ImportMessage.of("import.csv.formulaKeptAsText", columnAt(i)));
				}
			}
			FugitiveRequest profile = new FugitiveRequest(get("name"), get("native_name"), sex(get("sex")), birthYear,
					get("former_position"), get("former_position_zh"), get("former_organisation"), get("province"),
					null, get("city"), null, get("fled"), split(get("destination_countries"), "[\\s,;]+", true),
					split(get("aliases"), "[;|]", false), split(get("offences"), "[;|]", false), null, null, null, null,
					null);
			List<ImportedPerson.Source> sources = new ArrayList<>();
			ImportedPerson.Source source = new ImportedPerson.Source(get("source_url"), get("source_publisher"),
					get("source_title"), get("source_quote"));
			if (source.isNamed()) {
				sources.add(source);
			}
			return new ImportedPerson(line, profile, sources, List.of(), List.of(), List.of(), List.of(), warnings);
		}

		/** The cell, blank as null, without the apostrophe the export puts before a would-be formula. */
		String get(String column) {
			Integer index = columns.get(column);
			if (index == null || index >= record.size()) {
				return null;
			}
			String value = record.get(index);
			if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
				value = value.substring(1);
			}
			return value.isBlank() ? null : value.strip();
		}

		private String columnAt(int index) {
			return columns.entrySet()
				.stream()
				.filter(entry -> entry.getValue() == index)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(String.valueOf(index + 1));
		}

		private static boolean isFormula(String cell) {
			return !cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0
					|| cell.length() > 1 && cell.charAt(0) == '-' && !Character.isDigit(cell.charAt(1));
		}

		private static String sex(String value) {
			if (value == null) {
				return null;
			}
			return switch (value.toLowerCase(Locale.ROOT)) {
				case "m", "male" -> "M";
				case "f", "female" -> "F";
				default -> value;
			};
		}

		private static List<String> split(String value, String separator, boolean upperCase) {
			if (value == null) {
				return List.of();
			}
			return Arrays.stream(value.split(separator))
				.map(String::strip)
				.filter(part -> !part.isEmpty())
				.map(part -> upperCase ? part.toUpperCase(Locale.ROOT) : part)
				.toList();
		}

	}

}

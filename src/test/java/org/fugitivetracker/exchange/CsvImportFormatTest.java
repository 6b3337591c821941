package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fugitivetracker.fugitive.FugitiveRequest;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader on the files people send: the export's own, spreadsheets' line endings and
 * encodings, hostile cells.
 */
class CsvImportFormatTest {

	final CsvImportFormat csv = new CsvImportFormat();

	@Test
	void theExportsOwnFileReadsBackAsItsValues() {
		ReadFile read = read("\uFEFFid,name,native_name,status,destination_countries,former_position,"
				+ "former_organisation,fled,years_on_the_run\r\n"
				+ "7,Yang Xiuzhu,杨秀珠,RETURNED,US NL,'=Deputy mayor,Wenzhou,2003-04,13\r\n");
		assertThat(read.refused).isEmpty();
		FugitiveRequest profile = read.people.get(0).profile();
		assertThat(profile.name()).isEqualTo("Yang Xiuzhu");
		assertThat(profile.nativeName()).isEqualTo("杨秀珠");
		assertThat(profile.destinationCountries()).containsExactly("US", "NL");
		assertThat(profile.formerPosition()).as("the export's escape of a formula undone").isEqualTo("=Deputy mayor");
		assertThat(profile.formerOrganisation()).isEqualTo("Wenzhou");
		assertThat(profile.fled()).isEqualTo("2003-04");
		assertThat(read.people.get(0).warnings()).extracting(ImportMessage::key)
			.containsExactly("import.csv.statusNotKept");
	}

	@Test
	void sourceColumnsAliasesAndLineNumbersOfMultiLineCells() {
		ReadFile read = read("name,aliases,source_url,source_title,source_quote\n"
				+ "Test One,Alias A; Alias B|Alias C,https://example.org/a,Title A,\"Two\nlines\"\n"
				+ "\n"
				+ "Test Two,,,,\n"
				+ "Test Three,,,,");
		assertThat(read.people).extracting(ImportedPerson::line).containsExactly(2L, 5L, 6L);
		ImportedPerson one = read.people.get(0);
		assertThat(one.profile().aliasList()).containsExactly("Alias A", "Alias B", "Alias C");
		assertThat(one.sources()).containsExactly(
				new ImportedPerson.Source("https://example.org/a", null, "Title A", "Two\nlines"));
		assertThat(read.people.get(1).sources()).as("no source named: the file's is cited").isEmpty();
	}

	@Test
	void crOnlyCrlfAndLfLinesReadTheSame() {
		for (String end : List.of("\r", "\r\n", "\n")) {
			ReadFile read = read("name,fled" + end + "Test One,2001" + end + "Test Two,2002" + end);
			assertThat(read.people).as("lines ending %s", end.replace("\r", "CR").replace("\n", "LF"))
				.extracting(person -> person.profile().name(), ImportedPerson::line)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("Test One", 2L),
						org.assertj.core.groups.Tuple.tuple("Test Two", 3L));
		}
	}

	@Test
	void aFileThatIsNotUtf8IsRefusedWholeNeverReadAsReplacementCharacters() {
		ReadFile gbk = ReadFile.of(csv, "name\n杨秀珠\n".getBytes(Charset.forName("GBK")));
		assertThat(gbk.unusable.reason().key()).isEqualTo("import.file.notUtf8");
		assertThat(gbk.people).isEmpty();
		ReadFile latin1 = ReadFile.of(csv, "name\nJosé\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(latin1.unusable.reason().key()).isEqualTo("import.file.notUtf8");
	}

	@Test
	void tenThousandColumnsAreRefusedAsAFile() {
		ReadFile read = read("name," + "x,".repeat(10_000) + "y\nTest One\n");
		assertThat(read.unusable)
			.isEqualTo(new ReadFile.Refusal(1, ImportMessage.of("import.csv.tooManyColumns", 200)));
		assertThat(read.people).isEmpty();
	}

	@Test
	void aFormulaIsKeptAsTextWithAWarningAndBadRowsAreRefusedAtTheirLine() {
		ReadFile read = read("name,birth_year\n=HYPERLINK(\"http://evil\"),\nTest Two,nineteen\nTest Three,1960,extra\n"
				+ "Test Four,1961\n");
		assertThat(read.people).extracting(person -> person.profile().name())
			.containsExactly("=HYPERLINK(\"http://evil\")", "Test Four");
		assertThat(read.people.get(0).warnings()).extracting(ImportMessage::key)
			.containsExactly("import.csv.formulaKeptAsText");
		assertThat(read.refused).extracting(ReadFile.Refusal::line, refusal -> refusal.reason().key())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "import.csv.notANumber"),
					org.assertj.core.groups.Tuple.tuple(4L, "import.csv.tooManyCells"));
		assertThat(read.people.get(1).profile().birthYear()).isEqualTo(1961);
	}

	@Test
	void aControlCharacterInACellTheImportReadsRefusesItsRowNamingTheColumn() {
		ReadFile read = read("name,notes,source_title\nTest\u0000One,,\nTest Two,\u0000,\nTest Three,,Title\u0007\n"
				+ "Test Four,,\"Two\nlines\tand a tab\"\n");
		assertThat(read.refused).containsExactly(
				new ReadFile.Refusal(2, ImportMessage.about("name", "admin.validation.plainText")),
				new ReadFile.Refusal(4, ImportMessage.about("source_title", "admin.validation.plainText")));
		assertThat(read.people).as("a column left out may hold anything; line breaks and tabs are plain text")
			.extracting(ImportedPerson::line)
			.containsExactly(3L, 5L);
		assertThat(read("name,no\u0000tes\nTest One,\n").unusable).as("a header cell: the file is refused")
			.isEqualTo(new ReadFile.Refusal(1, ImportMessage.of("admin.validation.plainText")));
	}

	@Test
	void aSpreadsheetsEmptyRowsAndBlankLinesAreSkippedAndLaterRowsKeepTheirLineNumbers() {
		for (String end : List.of("\n", "\r\n", "\r")) {
			ReadFile read = read(String.join(end, "name,fled", "Test One,2001", ",", "", " , ", "Test Two,2002",
					",,,,,,", ",2003", "Test Three,2004") + end);
			assertThat(read.people).as("lines ending %s", end.replace("\r", "CR").replace("\n", "LF"))
				.extracting(person -> person.profile().name(), ImportedPerson::line)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("Test One", 2L),
						org.assertj.core.groups.Tuple.tuple("Test Two", 6L),
						org.assertj.core.groups.Tuple.tuple(null, 8L),
						org.assertj.core.groups.Tuple.tuple("Test Three", 9L));
			assertThat(read.refused).isEmpty();
		}
	}

	@Test
	void quotesThatDoNotPairUpRefuseTheFileFromTheLineTheyBreak() {
		ReadFile read = read("name,fled\nTest One,2001\n\"Test Two\"x,2002\nTest Three,2003\n");
		assertThat(read.unusable).isEqualTo(new ReadFile.Refusal(3, ImportMessage.of("import.csv.quotes")));
	}

	@Test
	void aBirthYearGivenAsADateKeepsItsYearAndSaysSo() {
		ReadFile read = read("name,birth_year\nTest One,1960-05-01\nTest Two,1961\nTest Three,1960-13-01\n");
		assertThat(read.people).extracting(person -> person.profile().birthYear()).containsExactly(1960, 1961);
		assertThat(read.people.get(0).warnings())
			.containsExactly(ImportMessage.about("birth_year", "import.birthYearOnly", "1960-05-01"));
		assertThat(read.people.get(1).warnings()).isEmpty();
		assertThat(read.refused).extracting(ReadFile.Refusal::line, refusal -> refusal.reason().key())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "import.csv.notANumber"));
	}

	@Test
	void aHeaderWithoutANameColumnIsRefusedAsAFile() {
		assertThat(read("full_name,fled\nTest One,2001\n").unusable.reason().key())
			.isEqualTo("import.csv.noNameColumn");
		assertThat(read("").unusable.reason().key()).isEqualTo("import.csv.noNameColumn");
	}

	@Test
	void fiftyThousandRowsStreamThroughOneByOne() {
		StringBuilder file = new StringBuilder("name,destination_countries\n");
		for (int i = 0; i < 50_000; i++) {
			file.append("Test Person ").append(i).append(",US\n");
		}
		int[] counted = { 0 };
		try {
			csv.read(new java.io.ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
					new ReadFile() {
						@Override
						public void person(ImportedPerson person) {
							counted[0]++;
						}
					});
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(counted[0]).isEqualTo(50_000);
	}

	private ReadFile read(String content) {
		return ReadFile.of(csv, content.getBytes(StandardCharsets.UTF_8));
	}

}

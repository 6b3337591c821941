package org.fugitivetracker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The FtM reader: the export's entities back into a person and their facts, whatever the order; bad lines refused. */
class FtmImportFormatTest {

	final FtmImportFormat ftm = new FtmImportFormat();

	static final String PERSON = """
			{"id":"ft-person-1","schema":"Person","properties":{"name":["Test Person"],"alias":["Test Alias","测试"],\
			"country":["us","ca"],"position":["Deputy mayor"],"birthDate":["1960"],"gender":["female"],\
			"notes":["bribery"],"status":["RETURNED"],"topics":["wanted"],"sourceUrl":["https://example.org/a"],\
			"publisher":["example.org","Associated Press"]}}""";

	@Test
	void theExportsEntitiesBecomeOnePersonWithTheirFactsInAnyOrder() {
		ReadFile read = read("""
				{"id":"ft-transfer-9","schema":"Payment","properties":{"payer":["ft-person-1"],"amount":["2500000"],\
				"currency":["CNY"],"summary":["2.5 million yuan"],"purpose":["moved to US"]}}
				""" + PERSON + "\n" + """
				{"id":"ft-identification-3","schema":"Passport","properties":{"holder":["ft-person-1"],\
				"number":["G1"],"type":["PASSPORT"],"country":["cn"]}}
				{"id":"ft-notice-4","schema":"Sanction","properties":{"entity":["ft-person-1"],\
				"program":["INTERPOL_RED_NOTICE"]}}
				{"id":"ft-listing-5","schema":"Sanction","properties":{"entity":["ft-person-1"],\
				"program":["Test list"],"provisions":["rank 7"],"listingDate":["2015-04"]}}
				{"id":"ft-flight-1","schema":"Event","properties":{"name":["FLIGHT"],"involved":["ft-person-1"],\
				"date":["2001-03"]}}
				{"id":"ft-event-6","schema":"Event","properties":{"name":["DETENTION"],"involved":["ft-person-1"],\
				"date":["2014-05"],"country":["us"],"summary":["Held"]}}
				""");
		assertThat(read.refused).isEmpty();
		ImportedPerson person = read.people.get(0);
		assertThat(person.line()).isEqualTo(2);
		assertThat(person.profile().name()).isEqualTo("Test Person");
		assertThat(person.profile().nativeName()).isEqualTo("测试");
		assertThat(person.profile().aliasList()).containsExactly("Test Alias");
		assertThat(person.profile().destinationCountries()).containsExactly("US", "CA");
		assertThat(person.profile().sex()).isEqualTo("F");
		assertThat(person.profile().birthYear()).isEqualTo(1960);
		assertThat(person.profile().offenceList()).containsExactly("bribery");
		assertThat(person.profile().fled()).as("a flight known only by its date").isEqualTo("2001-03");
		assertThat(person.sources()).as("addresses and publishers paired as far as both go").containsExactly(
				new ImportedPerson.Source("https://example.org/a", "example.org", null, null),
				new ImportedPerson.Source(null, "Associated Press", null, null));
		assertThat(person.identifiers()).extracting(ImportedPerson.Identifier::scheme,
				ImportedPerson.Identifier::value, ImportedPerson.Identifier::issuingCountry)
			.containsExactly(tuple("PASSPORT", "G1", "CN"), tuple("INTERPOL_RED_NOTICE", null, null));
		assertThat(person.places()).extracting(ImportedPerson.Place::listName, ImportedPerson.Place::rank,
				ImportedPerson.Place::added).containsExactly(tuple("Test list", 7, "2015-04"));
		assertThat(person.events()).extracting(ImportedPerson.Event::type, ImportedPerson.Event::country)
			.containsExactly(tuple("DETENTION", "US"));
		assertThat(person.transfers()).extracting(ImportedPerson.Transfer::amount,
				ImportedPerson.Transfer::destinationCountry, ImportedPerson.Transfer::line)
			.containsExactly(tuple(new BigDecimal("2500000"), "US", 1L));
		assertThat(person.warnings()).isEmpty();
	}

	@Test
	void badLinesAreRefusedAtTheirLineAndTheRestIsRead() {
		ReadFile read = read("\uFEFF" + PERSON + "\r\n" + "not json\r\n" + "[1]\r\n"
				+ "{\"id\":\"x\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Acme\"]}}\r\n"
				+ "{\"id\":\"y\",\"schema\":\"Event\",\"properties\":{\"involved\":[\"nobody\"]}}\r\n"
				+ "{\"id\":\"z\",\"schema\":\"Person\",\"properties\":{\"alias\":[\"No Name\"]}}\r\n"
				+ "{\"id\":\"w\",\"schema\":\"Person\",\"properties\":{\"name\":[1]}}\r\n");
		assertThat(read.people).extracting(person -> person.profile().name()).containsExactly("Test Person");
		assertThat(read.refused).extracting(ReadFile.Refusal::line, refusal -> refusal.reason().key())
			.containsExactlyInAnyOrder(tuple(2L, "import.ftm.notJson"), tuple(3L, "import.ftm.notAnEntity"),
					tuple(4L, "import.ftm.schemaNotImported"), tuple(5L, "import.ftm.unknownPerson"),
					tuple(6L, "import.ftm.noName"), tuple(7L, "import.ftm.notStrings"));
	}

	@Test
	void aNineMegabyteLineIsRefusedWithoutBeingHeldAndTheNextLineIsRead() {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(
				"{\"id\":\"big\",\"schema\":\"Person\",\"properties\":{\"name\":[\"".getBytes(StandardCharsets.UTF_8));
		file.writeBytes("x".repeat(9 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
		file.writeBytes("\"]}}\n".getBytes(StandardCharsets.UTF_8));
		file.writeBytes(PERSON.getBytes(StandardCharsets.UTF_8));
		ReadFile read = ReadFile.of(ftm, file.toByteArray());
		assertThat(read.refused)
			.containsExactly(new ReadFile.Refusal(1, ImportMessage.of("import.ftm.lineTooLong", 1024)));
		assertThat(read.people).extracting(ImportedPerson::line).containsExactly(2L);
	}

	@Test
	void aLineThatIsNotUtf8IsRefusedNotGuessed() {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(
				"{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Jos".getBytes(StandardCharsets.UTF_8));
		file.write(0xE9);
		file.writeBytes("\"]}}\n".getBytes(StandardCharsets.UTF_8));
		ReadFile read = ReadFile.of(ftm, file.toByteArray());
		assertThat(read.people).isEmpty();
		assertThat(read.refused).extracting(refusal -> refusal.reason().key()).containsExactly("import.ftm.notUtf8");
	}

	@Test
	void propertiesNotKeptAreSaid() {
		ReadFile read = read("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test A\"],"
				+ "\"nationality\":[\"cn\"],\"birthDate\":[\"1960-05-01\"]}}\n");
		assertThat(read.people.get(0).warnings()).containsExactlyInAnyOrder(
				ImportMessage.of("import.ftm.propertyNotKept", "nationality"),
				ImportMessage.about("birthDate", "import.birthYearOnly", "1960-05-01"));
		assertThat(read.people.get(0).profile().birthYear()).isEqualTo(1960);
	}

	@Test
	void furtherNamesAreKeptAsAliasesAndValuesAProfileCannotHoldAreSaid() {
		ReadFile read = read("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test A\",\"Test Ay\","
				+ "\"Test A\"],\"alias\":[\"Test Alias\"],\"birthDate\":[\"circa 1960\",\"1961-05\",\"1962\"],"
				+ "\"gender\":[\"other\"],\"position\":[\"Mayor\",\"Party secretary\"]}}\n");
		ImportedPerson person = read.people.get(0);
		assertThat(person.profile().name()).isEqualTo("Test A");
		assertThat(person.profile().aliasList()).containsExactly("Test Alias", "Test Ay");
		assertThat(person.profile().birthYear()).as("the first birth date that is one").isEqualTo(1961);
		assertThat(person.profile().sex()).isNull();
		assertThat(person.profile().formerPosition()).isEqualTo("Mayor");
		assertThat(person.warnings()).containsExactly(
				ImportMessage.about("name", "import.ftm.nameKeptAsAlias", "Test Ay"),
				ImportMessage.about("birthDate", "import.ftm.birthDateNotKept", "circa 1960"),
				ImportMessage.about("birthDate", "import.birthYearOnly", "1961-05"),
				ImportMessage.about("birthDate", "import.ftm.valueNotKept", "birthDate", "1962"),
				ImportMessage.about("gender", "import.ftm.genderNotKept", "other"),
				ImportMessage.about("position", "import.ftm.valueNotKept", "position", "Party secretary"));
	}

	@Test
	void aBirthDateThatIsNoRealDateIsSaidNotKeptAndAGenderIsReadInAnyCase() {
		ReadFile read = read("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test A\"],"
				+ "\"birthDate\":[\"1960-13-45\"],\"gender\":[\"Male\"]}}\n");
		ImportedPerson person = read.people.get(0);
		assertThat(person.profile().birthYear()).isNull();
		assertThat(person.profile().sex()).isEqualTo("M");
		assertThat(person.warnings())
			.containsExactly(ImportMessage.about("birthDate", "import.ftm.birthDateNotKept", "1960-13-45"));
	}

	@Test
	void aFactsSecondValueOfAPropertyItKeepsOnceIsSaidNotKept() {
		ReadFile read = read("{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test A\"]}}\n"
				+ "{\"id\":\"p\",\"schema\":\"Passport\",\"properties\":{\"holder\":[\"a\"],"
				+ "\"number\":[\"G1\",\"G2\",\"G1\"],\"country\":[\"cn\"]}}\n"
				+ "{\"id\":\"e\",\"schema\":\"Event\",\"properties\":{\"involved\":[\"a\"],\"name\":[\"FLIGHT\"],"
				+ "\"date\":[\"2014-03\",\"2015\"]}}\n");
		ImportedPerson person = read.people.get(0);
		assertThat(person.identifiers()).extracting(ImportedPerson.Identifier::value).containsExactly("G1");
		assertThat(person.warnings()).as("each value not kept, once, with the fact's line").containsExactly(
				ImportMessage.about("number", "import.ftm.factValueNotKept", "Passport", 2, "number", "G2"),
				ImportMessage.about("date", "import.ftm.factValueNotKept", "Event", 3, "date", "2015"));
	}

	@Test
	void aNulInAnyTextOfAnEntityRefusesItsLineNamingTheProperty() {
		ReadFile read = read(PERSON + "\n"
				+ "{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test\\u0000B\"]}}\n"
				+ "{\"id\":\"c\",\"schema\":\"Passport\",\"properties\":{\"holder\":[\"ft-person-1\"],"
				+ "\"number\":[\"G1\\u0000\"]}}\n"
				+ "{\"id\":\"d\\u0000\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Test D\"]}}\n");
		assertThat(read.refused).containsExactly(
				new ReadFile.Refusal(2, ImportMessage.about("name", "admin.validation.plainText")),
				new ReadFile.Refusal(3, ImportMessage.about("number", "admin.validation.plainText")),
				new ReadFile.Refusal(4, ImportMessage.about("id", "admin.validation.plainText")));
		assertThat(read.people).extracting(ImportedPerson::line).containsExactly(1L);
		assertThat(read.people.get(0).identifiers()).as("the refused passport is no fact of the person").isEmpty();
	}

	private ReadFile read(String content) {
		return ReadFile.of(ftm, content.getBytes(StandardCharsets.UTF_8));
	}

}

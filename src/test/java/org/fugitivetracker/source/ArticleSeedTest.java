package org.fugitivetracker.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.fugitivetracker.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each of the article's twelve facts is in the database with its value, qualifier, period and quote. */
@IntegrationTest
class ArticleSeedTest {

	static String article;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void readArticle() throws IOException {
		article = new ClassPathResource("sources/000_a7b77a9539845d0e.txt").getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void everyQuoteOfTheArticleAppearsVerbatimInIt() {
		List<String> quotes = jdbc.queryForList("select quote from citation where source_id = 1", String.class);
		assertThat(quotes).hasSizeGreaterThan(40).allSatisfy(quote -> assertThat(article).contains(quote));
		assertThat(jdbc.queryForObject("select count(*) from citation where source_id between 2 and 5 and quote is not null",
				Integer.class))
			.as("sources whose text we do not hold are not quoted")
			.isZero();
	}

	@Test
	void item1TheCaseOfTheFiveWithFourAtLargeAndItsCooperationSteps() {
		Map<String, Object> caseFile = jdbc.queryForMap("select * from case_file where id = 1");
		assertThat(caseFile).containsEntry("status", "NEGOTIATING").containsEntry("counterpart_country", "US");
		assertFigure("CASE_FUGITIVES", "US", 5, "EXACT", null, null);
		assertFigure("CASE_FUGITIVES_AT_LARGE", "US", 4, "EXACT", null, null);
		assertThat(jdbc.queryForObject(
				"select p.metric from reported_figure f join reported_figure p on p.id = f.part_of_id where f.metric = 'CASE_FUGITIVES_AT_LARGE'",
				String.class))
			.isEqualTo("CASE_FUGITIVES");
		assertThat(jdbc.queryForList("select kind from cooperation_step where case_id = 1 order by position", String.class))
			.containsExactly("JUDICIAL_ASSISTANCE_REQUESTED", "NEGOTIATION", "JOINT_INVESTIGATION", "EVIDENCE_REQUESTED",
					"INFORMATION_EXCHANGE", "AGREEMENT");
		assertQuoted("select c.quote from citation c where c.cooperation_step_id = 4",
				"\"provide more evidence and assist with their investigation\"");
		assertQuoted("select c.quote from citation c where c.cooperation_step_id = 5", "exchange information");
		assertThat(jdbc.queryForList(
				"select a.name from case_agency ca join agency a on a.id = ca.agency_id where ca.case_id = 1", String.class))
			.contains("U.S. judicial authorities", "CCDI International Cooperation Bureau");
	}

	@Test
	void item2YangXiuzhuInCustodyOneOfTheFive() {
		Map<String, Object> yang = jdbc.queryForMap("select * from fugitive where name = 'Yang Xiuzhu'");
		assertThat(yang).containsEntry("status", "IN_CUSTODY")
			.containsEntry("former_position", "Deputy mayor of Wenzhou")
			.containsEntry("province", "Zhejiang")
			.containsEntry("native_name", null)
			.containsEntry("fled_date", null);
		long id = ((Number) yang.get("id")).longValue();
		assertThat(jdbc.queryForList("select offence from fugitive_offence where fugitive_id = ?", String.class, id))
			.containsExactly("Illegal immigration (in the U.S.)");
		assertThat(jdbc.queryForList("select country_code from fugitive_destination where fugitive_id = ?", String.class, id))
			.containsExactly("US");
		assertThat(jdbc.queryForObject("select count(*) from case_participant where case_id = 1 and fugitive_id = ?",
				Integer.class, id))
			.isOne();
		assertThat(jdbc.queryForObject("select type from event where fugitive_id = ? and type = 'DETENTION'", String.class, id))
			.isEqualTo("DETENTION");
		assertQuoted("select quote from citation where fugitive_id = " + id + " and attribute = 'status'",
				"in custody awaiting deportation proceedings");
		assertQuoted("select quote from citation where fugitive_id = " + id + " and attribute = 'formerPosition'",
				"former deputy mayor of Wenzhou, Zhejiang province");
	}

	@Test
	void item3TheJointLiaisonGroupMeetingInDecember2014InBeijing() {
		Map<String, Object> meeting = jdbc.queryForMap("select * from event where type = 'MEETING'");
		assertThat(meeting).containsEntry("place", "Beijing")
			.containsEntry("country_code", "CN")
			.containsEntry("occurred_precision", "MONTH");
		assertThat(meeting.get("occurred_date").toString()).isEqualTo("2014-12-01");
		assertQuoted("select quote from citation where event_id = " + meeting.get("id") + " and source_id = 1",
				"held in December last year in Beijing");
		assertThat(jdbc.queryForObject("select claim from citation where event_id = ? and source_id = 5", String.class,
				meeting.get("id")))
			.isEqualTo("December 2014");
	}

	@Test
	void item4PopularDestinationsForLackOfExtraditionTreaties() {
		assertThat(jdbc.queryForList("select code from country where extradition_treaty_with_china = false order by code",
				String.class))
			.containsExactly("AU", "CA", "US");
		assertThat(jdbc.queryForList("select country_code from citation where attribute = 'extraditionTreaty' order by 1",
				String.class))
			.containsExactly("AU", "CA", "US");
		assertQuoted("select quote from citation where country_code = 'US'", "due to lack of extradition treaties and legal differences");
		assertThat(jdbc.queryForList("select name_zh from country where code in ('CN','US','CA','AU','NZ') order by code",
				String.class))
			.containsExactly("澳大利亚", "加拿大", "中国", "新西兰", "美国");
	}

	@Test
	void item5BillionsOfYuanThroughMoneyLaunderingAndUndergroundBanks() {
		Map<String, Object> transfer = jdbc.queryForMap("select * from asset_transfer where id = 1");
		assertThat(transfer).containsEntry("amount", null)
			.containsEntry("qualifier", "UNSPECIFIED")
			.containsEntry("amount_as_reported", "billions of yuan")
			.containsEntry("currency", "CNY");
		assertThat(jdbc.queryForList("select channel from asset_transfer_channel where asset_transfer_id = 1 order by 1",
				String.class))
			.containsExactly("MONEY_LAUNDERING", "UNDERGROUND_BANK");
		assertQuoted("select quote from citation where asset_transfer_id = 1", "through money laundering and underground banks");
	}

	@Test
	void item6OnlyTwoBroughtBackFromTheUsFrom2003To2013() {
		assertFigure("ECONOMIC_FUGITIVES_RETURNED", "US", 2, "ONLY", "2003-01-01/YEAR", "2013-01-01/YEAR");
	}

	@Test
	void item7FortyEightReturnedFromTheUsIn2015IncludingThreeForcibly() {
		assertFigure("FUGITIVES_RETURNED", "US", 48, "EXACT", "2015-01-01/YEAR", "2015-01-01/YEAR");
		assertFigure("FUGITIVES_FORCIBLY_REPATRIATED", "US", 3, "EXACT", "2015-01-01/YEAR", "2015-01-01/YEAR");
	}

	@Test
	void item8HuangYurongSurrenderedWithBothClaimsOnTheDay() {
		Map<String, Object> huang = jdbc.queryForMap("select * from fugitive where name = 'Huang Yurong'");
		assertThat(huang).containsEntry("status", "RETURNED")
			.containsEntry("reported_age", 64)
			.containsEntry("former_position", "Party chief")
			.containsEntry("former_organisation", "Henan province's Highway Department")
			.containsEntry("fled_precision", "MONTH");
		assertThat(huang.get("fled_date").toString()).isEqualTo("2002-08-01");
		long id = ((Number) huang.get("id")).longValue();
		Map<String, Object> surrender = jdbc.queryForMap("select * from event where fugitive_id = ? and type = 'SURRENDER'", id);
		assertThat(surrender).containsEntry("country_code", "US").containsEntry("occurred_precision", "DAY");
		assertThat(jdbc.queryForList(
				"select s.publisher || ': ' || c.claim from citation c join source s on s.id = c.source_id where c.event_id = ? order by c.source_id",
				String.class, surrender.get("id")))
			.containsExactly("China News Service English, from China Daily: on Sunday",
					"Xinhua / China Daily: Saturday 5 December 2015, surrendered at Beijing Capital Airport",
					"Associated Press: Saturday 5 December 2015");
		assertQuoted("select quote from citation where fugitive_id = " + id + " and attribute = 'yearsOnTheRun'",
				"after spending 13 years on the run");
		assertThat(jdbc.queryForObject(
				"select rank from list_membership m join wanted_list l on l.id = m.wanted_list_id where m.fugitive_id = ?",
				Integer.class, id))
			.isEqualTo(4);
		assertThat(jdbc.queryForObject("select scheme from external_identifier where fugitive_id = ?", String.class, id))
			.isEqualTo("INTERPOL_RED_NOTICE");
	}

	@Test
	void item9SkyNetLaunchedInApril2015ForEightMonthsTargeting100() {
		Map<String, Object> skyNet = jdbc.queryForMap("select * from operation where code_name = 'Sky Net'");
		assertThat(skyNet).containsEntry("planned_duration_months", 8)
			.containsEntry("target_count", 100)
			.containsEntry("started_precision", "MONTH");
		assertThat(skyNet.get("started_date").toString()).isEqualTo("2015-04-01");
		assertThat(skyNet.get("goals").toString()).contains("confiscate their ill-gotten assets");
		assertQuoted("select quote from citation where operation_id = 1 and attribute = 'target'",
				"to hunt down 100 major corrupt officials at large abroad");
	}

	@Test
	void item10MinistryWorksWithThePeoplesBankToMonitorFundFlows() {
		assertThat(jdbc.queryForObject(
				"select a.name || ' + ' || b.name from agency_partnership p join agency a on a.id = p.agency_id join agency b on b.id = p.partner_agency_id",
				String.class))
			.isEqualTo("Ministry of Public Security + People's Bank of China");
		assertQuoted("select quote from citation where agency_partnership_id = 1", "monitor the suspicious flow of funds");
	}

	@Test
	void item11SkyNetPeriodFiguresWithTheirQualifiers() {
		String from = "2015-04-01/MONTH";
		String to = "2015-11-01/MONTH";
		assertFigure("ECONOMIC_FUGITIVES_RETURNED", null, 860, "MORE_THAN", from, to);
		assertFigure("CORRUPT_OFFICIALS_RETURNED", null, 196, "EXACT", from, to);
		assertFigure("UNDERGROUND_BANKS_SMASHED", null, 150, "MORE_THAN", from, to);
		assertFigure("SUSPECTS_ARRESTED", null, 300, "ABOUT", from, to);
		assertThat(jdbc.queryForList("select value::text || ' ' || unit || ' ' || qualifier from reported_figure where metric = 'MONEY_INVOLVED' order by id",
				String.class))
			.containsExactly("800000000000.00 CNY UP_TO", "123500000000.00 USD UP_TO");
		assertThat(jdbc.queryForObject("select count(*) from reported_figure where metric = 'CORRUPT_OFFICIALS_RETURNED' and part_of_id = (select id from reported_figure where value = 860)",
				Integer.class))
			.isOne();
	}

	@Test
	void item12LiuJianchaoNearlyHalfStillOnTheRunInFourCountries() {
		assertFigure("CORRUPT_OFFICIALS_STILL_AT_LARGE_SHARE", "AU", 50, "NEARLY", null, null);
		assertThat(jdbc.queryForList(
				"select country_code from reported_figure_country where reported_figure_id = 12 order by 1", String.class))
			.containsExactly("AU", "CA", "NZ", "US");
		assertThat(jdbc.queryForObject(
				"select o.name || ', ' || o.title || ', ' || a.name from reported_figure f join agency_official o on o.id = f.stated_by_official_id join agency a on a.id = o.agency_id where f.id = 12",
				String.class))
			.isEqualTo("Liu Jianchao, Director, CCDI International Cooperation Bureau");
	}

	@Test
	void noInventedPeopleTheOtherFourAreOnlyFigures() {
		assertThat(jdbc.queryForList("select distinct f.name from fugitive f join citation c on c.fugitive_id = f.id "
				+ "where c.source_id between 1 and 5 order by f.name", String.class))
			.containsExactly("Huang Yurong", "Yang Xiuzhu");
		assertThat(jdbc.queryForObject("select count(*) from event where fugitive_id is not null and not exists "
				+ "(select 1 from citation c where c.event_id = event.id)", Integer.class))
			.as("every seeded event about a person is cited")
			.isZero();
	}

	@Test
	void theSchemaRefusesBadRowsEvenIfTheCodeForgets() {
		assertThatThrownBy(() -> jdbc.update("insert into fugitive (name, status) values ('X', 'ESCAPED')"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update(
				"insert into reported_figure (metric, value, qualifier, unit) values ('X', 1, 'ROUGHLY', 'PERSONS')"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update(
				"insert into event (type, occurred_date, occurred_precision, fugitive_id) values ('SURRENDER', date '2015-04-20', 'MONTH', 1)"))
			.as("a month-precision date must not carry a day")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update("insert into citation (source_id, attribute, claim) values (1, 'x', 'y')"))
			.as("a citation must cite exactly one subject")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update("insert into fugitive_destination values (1, 'XX')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private void assertFigure(String metric, String country, double value, String qualifier, String from, String to) {
		String sql = "select f.value, f.qualifier, f.period_from_date || '/' || f.period_from_precision as period_from, "
				+ "f.period_to_date || '/' || f.period_to_precision as period_to, "
				+ "(select count(*) from citation c where c.reported_figure_id = f.id and c.source_id = 1 and c.quote is not null) as quotes "
				+ "from reported_figure f where f.metric = ? and (cast(? as varchar) is null or exists "
				+ "(select 1 from reported_figure_country rc where rc.reported_figure_id = f.id and rc.country_code = ?)) "
				+ "and f.value = ?";
		Map<String, Object> figure = jdbc.queryForMap(sql, metric, country, country, value);
		assertThat(figure.get("qualifier")).isEqualTo(qualifier);
		assertThat(figure.get("period_from")).isEqualTo(from);
		assertThat(figure.get("period_to")).isEqualTo(to);
		assertThat(((Number) figure.get("quotes")).intValue()).as("cited with a quote of the article").isPositive();
	}

	private void assertQuoted(String sql, String expectedFragment) {
		List<String> quotes = jdbc.queryForList(sql, String.class);
		assertThat(quotes).anySatisfy(quote -> assertThat(quote).contains(expectedFragment));
		assertThat(quotes).allSatisfy(quote -> assertThat(article).contains(quote));
	}

}

package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fugitivetracker.fugitive.FugitiveSort.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FugitiveFilterTest {

	@Test
	void noParametersMeanEverythingByNameFirstPageOf50() {
		FugitiveFilter filter = FugitiveFilter.none();
		assertThat(filter.isEmpty()).isTrue();
		assertThat(filter.sort()).isEqualTo(new FugitiveSort(Property.NAME, true));
		assertThat(filter.page()).isZero();
		assertThat(filter.size()).isEqualTo(50);
		assertThat(filter.toQueryString(false)).isEmpty();
	}

	@Test
	void readsEveryParameterAndNormalisesThem() {
		FugitiveFilter filter = parse(List.of("us", "CA", "US"), List.of("at_large", "RETURNED"), "  yang  xiu ", "1",
				"fled,desc", "2", "20");
		assertThat(filter.countries()).containsExactly("CA", "US");
		assertThat(filter.statuses()).containsExactly(FugitiveStatus.AT_LARGE, FugitiveStatus.RETURNED);
		assertThat(filter.q()).isEqualTo("yang  xiu");
		assertThat(filter.terms()).containsExactly("yang", "xiu");
		assertThat(filter.operation()).isEqualTo(1L);
		assertThat(filter.sort()).isEqualTo(new FugitiveSort(Property.FLED, false));
		assertThat(filter.offset()).isEqualTo(40);
	}

	@Test
	void commaSeparatedValuesCountAsRepeatedOnesAndBlanksAreIgnored() {
		FugitiveFilter filter = parse(List.of("US,NZ", ""), List.of(" "), " ", "", "", "", "");
		assertThat(filter.countries()).containsExactly("NZ", "US");
		assertThat(filter.statuses()).isEmpty();
		assertThat(filter.q()).isNull();
		assertThat(filter.operation()).isNull();
	}

	@Test
	void theQueryStringReproducesTheFilterEncodedLikeAForm() {
		FugitiveFilter filter = parse(List.of("US", "CA"), List.of("AT_LARGE"), "张伟 a+b&c", "1", "name,desc", "3",
				"20");
		String query = filter.toQueryString(true);
		assertThat(query).isEqualTo("country=CA&country=US&status=AT_LARGE&q=%E5%BC%A0%E4%BC%9F+a%2Bb%26c"
				+ "&operation=1&sort=name%2Cdesc&page=3&size=20");
		assertThat(filter.toQueryString(false)).doesNotContain("page=", "size=");
		assertThat(filter.withPage(0).toQueryString(true)).contains("page=0");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			country   | XX
			country   | USA
			country   | 1
			status    | FOO
			status    | at-large
			operation | abc
			operation | 0
			operation | -1
			sort      | age
			sort      | name,up
			sort      | name,asc,id
			page      | -1
			page      | x
			page      | 1.5
			page      | 99999999999
			size      | 0
			size      | 201
			size      | ten
			""")
	void refusesABadParameterNamingIt(String parameter, String value) {
		assertThatThrownBy(() -> parse(parameter, value)).isInstanceOf(InvalidFilterException.class)
			.hasMessageStartingWith(parameter + ": ")
			.hasMessageContaining(value)
			.extracting(ex -> ((InvalidFilterException) ex).getParameter())
			.isEqualTo(parameter);
	}

	@Test
	void refusesASearchTextLongerThan100Characters() {
		assertThat(parse("q", "x".repeat(100)).q()).hasSize(100);
		assertThatThrownBy(() -> parse("q", "x".repeat(101))).isInstanceOf(InvalidFilterException.class)
			.hasMessageStartingWith("q: ");
	}

	@Test
	void pagesAreBoundedAt10000RowsForThePagedViewsOnly() {
		assertThat(parse(List.of(), List.of(), null, null, null, "49", "200").requirePageable().offset())
			.isEqualTo(9800);
		FugitiveFilter deep = parse(List.of(), List.of(), null, null, null, "50", "200");
		assertThatThrownBy(deep::requirePageable).isInstanceOf(InvalidFilterException.class)
			.hasMessageStartingWith("page: ")
			.hasMessageContaining("narrow the filter");
	}

	@Test
	void likeWildcardsInTheSearchTextAreEscaped() {
		assertThat(FugitiveSearch.escapeLike("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
	}

	@Test
	void sortOrdersMatchTheirIndexes() {
		assertThat(FugitiveSort.parse("name").orderBy("f")).isEqualTo("f.name ASC, f.id ASC");
		assertThat(FugitiveSort.parse("STATUS,DESC").orderBy("f")).isEqualTo("f.status DESC, f.name DESC, f.id DESC");
		assertThat(FugitiveSort.parse("fled,asc").orderBy("p")).isEqualTo("p.fled_date ASC NULLS LAST, p.id ASC");
		assertThat(FugitiveSort.parse("fled,desc").param()).isEqualTo("fled,desc");
	}

	private static FugitiveFilter parse(String parameter, String value) {
		List<String> one = List.of(value);
		return switch (parameter) {
			case "country" -> parse(one, null, null, null, null, null, null);
			case "status" -> parse(null, one, null, null, null, null, null);
			case "q" -> parse(null, null, value, null, null, null, null);
			case "operation" -> parse(null, null, null, value, null, null, null);
			case "sort" -> parse(null, null, null, null, value, null, null);
			case "page" -> parse(null, null, null, null, null, value, null);
			case "size" -> parse(null, null, null, null, null, null, value);
			default -> throw new IllegalArgumentException(parameter);
		};
	}

	private static FugitiveFilter parse(List<String> country, List<String> status, String q, String operation,
			String sort, String page, String size) {
		return FugitiveFilter.parse(new FugitiveQuery(country, status, q, operation, sort, page, size));
	}

}

package org.fugitivetracker.fugitive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRomaniserTest {

	@ParameterizedTest
	@CsvSource({ "杨秀珠, yang xiu zhu", "黄玉荣, huang yu rong",
			// a surname's own reading at the start of a name, the usual one after it
			"曾伟, zeng wei", "单丽, shan li", "李单, li dan", "仇敏, qiu min", "吕明, lu ming", "欧阳修, ou yang xiu",
			"'杨秀珠 (别名)', yang xiu zhu bie ming", "'  杨　秀珠 ', yang xiu zhu", "Иван Петров, ivan petrov",
			"'王伟 Wang', wang wei wang" })
	void writesANameOfAnotherScriptInLowerCaseAsciiWords(String name, String romanised) {
		assertThat(NameRomaniser.romanise(name)).isEqualTo(romanised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Yang Xiuzhu", "Yáng Xiùzhū", "ＹＡＮＧ", "O'Brien-Smith", "12345", "", " ", "(—)" })
	void leavesNamesInLatinScriptAndTextWithoutLettersAlone(String name) {
		assertThat(NameRomaniser.romanise(name)).isNull();
	}

	@Test
	void romanisesTheNativeNameFirstThenTheAliasesInStringOrderEachOnce() {
		assertThat(NameRomaniser.romanisedNames("杨秀珠", List.of("秀珠", "Yang Xiu-zhu", "杨秀珠", "阿珠")))
			.containsExactly("yang xiu zhu", "xiu zhu", "a zhu");
		assertThat(NameRomaniser.romanisedNames(null, List.of("Test Alias"))).isEmpty();
		assertThat(NameRomaniser.romanisedNames("Yang", List.of())).isEmpty();
	}

	@Test
	void whatItWritesIsWhatTheDatabaseAccepts() {
		for (String name : List.of("杨秀珠", "單麗", "Ἀθῆναι", "東京都", "서울", "محمد", "ΨΧ-12 ω")) {
			String romanised = NameRomaniser.romanise(name);
			assertThat(romanised).as(name).matches("[a-z0-9]+( [a-z0-9]+)*");
		}
	}

}

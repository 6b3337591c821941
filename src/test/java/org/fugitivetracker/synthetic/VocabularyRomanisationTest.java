package org.fugitivetracker.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.fugitivetracker.fugitive.NameRomaniser;
import org.junit.jupiter.api.Test;

/**
 * The loader romanises each name character once and joins the spellings; that is what the
 * application's romanisation of the whole name gives, for every name the vocabulary makes. (It
 * would not for a character read otherwise at the start of a name, such as 单: Shan as a surname,
 * Dan after one; such a character may not become a given name here.)
 */
class VocabularyRomanisationTest {

	@Test
	void eachNameIsItsCharactersSpellingsSpaced() {
		for (int s = 0; s < Vocabulary.SURNAMES.length; s++) {
			String surname = Vocabulary.SURNAMES[s][0];
			for (int g = 0; g < Vocabulary.GIVEN_MALE.length; g++) {
				assertThat(NameRomaniser.romanise(surname + Vocabulary.GIVEN_MALE[g][0]))
					.isEqualTo(Vocabulary.SURNAME_ROMANISED[s] + " " + Vocabulary.GIVEN_MALE_ROMANISED[g]);
			}
			for (int g = 0; g < Vocabulary.GIVEN_FEMALE.length; g++) {
				assertThat(NameRomaniser.romanise(surname + Vocabulary.GIVEN_FEMALE[g][0]))
					.isEqualTo(Vocabulary.SURNAME_ROMANISED[s] + " " + Vocabulary.GIVEN_FEMALE_ROMANISED[g]);
			}
		}
		assertGivenNamesOfTwo(Vocabulary.GIVEN_MALE, Vocabulary.GIVEN_MALE_ROMANISED);
		assertGivenNamesOfTwo(Vocabulary.GIVEN_FEMALE, Vocabulary.GIVEN_FEMALE_ROMANISED);
	}

	@Test
	void thePlanWritesTheSpellingTheApplicationWouldForItsNativeName() {
		FugitivePlan plan = new FugitivePlan(42, 2_000, 20);
		for (long i = 0; i < 2_000; i++) {
			plan.fill(i);
			assertThat(plan.romanisedName()).isEqualTo(NameRomaniser.romanise(plan.nativeName()));
		}
	}

	private static void assertGivenNamesOfTwo(String[][] given, String[] romanised) {
		String surname = Vocabulary.SURNAMES[0][0];
		for (int first = 0; first < given.length; first++) {
			for (int second = 0; second < given.length; second++) {
				assertThat(NameRomaniser.romanise(surname + given[first][0] + given[second][0]))
					.isEqualTo(Vocabulary.SURNAME_ROMANISED[0] + " " + romanised[first] + " " + romanised[second]);
			}
		}
	}

}

package org.fugitivetracker.fugitive;

import java.lang.Character.UnicodeScript;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/**
 * A name written in another script, in Latin letters: 杨秀珠 → "yang xiu zhu". The one definition
 * of the romanised spellings that search and the duplicate check compare (the database stores
 * them, {@code fugitive.romanised_names}, and derives the search text from them).
 * <p>
 * ICU's transforms: Chinese by pinyin with the readings a surname takes at the start of a name
 * (曾 Zeng, 单 Shan, not Ceng, Dan: {@code Han-Latin/Names}), then any other script by ICU's
 * romanisation of it ({@code Any-Latin}: Иван → ivan), each without tone marks or accents, in
 * lower case. ICU writes one word per Chinese syllable; what is not a letter or a digit becomes
 * a single space. The second transform runs only where letters of another script are left: it
 * takes three times as long as the first, and Chinese names need only the first.
 */
public final class NameRomaniser {

	// ICU does not promise that one transliterator may serve several threads at once: each is
	// used under its own lock.
	private static final Transliterator HAN = Transliterator.getInstance("Han-Latin/Names; Latin-ASCII; Lower");

	private static final Transliterator OTHER_SCRIPTS = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

	private NameRomaniser() {
	}

	/**
	 * The name in lower-case ASCII words separated by single spaces; null when it needs none (it
	 * has no letter outside the Latin script: search already folds accents) or gives none.
	 */
	public static String romanise(String name) {
		if (name == null || !hasLettersOfAnotherScript(name)) {
			return null;
		}
		String latin = transliterate(HAN, name);
		if (hasLettersOfAnotherScript(latin)) {
			latin = transliterate(OTHER_SCRIPTS, latin);
		}
		String words = latin.replaceAll("[^a-z0-9]+", " ").strip();
		return words.isEmpty() ? null : words;
	}

	/**
	 * The romanised spellings of a person's names: the native name's first, then the aliases' in
	 * the aliases' {@link String#compareTo} order (so the same whoever lists the aliases), each once;
	 * empty when no name needs one.
	 */
	public static List<String> romanisedNames(String nativeName, Collection<String> aliases) {
		Set<String> names = new LinkedHashSet<>();
		addIfAny(names, romanise(nativeName));
		aliases.stream().sorted().forEach(alias -> addIfAny(names, romanise(alias)));
		return List.copyOf(names);
	}

	private static String transliterate(Transliterator transform, String text) {
		synchronized (transform) {
			return transform.transliterate(text);
		}
	}

	private static void addIfAny(Set<String> names, String romanised) {
		if (romanised != null) {
			names.add(romanised);
		}
	}

	private static boolean hasLettersOfAnotherScript(String name) {
		return name.codePoints()
			.anyMatch(c -> Character.isLetter(c) && UnicodeScript.of(c) != UnicodeScript.LATIN
					&& UnicodeScript.of(c) != UnicodeScript.COMMON && UnicodeScript.of(c) != UnicodeScript.INHERITED);
	}

}

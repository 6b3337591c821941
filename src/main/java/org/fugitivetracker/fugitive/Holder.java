package org.fugitivetracker.fugitive;

/** The person an identifier or a rank on a list already belongs to, to name and link to. */
public record Holder(long id, String name, String nativeName) {

	static Holder of(Fugitive fugitive) {
		return new Holder(fugitive.getId(), fugitive.getName(), fugitive.getNativeName());
	}

}

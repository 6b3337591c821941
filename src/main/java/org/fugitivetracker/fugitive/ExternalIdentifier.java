package org.fugitivetracker.fugitive;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A notice a person is wanted under, e.g. an Interpol red notice; {@code value} is null where the
 * number is not published.
 */
@Embeddable
public class ExternalIdentifier {

	public enum Scheme {

		INTERPOL_RED_NOTICE, NATIONAL_WANTED_NOTICE

	}

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Scheme scheme;

	@Column(length = 100)
	private String value;

	protected ExternalIdentifier() {
	}

	public ExternalIdentifier(Scheme scheme, String value) {
		this.scheme = scheme;
		this.value = value;
	}

	public Scheme getScheme() {
		return scheme;
	}

	public String getValue() {
		return value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ExternalIdentifier that && scheme == that.scheme && Objects.equals(value, that.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(scheme, value);
	}

}

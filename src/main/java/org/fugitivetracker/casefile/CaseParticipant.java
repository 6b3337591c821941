package org.fugitivetracker.casefile;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.fugitivetracker.fugitive.Fugitive;

/** A person in a case, and the part they play in it. */
@Embeddable
public class CaseParticipant {

	public enum Role {

		PRINCIPAL, ACCOMPLICE, RELATIVE, WITNESS

	}

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "fugitive_id")
	private Fugitive fugitive;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Role role;

	protected CaseParticipant() {
	}

	public CaseParticipant(Fugitive fugitive, Role role) {
		this.fugitive = fugitive;
		this.role = role;
	}

	public Fugitive getFugitive() {
		return fugitive;
	}

	public Role getRole() {
		return role;
	}

	/** Equal when the same person plays the same part (so the audit sees which element changed). */
	@Override
	public boolean equals(Object other) {
		return other instanceof CaseParticipant that && Objects.equals(fugitiveId(), that.fugitiveId())
				&& role == that.role;
	}

	@Override
	public int hashCode() {
		return Objects.hash(fugitiveId(), role);
	}

	private Long fugitiveId() {
		return fugitive == null ? null : fugitive.getId();
	}

}

package org.fugitivetracker.asset;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.common.Qualifier;
import org.fugitivetracker.common.StatedAmount;
import org.fugitivetracker.fugitive.Fugitive;
import org.hibernate.envers.Audited;

/** Money moved abroad, as a source reports it; the amount may be only words ("billions of yuan"). */
@Entity
@Audited
@Table(name = "asset_transfer")
public class AssetTransfer implements StatedAmount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(precision = 20, scale = 2)
	private BigDecimal amount;

	@Column(nullable = false, length = 3)
	private String currency;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 12)
	private Qualifier qualifier;

	@Column(name = "amount_as_reported", nullable = false, length = 200)
	private String amountAsReported;

	@Column(name = "destination_country", length = 2)
	private String destinationCountry;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "fugitive_id")
	private Fugitive fugitive;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "case_id")
	private CaseFile caseFile;

	@Column(length = 2000)
	private String description;

	@ElementCollection
	@CollectionTable(name = "asset_transfer_channel", joinColumns = @JoinColumn(name = "asset_transfer_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "channel", nullable = false, length = 20)
	private Set<TransferChannel> channels = new LinkedHashSet<>();

	@Column(nullable = false)
	private boolean synthetic;

	protected AssetTransfer() {
	}

	public AssetTransfer(BigDecimal amount, String currency, Qualifier qualifier, String amountAsReported) {
		this.amount = amount;
		this.currency = currency;
		this.qualifier = qualifier;
		this.amountAsReported = amountAsReported;
	}

	public Long getId() {
		return id;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getCurrency() {
		return currency;
	}

	public Qualifier getQualifier() {
		return qualifier;
	}

	public String getAmountAsReported() {
		return amountAsReported;
	}

	public String getDestinationCountry() {
		return destinationCountry;
	}

	public void setDestinationCountry(String destinationCountry) {
		this.destinationCountry = destinationCountry;
	}

	public Fugitive getFugitive() {
		return fugitive;
	}

	public void setFugitive(Fugitive fugitive) {
		this.fugitive = fugitive;
	}

	public CaseFile getCaseFile() {
		return caseFile;
	}

	public void setCaseFile(CaseFile caseFile) {
		this.caseFile = caseFile;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Set<TransferChannel> getChannels() {
		return channels;
	}

	public boolean isSynthetic() {
		return synthetic;
	}

	@Override
	public BigDecimal statedNumber() {
		return amount;
	}

	@Override
	public Qualifier statedQualifier() {
		return qualifier;
	}

	@Override
	public String statedUnit() {
		return currency;
	}

	@Override
	public String statedWords() {
		return amountAsReported;
	}

}

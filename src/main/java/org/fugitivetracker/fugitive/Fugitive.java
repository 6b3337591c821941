package org.fugitivetracker.fugitive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;

import org.fugitivetracker.common.PartialDate;

/**
 * A person who fled abroad, as the sources describe them. Audited (Envers): every change is kept
 * with who made it and when; {@code updatedAt}/{@code updatedBy} only serve optimistic-locking
 * messages and are not audited (the revision itself says who and when).
 */
@Entity
@Audited
public class Fugitive {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The name as published, in Latin script. */
	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "native_name", length = 100)
	private String nativeName;

	@Column(length = 1)
	private String sex;

	@Column(name = "birth_year")
	private Integer birthYear;

	/** An age as a source gives it, with the date it was given ("64-year-old" in December 2015). */
	@Column(name = "reported_age")
	private Integer reportedAge;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "reported_age_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "reported_age_precision")) })
	private PartialDate reportedAgeOn;

	@Column(name = "former_position", length = 300)
	private String formerPosition;

	/** The position in Chinese, where known; the Chinese pages show it instead of the English one. */
	@Column(name = "former_position_zh", length = 300)
	private String formerPositionZh;

	@Column(name = "former_organisation", length = 300)
	private String formerOrganisation;

	@Column(length = 100)
	private String province;

	@Column(name = "province_zh", length = 100)
	private String provinceZh;

	@Column(length = 100)
	private String city;

	@Column(name = "city_zh", length = 100)
	private String cityZh;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 12)
	private FugitiveStatus status = FugitiveStatus.AT_LARGE;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "fled_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "fled_precision")) })
	private PartialDate fled;

	@ElementCollection
	@CollectionTable(name = "fugitive_alias", joinColumns = @JoinColumn(name = "fugitive_id"))
	@Column(name = "alias", nullable = false, length = 200)
	@OrderBy
	private Set<String> aliases = new LinkedHashSet<>();

	/**
	 * The native name and the aliases written in other scripts, romanised ({@link NameRomaniser}):
	 * derived, so not audited (the names they come from are); the search text includes them.
	 */
	@NotAudited
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "romanised_names", nullable = false)
	private List<String> romanisedNames = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "fugitive_offence", joinColumns = @JoinColumn(name = "fugitive_id"))
	@Column(name = "offence", nullable = false, length = 200)
	@OrderBy
	private Set<String> offences = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "fugitive_destination", joinColumns = @JoinColumn(name = "fugitive_id"))
	@Column(name = "country_code", nullable = false, length = 2)
	@OrderBy
	private Set<String> destinationCountries = new LinkedHashSet<>();

	/**
	 * Read only, for the pages that show the person with their places; each place is a record of
	 * its own, added, removed and audited as one ({@link ListMembership}).
	 */
	@NotAudited
	@OneToMany(mappedBy = "fugitive")
	@OrderBy("id")
	private List<ListMembership> listMemberships = new ArrayList<>();

	@Column(nullable = false)
	private boolean synthetic;

	@Version
	private long version;

	@NotAudited
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	/** Who made the last change through the application; null for rows nobody has changed yet. */
	@NotAudited
	@Column(name = "updated_by", length = 64)
	private String updatedBy;

	protected Fugitive() {
	}

	public Fugitive(String name) {
		this.name = name;
	}

	@PreUpdate
	void touch() {
		updatedAt = Instant.now();
	}

	/** Whole years between flight and return (or {@code today} while not returned); null if unknown. */
	public Integer yearsOnTheRun(PartialDate returned, LocalDate today) {
		if (fled == null) {
			return null;
		}
		return PartialDate.yearsBetween(fled, returned != null ? returned : PartialDate.ofDay(today));
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getNativeName() {
		return nativeName;
	}

	public void setNativeName(String nativeName) {
		this.nativeName = nativeName;
	}

	public String getSex() {
		return sex;
	}

	public void setSex(String sex) {
		this.sex = sex;
	}

	public Integer getBirthYear() {
		return birthYear;
	}

	public void setBirthYear(Integer birthYear) {
		this.birthYear = birthYear;
	}

	public Integer getReportedAge() {
		return reportedAge;
	}

	public PartialDate getReportedAgeOn() {
		return reportedAgeOn;
	}

	public String getFormerPosition() {
		return formerPosition;
	}

	public void setFormerPosition(String formerPosition) {
		this.formerPosition = formerPosition;
	}

	public String getFormerPositionZh() {
		return formerPositionZh;
	}

	public void setFormerPositionZh(String formerPositionZh) {
		this.formerPositionZh = formerPositionZh;
	}

	public String getFormerOrganisation() {
		return formerOrganisation;
	}

	public void setFormerOrganisation(String formerOrganisation) {
		this.formerOrganisation = formerOrganisation;
	}

	public String getProvince() {
		return province;
	}

	public void setProvince(String province) {
		this.province = province;
	}

	public String getProvinceZh() {
		return provinceZh;
	}

	public void setProvinceZh(String provinceZh) {
		this.provinceZh = provinceZh;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getCityZh() {
		return cityZh;
	}

	public void setCityZh(String cityZh) {
		this.cityZh = cityZh;
	}

	public FugitiveStatus getStatus() {
		return status;
	}

	/** Only the event rules set this; see {@code event.StatusFromEvents}. */
	public void setStatus(FugitiveStatus status) {
		this.status = status;
	}

	public PartialDate getFled() {
		return fled;
	}

	public void setFled(PartialDate fled) {
		this.fled = fled;
	}

	public Set<String> getAliases() {
		return aliases;
	}

	public List<String> getRomanisedNames() {
		return romanisedNames;
	}

	/** Romanises the native name and the aliases again; every write of either calls this. */
	void romaniseNames() {
		List<String> romanised = NameRomaniser.romanisedNames(nativeName, aliases);
		if (!romanised.equals(romanisedNames)) {
			romanisedNames = new ArrayList<>(romanised);
		}
	}

	public Set<String> getOffences() {
		return offences;
	}

	public Set<String> getDestinationCountries() {
		return destinationCountries;
	}

	public List<ListMembership> getListMemberships() {
		return listMemberships;
	}

	public boolean isSynthetic() {
		return synthetic;
	}

	public long getVersion() {
		return version;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	/**
	 * Marks the fugitive as changed by {@code username} now. Every write about a fugitive (an event
	 * recorded, corrected or deleted, a profile edit) calls this, so the row's {@code version} is
	 * incremented and two writers on the same version cannot both succeed.
	 */
	public void markChangedBy(String username) {
		this.updatedBy = username;
		this.updatedAt = Instant.now();
	}

}

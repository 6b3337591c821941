package org.fugitivetracker.source;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.fugitivetracker.common.PartialDate;
import org.hibernate.envers.Audited;

/** A publication that says something: a news article, an agency statement, a report. */
@Entity
@Audited
public class Source {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(nullable = false, length = 200)
	private String publisher;

	@Column(length = 2000)
	private String url;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "date", column = @Column(name = "published_date")),
			@AttributeOverride(name = "precision", column = @Column(name = "published_precision")) })
	private PartialDate published;

	/** How we hold the source (the file of its full text, or a summary of its claims). */
	@Column(length = 300)
	private String reference;

	@Column(nullable = false)
	private boolean synthetic;

	protected Source() {
	}

	public Source(String title, String publisher, String url, PartialDate published) {
		this.title = title;
		this.publisher = publisher;
		this.url = url;
		this.published = published;
	}

	public Long getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getPublisher() {
		return publisher;
	}

	public String getUrl() {
		return url;
	}

	public PartialDate getPublished() {
		return published;
	}

	public String getReference() {
		return reference;
	}

	public boolean isSynthetic() {
		return synthetic;
	}

}

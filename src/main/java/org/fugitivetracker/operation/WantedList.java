package org.fugitivetracker.operation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A published list of wanted people, such as Sky Net's 100 most-wanted. */
@Entity
@Table(name = "wanted_list")
public class WantedList {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 200)
	private String name;

	@Column(name = "name_zh", length = 200)
	private String nameZh;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "operation_id")
	private Operation operation;

	protected WantedList() {
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getNameZh() {
		return nameZh;
	}

	public Operation getOperation() {
		return operation;
	}

}

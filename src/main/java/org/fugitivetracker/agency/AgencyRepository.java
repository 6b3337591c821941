package org.fugitivetracker.agency;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Agencies of either side, for the forms that offer them and the case writes that name them. */
public interface AgencyRepository extends JpaRepository<Agency, Long> {

	@Query("select distinct a from Agency a left join fetch a.officials order by a.name")
	List<Agency> findAllWithOfficials();

	@Query("select p from AgencyPartnership p join fetch p.agency join fetch p.partner order by p.id")
	List<AgencyPartnership> findAllPartnerships();

}

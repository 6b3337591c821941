package org.fugitivetracker.agency;

import org.springframework.data.jpa.repository.JpaRepository;

/** Agencies of either side, for the forms that offer them and the case writes that name them. */
public interface AgencyRepository extends JpaRepository<Agency, Long> {

}

package org.fugitivetracker.revision;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Stamps each new revision with the signed-in user (or {@code system} outside a request). */
public class AuditRevisionListener implements RevisionListener {

	static final String SYSTEM = "system";

	@Override
	public void newRevision(Object revisionEntity) {
		AuditRevision revision = (AuditRevision) revisionEntity;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		revision.setUsername(signedIn ? authentication.getName() : SYSTEM);
	}

}

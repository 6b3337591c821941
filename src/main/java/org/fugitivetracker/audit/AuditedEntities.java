package org.fugitivetracker.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.fugitivetracker.asset.AssetTransfer;
import org.fugitivetracker.casefile.CaseFile;
import org.fugitivetracker.event.Event;
import org.fugitivetracker.fugitive.ExternalIdentifier;
import org.fugitivetracker.fugitive.Fugitive;
import org.fugitivetracker.photo.FugitivePhoto;
import org.fugitivetracker.fugitive.ListMembership;
import org.fugitivetracker.source.Citation;
import org.fugitivetracker.source.Source;

/** The audited entity types, by the short name the audit trail's filter uses. */
public final class AuditedEntities {

	public static final Map<String, Class<?>> BY_NAME;

	static {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		for (Class<?> type : new Class<?>[] { Fugitive.class, Event.class, Citation.class, Source.class,
				CaseFile.class, AssetTransfer.class, FugitivePhoto.class, ExternalIdentifier.class,
				ListMembership.class }) {
			types.put(type.getSimpleName(), type);
		}
		BY_NAME = Map.copyOf(types);
	}

	private AuditedEntities() {
	}

	public static Optional<Class<?>> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	/** The type Envers recorded under its entity name (the fully qualified class name). */
	public static Optional<Class<?>> byEntityName(String entityName) {
		return BY_NAME.values().stream().filter(type -> type.getName().equals(entityName)).findFirst();
	}

}

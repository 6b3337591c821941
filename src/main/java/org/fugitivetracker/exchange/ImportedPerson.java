package org.fugitivetracker.exchange;

import java.util.List;

import org.fugitivetracker.asset.AssetTransferForm;
import org.fugitivetracker.event.EventForm;
import org.fugitivetracker.fugitive.FugitiveRequest;
import org.fugitivetracker.fugitive.IdentifierForm;
import org.fugitivetracker.fugitive.ListMembershipForm;

/**
 * One person read from an import file, with the facts about them the file gives, each in the input
 * type the admin forms and the API already take, so that an import is checked by the same rules
 * as a record typed in. Only the file's syntax has been checked; the fugitive ids in the events
 * and transfers are left empty until the person is stored.
 *
 * @param line where the person's record starts in the file (1-based; a CSV's header is line 1)
 * @param warnings message keys of what the file said that is not kept as given (shown in the preview)
 */
public record ImportedPerson(long line, FugitiveRequest profile, List<IdentifierForm> identifiers,
		List<ListMembershipForm> wantedLists, List<EventForm> events, List<AssetTransferForm> transfers,
		List<ImportMessage> warnings) {

}

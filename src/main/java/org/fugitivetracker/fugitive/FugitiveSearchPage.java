package org.fugitivetracker.fugitive;

import java.util.List;

/** Everything the list page shows for one filter: the page's rows, the facets and the options. */
public record FugitiveSearchPage(FugitiveFilter filter, List<FugitiveRow> rows, long total, FugitiveFacets facets,
		List<OperationOption> operations) {

	public record OperationOption(long id, String codeName, String codeNameZh) {

	}

	public int totalPages() {
		return (int) ((total() + filter.size() - 1) / filter.size());
	}

	public boolean hasPrevious() {
		return filter.page() > 0;
	}

	/** False on the last page, and where the next page would start beyond the paging bound. */
	public boolean hasNext() {
		return filter.page() + 1 < totalPages() && filter.withPage(filter.page() + 1).offset() < FugitiveFilter.MAX_OFFSET;
	}

}

package cn.wucheng.cq.dashboard.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.DataCache;
import cn.wucheng.cq.shared.DataStamp;

/**
 * Which bureaus the signed-in city or province account compares (issue 16 item 3): a province account (省厅) every
 * bureau of the installation, a city account (市局) those of its city, anyone else none. The one place that says so:
 * the comparison, its export and the drill-down all ask it.
 */
@Component
class RegionScope {

	private final BureauDirectory directory;

	private final DataStamp stamp;

	RegionScope(BureauDirectory directory, DataStamp stamp) {
		this.directory = directory;
		this.stamp = stamp;
	}

	/** The bureaus the current account compares, in the order of their ids. */
	List<Bureau> bureaus() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
			return List.of();
		}
		Role role = principal.currentUser().role();
		return switch (role.level()) {
			case PROVINCE -> all();
			case CITY -> BureauDirectory.ofCity(all(), principal.city());
			case BUREAU -> List.of();
		};
	}

	/**
	 * Every bureau, kept under the data stamp (the table has its trigger): asked by every request of a city or province
	 * account that names a bureau (the API's {@code bureau} parameter), it was a statement and a hundred rows each.
	 */
	private List<Bureau> all() {
		return stamp.cached(DataCache.BUREAUS, "all", directory::all);
	}

	/** One of {@link #bureaus()}, if the account may read it (else empty: the caller answers 404, as for any id). */
	Optional<Bureau> bureau(long id) {
		return bureaus().stream().filter(b -> b.id() == id).findFirst();
	}

}

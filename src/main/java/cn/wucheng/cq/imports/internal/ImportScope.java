package cn.wucheng.cq.imports.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusals;

/**
 * The bureaus the signed-in account imports for (issue 16 item 3): a province account (省厅法制处) every bureau of the
 * installation, a city account (市局法制处) those of its city, a bureau's account its own bureau only. The same scope
 * as the comparison of bureaus (dashboard's RegionScope); kept here so that the imports do not depend on the
 * dashboard.
 */
@Component
class ImportScope {

	private final BureauDirectory directory;

	private final Refusals messages;

	ImportScope(BureauDirectory directory, Refusals messages) {
		this.directory = directory;
		this.messages = messages;
	}

	/** Whether the account is a city's or the province's. */
	boolean regional() {
		return principal().map(p -> p.currentUser().role().regional()).orElse(false);
	}

	/** The scope of a split import for the current account. */
	BureauSplitImport.Scope current() {
		List<Bureau> all = directory.all();
		Optional<AccountPrincipal> principal = principal();
		Role role = principal.map(p -> p.currentUser().role()).orElse(null);
		if (role == null) {
			return new BureauSplitImport.Scope(all, List.of(), "");
		}
		return switch (role.level()) {
			case PROVINCE -> new BureauSplitImport.Scope(all, all, messages.message("imports.split.scope.province"));
			case CITY -> {
				String city = principal.get().city();
				yield new BureauSplitImport.Scope(all, directory.ofCity(city),
						city == null ? "" : city);
			}
			case BUREAU -> new BureauSplitImport.Scope(all, own().map(List::of).orElse(List.of()),
					own().map(Bureau::name).orElse(""));
		};
	}

	/** One of the bureaus the account imports for, by its code. */
	Optional<Bureau> allowed(String code) {
		return current().allowed().stream().filter(b -> b.code().equals(code.strip())).findFirst();
	}

	/** The account's own bureau (the one the database reads as the request's). */
	Optional<Bureau> own() {
		Optional<Long> id = Bureaus.current();
		List<Bureau> all = directory.all();
		if (id.isEmpty()) {
			return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
		}
		return all.stream().filter(b -> b.id() == id.get()).findFirst();
	}

	private static Optional<AccountPrincipal> principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? Optional.of(p) : Optional.empty();
	}

}

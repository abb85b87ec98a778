package cn.wucheng.cq.dashboard.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.wucheng.cq.bureau.Bureau;
import cn.wucheng.cq.bureau.BureauDirectory;
import cn.wucheng.cq.bureau.Bureaus;
import cn.wucheng.cq.security.AccountPrincipal;
import cn.wucheng.cq.shared.Refusal;

/**
 * The read API's {@code bureau} parameter (issue 16 item 1: "an optional bureau parameter for city/province roles"):
 * on the GETs that answer a bureau's results — {@link #PATHS} — the bureau's code names whose results are answered,
 * and the whole call runs within that bureau ({@link Bureaus#enter}, so the database's policies, the caches and every
 * rule are that bureau's). The one place that says so; the controllers do not know about it.
 * <ul>
 * <li>A city's or the province's account (they have no bureau of their own) must name one: without it 400; a code
 * that is unknown or outside the account's bureaus ({@link RegionScope}) 404 — the same answer for both, so it
 * tells nothing of bureaus the account may not see.</li>
 * <li>A bureau's account may name its own bureau only (another code: the same 404); without it, its own as always.</li>
 * </ul>
 * The refusals go to the one error handling of the web shell, as any other (an interceptor's exceptions do).
 */
@Component
class ApiBureauParameter implements HandlerInterceptor, WebMvcConfigurer {

	/** The API's reads of a bureau's results: scores, rankings, standards, coverage. */
	static final List<String> PATHS = List.of("/api/v1/scores", "/api/v1/scores/*", "/api/v1/rankings",
			"/api/v1/standards", "/api/v1/coverage");

	static final String PARAMETER = "bureau";

	private static final String SCOPE = ApiBureauParameter.class.getName() + ".scope";

	private final RegionScope region;

	private final BureauDirectory directory;

	ApiBureauParameter(RegionScope region, BureauDirectory directory) {
		this.region = region;
		this.directory = directory;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Optional<AccountPrincipal> principal = principal();
		if (!"GET".equals(request.getMethod()) || principal.isEmpty()) {
			return true; // the security chain answered an anonymous call already
		}
		String code = request.getParameter(PARAMETER);
		boolean regional = principal.get().currentUser().role().regional();
		if (code == null || code.isBlank()) {
			if (regional) {
				throw Refusal.of("region.api.bureauRequired");
			}
			return true;
		}
		List<Bureau> readable = regional ? region.bureaus() : own(principal.get());
		Bureau bureau = readable.stream()
			.filter(b -> b.code().equals(code.strip()))
			.findFirst()
			.orElseThrow(() -> Refusal.of("region.api.bureauNotFound").withStatus(HttpStatus.NOT_FOUND));
		request.setAttribute(SCOPE, Bureaus.enter(bureau.id()));
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(SCOPE) instanceof Bureaus.Scope scope) {
			request.removeAttribute(SCOPE);
			scope.close();
		}
	}

	/** A bureau's account: its bureau (an account without one in a one-bureau installation: the only bureau). */
	private List<Bureau> own(AccountPrincipal principal) {
		List<Bureau> all = directory.all();
		Long own = principal.bureauId();
		if (own == null) {
			return all.size() == 1 ? all : List.of();
		}
		return all.stream().filter(b -> b.id() == own).toList();
	}

	private static Optional<AccountPrincipal> principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? Optional.of(p) : Optional.empty();
	}

}

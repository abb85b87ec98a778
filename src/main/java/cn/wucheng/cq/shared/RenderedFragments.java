package cn.wucheng.cq.shared;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The large, reader-independent parts of a page (the rows of a breakdown, a ranking's tables, the menu of a role),
 * rendered once and written as they are on the following views (province-scale issue: a page of hundreds of rows
 * spent most of its time in the template engine, not the database). Kept in {@link DataCache#FRAGMENTS} under the
 * data stamp and a key naming everything else the fragment shows, like every other cached result: after a committed
 * change the next view renders anew; a fragment that shows nothing but its key is kept by the key alone. Measured
 * worth keeping: bench/README.md, "One cache abstraction".
 * <p>
 * What may go into such a fragment: what is the same for everyone who sees the source — no user name, no CSRF token,
 * no form that posts (render those inline instead). The fragment is rendered with the request's context path and
 * locale, through the same template engine, message source and escaping as the page.
 */
@Component
public class RenderedFragments {

	private final DataStamp stamp;

	private final CacheManager caches;

	private final ISpringTemplateEngine engine;

	private final ApplicationContext context;

	private final ConversionService conversions;

	private volatile JakartaServletWebApplication application;

	RenderedFragments(DataStamp stamp, CacheManager caches, ISpringTemplateEngine engine, ApplicationContext context,
			org.springframework.beans.factory.ObjectProvider<ConversionService> conversions) {
		this.stamp = stamp;
		this.caches = caches;
		this.engine = engine;
		this.context = context;
		this.conversions = conversions.getIfAvailable();
	}

	/**
	 * The HTML of {@code template :: fragment} with the given variables, rendered once per data stamp and key.
	 * @param key everything the fragment shows besides the data the stamp covers (person and period, page number,
	 * day, …): equal keys under the same stamp must give the same HTML
	 * @param variables the fragment's variables, asked for only when it is rendered
	 */
	public String render(Object key, String template, String fragment, Supplier<Map<String, Object>> variables) {
		return stamp.cached(DataCache.FRAGMENTS, new Fragment(template, fragment, LocaleContextHolder.getLocale(), key),
				() -> renderNow(template, fragment, variables.get()));
	}

	/**
	 * The same for a fragment that shows nothing but its key (the menu of a role, the options of a list of years):
	 * kept by the key alone, without reading the data stamp — so the menu also draws when no connection is to be had
	 * (the 503 系统繁忙 page, DatabaseBusyTests).
	 */
	public String renderIndependentOfData(Object key, String template, String fragment,
			Supplier<Map<String, Object>> variables) {
		return caches.getCache(DataCache.FRAGMENTS.cacheName())
			.get(new Fragment(template, fragment, LocaleContextHolder.getLocale(), key),
					() -> renderNow(template, fragment, variables.get()));
	}

	private record Fragment(String template, String fragment, java.util.Locale locale, Object key) {
	}

	private String renderNow(String template, String fragment, Map<String, Object> variables) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = attributes.getRequest();
		HttpServletResponse response = attributes.getResponse();
		Map<String, Object> vars = new HashMap<>(variables);
		// what ThymeleafView gives a page: beans and the conversion service for ${…} expressions
		vars.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, conversions));
		// the fragment's variables live in its own attributes: a web context keeps variables as request attributes,
		// and the page being rendered around this call must not see them (nor lose its own of the same name)
		WebContext web = new WebContext(
				application(request.getServletContext()).buildExchange(new OwnAttributes(request), response),
				LocaleContextHolder.getLocale(), vars);
		return engine.process(template, Set.of(fragment), web);
	}

	/** The request as the fragment sees it: its attributes readable, the fragment's own writes kept apart. */
	private static final class OwnAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> own = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		OwnAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			if (own.containsKey(name)) {
				return own.get(name);
			}
			return removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			own.put(name, value);
			removed.remove(name);
		}

		@Override
		public void removeAttribute(String name) {
			own.remove(name);
			removed.add(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			names.removeAll(removed);
			names.addAll(own.keySet());
			return Collections.enumeration(names);
		}

	}

	private JakartaServletWebApplication application(ServletContext servletContext) {
		JakartaServletWebApplication app = application;
		if (app == null) {
			app = JakartaServletWebApplication.buildApplication(servletContext);
			application = app;
		}
		return app;
	}

}

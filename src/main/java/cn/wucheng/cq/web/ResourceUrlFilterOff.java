package cn.wucheng.cq.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Keeps Spring's {@link ResourceUrlEncodingFilter} (switched on with the resource chain that webjars-locator-lite
 * brings) out of the servlet filter chain. It rewrote every {@code @{…}} link of every page through a static-resource
 * lookup; links that are not files (/scores/…, /cases/…) were looked up again on every render, inside the nested jar,
 * under one global lock — under 50 users 41 of 47 request threads waited there (bench/README.md). Pages link to
 * version-free URLs (/webjars/bootstrap/…) that the resource handler resolves by itself, so nothing else changes.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrlFilterOff {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		// a registration of this filter type also stops Boot's own (@ConditionalOnMissingFilterBean)
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}

package cn.wucheng.cq.web;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The user text of every {@code messages*.properties} (spring.messages.basename) read through one merged map per
 * locale, loaded once. Boot's own message source looks a key up file by file — 25 files, so a key of the last file
 * cost some fifty map lookups — and the province's comparison of 100 bureaus, about a thousand messages a page, spent
 * more time finding its messages than rendering them (bench/README.md, session 9). Same files, same order (a key in
 * an earlier file wins), same encoding and fallback.
 */
@Configuration(proxyBeanMethods = false)
class MessagesInOneMap {

	@Bean
	MessageSource messageSource(@Value("${spring.messages.basename}") String basenames,
			@Value("${spring.messages.fallback-to-system-locale:true}") boolean fallbackToSystemLocale) {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasenames(Arrays.stream(basenames.split(","))
			.map(String::strip)
			.filter(b -> !b.isEmpty())
			.map(b -> "classpath:" + b)
			.toArray(String[]::new));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(fallbackToSystemLocale);
		messages.setCacheMillis(-1); // loaded once: a key is found in the merged map of all files
		return messages;
	}

}

package cn.wucheng.cq.web;

import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.wucheng.cq.shared.BadPeriod;
import cn.wucheng.cq.shared.Period;
import cn.wucheng.cq.shared.QuarterOnly;

/**
 * Request parameters of type {@link Period} are read here, once, instead of by hand in each controller (issue 15 item
 * 2; petclinic reads its pet types with a formatter the same way): {@code 2024-Q1}, {@code 2024-03} or {@code 2024};
 * with {@link QuarterOnly} a quarter only. An empty parameter is {@code null}, so that the controller opens on its
 * default period (shared.LatestPeriods). What cannot be read throws {@link BadPeriod}, which {@link ErrorHandling}
 * answers with one message. A converter rather than a Formatter: a Formatter's failure reaches the controller as an
 * IllegalArgumentException, which some controllers answer themselves with another message.
 */
@Configuration(proxyBeanMethods = false)
class PeriodFormatting implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new PeriodConverter());
	}

	static final class PeriodConverter implements ConditionalGenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String.class, Period.class));
		}

		@Override
		public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
			return true;
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			String text = (String) source;
			if (text == null || text.isBlank()) {
				return null;
			}
			Period p;
			try {
				p = Period.parse(text);
			}
			catch (IllegalArgumentException e) {
				throw new BadPeriod(text, e.getMessage());
			}
			if (targetType.hasAnnotation(QuarterOnly.class) && !p.isQuarter()) {
				throw new BadPeriod(text, "not a quarter");
			}
			return p;
		}

	}

}

package cn.wucheng.cq.dashboard.internal;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API's documentation (/v3/api-docs) names the {@code bureau} parameter on the reads {@link ApiBureauParameter}
 * serves (issue 16): it is on no controller's signature, so springdoc would not know it.
 */
@Component
class ApiBureauParameterDocs implements OpenApiCustomizer {

	private final MessageSource messages;

	private final List<PathPattern> paths = ApiBureauParameter.PATHS.stream().map(PathPatternParser.defaultInstance::parse)
		.toList();

	ApiBureauParameterDocs(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		String description = messages.getMessage("region.api.bureauParameter", null, LocaleContextHolder.getLocale());
		api.getPaths().forEach((path, item) -> {
			if (item.getGet() != null && paths.stream().anyMatch(p -> p.matches(PathContainer.parsePath(path)))) {
				item.getGet().addParametersItem(new QueryParameter().name(ApiBureauParameter.PARAMETER)
					.required(false).description(description).schema(new StringSchema()));
			}
		});
	}

}

package cn.wucheng.cq.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.wucheng.cq.security.Role;
import cn.wucheng.cq.shared.Refusal;

/**
 * {@code /api/v1/bureaus} (issue 16): the bureaus a city's or the province's account may read — their codes are what
 * the read API's {@code bureau} parameter takes — with their size; and, for the province's legal office, opening a
 * bureau as the page does, answering 201 with its first administrators' generated passwords (shown this once), or
 * 400 with a Chinese message per refused field.
 */
@RestController
@RequestMapping("/api/v1/bureaus")
class BureauApiController {

	record BureauJson(String code, String name, String city, long people, long cases) {
	}

	record AccountJson(String username, String role, String password) {
	}

	record OpenedJson(String code, String name, String city, List<AccountJson> accounts) {
	}

	private final BureauAdministration administration;

	private final RegionScope scope;

	private final MessageSource messages;

	BureauApiController(BureauAdministration administration, RegionScope scope, MessageSource messages) {
		this.administration = administration;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(Role.REGIONAL)
	List<BureauJson> list() {
		return administration.rows(scope.bureaus())
			.stream()
			.map(r -> new BureauJson(r.bureau().code(), r.bureau().name(), r.bureau().city(), r.people(), r.cases()))
			.toList();
	}

	/** The body is optional to the binding so that a refused role gets 403 before any 400 about the body. */
	@PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('PROVINCE_LEGAL')")
	ResponseEntity<Object> open(@RequestBody(required = false) BureauForm form) {
		if (form == null) {
			throw Refusal.of("region.bureaus.api.bodyRequired");
		}
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
		var opened = administration.open(form, errors);
		if (opened.isEmpty()) {
			List<Map<String, String>> list = errors.getAllErrors().stream().map(this::error).toList();
			return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors", list));
		}
		BureauAdministration.Opened o = opened.get();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new OpenedJson(o.code(), o.name(), o.city(), o.accounts()
				.stream()
				.map(a -> new AccountJson(a.username(), a.displayName(), a.password()))
				.toList()));
	}

	private Map<String, String> error(ObjectError e) {
		Map<String, String> json = new LinkedHashMap<>();
		if (e instanceof org.springframework.validation.FieldError f) {
			json.put("field", f.getField());
		}
		json.put("message", messages.getMessage(e, LocaleContextHolder.getLocale()));
		return json;
	}

}

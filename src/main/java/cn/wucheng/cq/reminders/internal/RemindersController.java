package cn.wucheng.cq.reminders.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.wucheng.cq.reminders.Reminders;
import cn.wucheng.cq.security.CurrentUser;

/** {@code /reminders}: the signed-in user's due and overdue items from every module, overdue first. */
@Controller
class RemindersController {

	private final Reminders reminders;

	RemindersController(Reminders reminders) {
		this.reminders = reminders;
	}

	@GetMapping("/reminders")
	@PreAuthorize("hasAnyRole('LEGAL','SUPERVISION','LEADER','SQUAD_LEADER','LEGAL_OFFICER','OFFICER')")
	String reminders(Model model) {
		model.addAttribute("today", reminders.today());
		model.addAttribute("reminders", reminders.dueFor(CurrentUser.get()));
		return "reminders/reminders";
	}

}

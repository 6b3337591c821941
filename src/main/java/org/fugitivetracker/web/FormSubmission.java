package org.fugitivetracker.web;

import java.util.List;
import java.util.function.Supplier;

import org.fugitivetracker.common.EditConflictException;
import org.fugitivetracker.common.InvalidRecordException;
import org.fugitivetracker.common.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one path of an admin form's write. Where Bean Validation found nothing, the write runs and
 * its view (a redirect) is returned. Where Bean Validation found errors, the domain's rules are
 * checked too (without writing), so that the form comes back with every error at once. Where the
 * domain refuses the write, the form comes back: 400 with every broken rule beside its field,
 * or 409 with a message naming who changed the record since the admin loaded it (a stale
 * version, or a write that lost the race at the UPDATE) and the model's {@code conflict} flag
 * for the reload link. Nothing of a refused write is stored: the
 * write's transaction has rolled back before its exception arrives here.
 */
@Component
public class FormSubmission {

	private final LostRaces lostRaces;

	FormSubmission(LostRaces lostRaces) {
		this.lostRaces = lostRaces;
	}

	/**
	 * @param result the form's binding result, where the refusal's errors go
	 * @param rules the domain's rules the form breaks, checked without writing (shown together
	 * with Bean Validation's errors; the write checks them again)
	 * @param write stores what the form says and returns the view to go to (a redirect)
	 * @param form fills the model and returns the form's view, shown again on a refusal
	 */
	public ModelAndView submit(BindingResult result, Supplier<List<Violation>> rules, Supplier<String> write,
			Supplier<String> form) {
		// A form that could not even be built (a number that is none) has nothing to check the rules on.
		if (result.hasErrors() && result.getTarget() != null) {
			FormErrors.addWhereNone(result, rules.get());
		}
		return submit(result, write, form);
	}

	/**
	 * For a form whose every rule is Bean Validation's.
	 * @param result the form's binding result, where the refusal's errors go
	 * @param write stores what the form says and returns the view to go to (a redirect)
	 * @param form fills the model and returns the form's view, shown again on a refusal
	 */
	public ModelAndView submit(BindingResult result, Supplier<String> write, Supplier<String> form) {
		if (!result.hasErrors()) {
			try {
				return new ModelAndView(write.get());
			}
			catch (InvalidRecordException refused) {
				FormErrors.add(result, refused);
			}
			catch (EditConflictException stale) {
				return conflict(result, stale, form);
			}
			catch (ObjectOptimisticLockingFailureException lost) {
				return conflict(result, lostRaces.explain(lost), form);
			}
		}
		return new ModelAndView(form.get(), HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView conflict(BindingResult result, EditConflictException conflict, Supplier<String> form) {
		FormErrors.add(result, conflict);
		ModelAndView view = new ModelAndView(form.get(), HttpStatus.CONFLICT);
		view.addObject("conflict", true);
		return view;
	}

}

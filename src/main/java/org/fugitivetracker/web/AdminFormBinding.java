package org.fugitivetracker.web;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** How every {@link AdminForm} binds text: trimmed, and a blank field as no value at all. */
@ControllerAdvice(annotations = AdminForm.class)
class AdminFormBinding {

	@InitBinder
	void trimBlanks(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

}

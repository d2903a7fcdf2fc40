package org.camaudit.audit.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;

import org.camaudit.audit.document.InvalidDocumentException;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.common.problem.Problem.FieldError;

/**
 * Reads a policy document strictly ({@link StrictJson}) and adds the rules that span fields: every date a real
 * day, ids and vendor names unique, every basis in a declared jurisdiction and before its deadline, every vendor's
 * basis declared, brand periods in order and one brand never related to two vendors (or twice) in overlapping
 * periods. Every problem names its field ({@code vendors[0].modelPatterns[2].pattern}).
 */
public class PolicyParser {

    private final Validator validator;

    public PolicyParser(Validator validator) {
        this.validator = validator;
    }

    /** Parses and validates; throws {@link InvalidDocumentException} naming every rejected field. */
    public Policy parse(String json) {
        Policy policy = StrictJson.read(json, Policy.class, validator);
        List<FieldError> errors = new ArrayList<>();
        Set<String> jurisdictions = new HashSet<>();
        for (int j = 0; j < policy.jurisdictions().size(); j++) {
            if (!jurisdictions.add(policy.jurisdictions().get(j).id())) {
                errors.add(new FieldError("jurisdictions[" + j + "].id", "names a jurisdiction listed twice"));
            }
        }
        Set<String> bases = new HashSet<>();
        for (int b = 0; b < policy.legalBases().size(); b++) {
            checkBasis(policy.legalBases().get(b), "legalBases[" + b + "]", jurisdictions, bases, errors);
        }
        Set<String> names = new HashSet<>();
        Map<String, List<Period>> brandPeriods = new HashMap<>();
        for (int v = 0; v < policy.vendors().size(); v++) {
            Policy.Vendor vendor = policy.vendors().get(v);
            String field = "vendors[" + v + "]";
            if (!names.add(vendor.name().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field + ".name", "names a vendor listed twice"));
            }
            for (int i = 0; i < vendor.basis().size(); i++) {
                if (!bases.contains(vendor.basis().get(i))) {
                    errors.add(new FieldError(field + ".basis[" + i + "]", "names no basis of legalBases"));
                }
            }
            for (int b = 0; b < vendor.brands().size(); b++) {
                checkBrand(vendor.brands().get(b), field + ".brands[" + b + "]", brandPeriods, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException(errors);
        }
        return policy;
    }

    private static void checkBasis(Policy.Basis basis, String field, Set<String> jurisdictions, Set<String> ids,
            List<FieldError> errors) {
        if (!ids.add(basis.id())) {
            errors.add(new FieldError(field + ".id", "names a basis listed twice"));
        }
        if (!jurisdictions.contains(basis.jurisdiction())) {
            errors.add(new FieldError(field + ".jurisdiction", "names no jurisdiction of jurisdictions"));
        }
        LocalDate effective = date(basis.effective(), field + ".effective", errors);
        LocalDate deadline = date(basis.deadline(), field + ".deadline", errors);
        date(basis.verified(), field + ".verified", errors);
        if (effective != null && deadline != null && deadline.isBefore(effective)) {
            errors.add(new FieldError(field + ".deadline", "must not be before effective"));
        }
    }

    /** A brand's relation period; open ends reach to the beginning or end of time. */
    private record Period(String field, LocalDate from, LocalDate to) {

        boolean overlaps(Period other) {
            return !from.isAfter(other.to) && !other.from.isAfter(to);
        }
    }

    private static void checkBrand(Policy.Brand brand, String field, Map<String, List<Period>> seen,
            List<FieldError> errors) {
        LocalDate from = date(brand.from(), field + ".from", errors);
        LocalDate to = date(brand.to(), field + ".to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError(field + ".to", "must not be before from"));
            return;
        }
        Period period = new Period(field, from == null ? LocalDate.MIN : from, to == null ? LocalDate.MAX : to);
        List<Period> earlier = seen.computeIfAbsent(brand.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>());
        for (Period other : earlier) {
            if (period.overlaps(other)) {
                errors.add(new FieldError(field + ".from", "relates brand \"" + brand.name()
                        + "\" to a vendor in a period overlapping " + other.field));
            }
        }
        earlier.add(period);
    }

    /** The date, or null when absent; a text that passed the format check but names no day is an error. */
    private static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is not a calendar date"));
            return null;
        }
    }
}

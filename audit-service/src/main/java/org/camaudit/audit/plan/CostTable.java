package org.camaudit.audit.plan;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.policy.Category;

/**
 * What replacing a device costs: hardware per category plus labour per device, in one currency.
 *
 * @param version        assigned by the service when stored; ignored on input
 * @param currency       ISO 4217 code
 * @param labourPerDevice installation labour added to every device
 * @param categories     hardware price and the replacement to buy, per category
 * @param source         where the figures come from
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostTable(
        Integer version,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
        @NotNull @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal labourPerDevice,
        @NotNull @Valid Categories categories,
        @NotBlank @Size(max = 1000) String source) {

    public CostTable withVersion(int assigned) {
        return new CostTable(assigned, currency, labourPerDevice, categories, source);
    }

    /** Hardware plus labour for one device of this category. */
    public BigDecimal deviceCost(Category category) {
        return categories.of(category).hardware().add(labourPerDevice);
    }

    public String replacement(Category category) {
        return categories.of(category).replacement();
    }

    /** One entry for every category, so no device is ever priced at nothing. */
    @RegisterForReflection
    public record Categories(@NotNull @Valid Entry fixed, @NotNull @Valid Entry dome, @NotNull @Valid Entry ptz,
            @NotNull @Valid Entry nvr, @NotNull @Valid Entry intercom, @NotNull @Valid Entry thermal,
            @NotNull @Valid Entry camera, @NotNull @Valid Entry radio, @NotNull @Valid Entry gateway) {

        Entry of(Category category) {
            return switch (category) {
                case FIXED -> fixed;
                case DOME -> dome;
                case PTZ -> ptz;
                case NVR -> nvr;
                case INTERCOM -> intercom;
                case THERMAL -> thermal;
                case CAMERA -> camera;
                case RADIO -> radio;
                case GATEWAY -> gateway;
            };
        }
    }

    /**
     * @param hardware    price of the replacement device
     * @param replacement what to buy, by requirement not brand ("NDAA §889-compliant fixed camera")
     */
    @RegisterForReflection
    public record Entry(
            @NotNull @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal hardware,
            @NotBlank @Size(max = 200) String replacement) {
    }
}

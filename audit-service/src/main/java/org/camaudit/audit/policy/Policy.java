package org.camaudit.audit.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The restricted-vendor policy: which companies are restricted, how their equipment is recognised, and
 * under which laws. Read from {@code policy/default-policy.json} or a {@code PUT /api/v1/policy} body;
 * {@link PolicyParser} rejects unknown fields and {@link PolicyParser#validate} every constraint below.
 *
 * @param schema            format identifier, {@value #SCHEMA}
 * @param version           assigned by the service when a policy is stored; ignored on input
 * @param published         when this policy text was written (ISO date)
 * @param description       what this policy is for
 * @param ouiRegistry       which IEEE registry snapshot the OUI lists come from
 * @param nameNormalization how vendor names are compared
 * @param evidenceFields    which evidence fields carry a manufacturer, model, firmware, serial, hardware id
 * @param categoryRules     vendor-independent rules deciding a device's category
 * @param jurisdictions     where a legal basis can apply; each site is audited under some of them
 * @param legalBases        the laws and lists that restrict vendors, each with its jurisdiction, dates and source
 * @param vendors           the restricted vendors
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(
        @NotNull @Pattern(regexp = SCHEMA, message = "must be " + SCHEMA) String schema,
        Integer version,
        @NotNull @Pattern(regexp = DATE, message = DATE_MESSAGE) String published,
        @Size(max = 2000) String description,
        @NotNull @Valid OuiRegistry ouiRegistry,
        @NotNull @Valid NameNormalization nameNormalization,
        @NotNull @Valid EvidenceFields evidenceFields,
        @NotNull List<@NotNull @Valid CategoryRule> categoryRules,
        @NotEmpty List<@NotNull @Valid Jurisdiction> jurisdictions,
        @NotEmpty List<@NotNull @Valid Basis> legalBases,
        @NotEmpty List<@NotNull @Valid Vendor> vendors) {

    public static final String SCHEMA = "camaudit-policy/2";
    static final String DATE = "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])";
    static final String DATE_MESSAGE = "must be an ISO date (yyyy-mm-dd)";
    static final String JURISDICTION = "[a-z]{2,}(-[a-z]+)*(:[A-Z]{2,3})?";

    /** This policy with the version the service assigned. */
    public Policy withVersion(int assigned) {
        return new Policy(schema, assigned, published, description, ouiRegistry, nameNormalization, evidenceFields,
                categoryRules, jurisdictions, legalBases, vendors);
    }

    /**
     * Where a restriction applies: {@code us-federal}, {@code us-dod}, {@code us-state:TX}, {@code uk}, {@code ca}...
     *
     * @param id     lower-case words joined by {@code -}, optionally {@code :} and an upper-case region code
     * @param name   who is bound, in words
     * @param source where the jurisdiction's rules come from
     */
    @RegisterForReflection
    public record Jurisdiction(
            @NotNull @Pattern(regexp = JURISDICTION, message = "must look like us-federal or us-state:TX") String id,
            @NotBlank String name, @NotBlank String source) {
    }

    /** The registry snapshot the OUI prefixes were taken from; its date is shown with every OUI match. */
    @RegisterForReflection
    public record OuiRegistry(@NotBlank String name, @NotNull @Pattern(regexp = DATE, message = DATE_MESSAGE) String date,
            @NotBlank String source) {
    }

    /** Legal-form words dropped from the end of a name before comparing it with an alias. */
    @RegisterForReflection
    public record NameNormalization(@NotNull List<@NotBlank String> corporateSuffixes, @NotBlank String source) {
    }

    /** Regular expressions over evidence field names (and, for OUI, sources). */
    @RegisterForReflection
    public record EvidenceFields(@NotNull @Regex String manufacturer, @NotNull @Regex String model,
            @NotNull @Regex String firmware, @NotNull @Regex String serialNumber, @NotNull @Regex String hardwareId,
            @NotNull @Regex String mac,
            @NotNull @Regex String ouiSource, @NotBlank String source) {
    }

    /** A vendor-independent hint at a device's category. */
    @RegisterForReflection
    public record CategoryRule(@NotNull CategoryTarget target, @NotNull @Regex String pattern,
            @NotNull Category category, @NotBlank String source) {
    }

    /** What a category rule looks at. */
    public enum CategoryTarget {
        @JsonProperty("onvifScope")
        ONVIF_SCOPE,
        @JsonProperty("model")
        MODEL
    }

    /**
     * One restricted vendor.
     *
     * @param ouiOrganizations registry organisation names whose blocks belong to the vendor (input of the generator)
     * @param ouis             the blocks, generated from the registry by {@code scripts/generate-oui-registry.py}
     * @param basis            ids of the {@link Basis legal bases} that restrict the vendor
     */
    @RegisterForReflection
    public record Vendor(
            @NotBlank @Size(max = 64) String name,
            @NotEmpty List<@NotNull @Valid LegalEntity> legalEntities,
            @NotEmpty List<@NotNull @Valid Alias> aliases,
            @NotNull List<@NotNull @Valid Brand> brands,
            @NotNull List<@NotNull @Valid OuiOrganization> ouiOrganizations,
            @NotNull List<@NotNull @Valid OuiBlock> ouis,
            @NotNull List<@NotNull @Valid PatternRule> modelPatterns,
            @NotNull List<@NotNull @Valid FirmwarePattern> firmwarePatterns,
            @NotNull List<@NotNull @Valid Marker> markers,
            @NotEmpty List<@NotBlank String> basis) {
    }

    @RegisterForReflection
    public record LegalEntity(@NotBlank String name, @NotBlank String source) {
    }

    /** A name the vendor goes by; {@code exact} must equal the whole normalised name, {@code word} may be part of it. */
    @RegisterForReflection
    public record Alias(@NotBlank String name, @NotNull AliasMatch match, @NotBlank String source) {
    }

    public enum AliasMatch {
        @JsonProperty("exact")
        EXACT,
        @JsonProperty("word")
        WORD
    }

    /**
     * A brand or subsidiary. {@code direct} brands make a device that names them {@code confirmed}; relabellers
     * and brands whose ownership is unverified count as one indirect signal.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Brand(@NotBlank String name, @NotBlank String relation, boolean verified,
            @NotNull Attribution attribution, @Pattern(regexp = DATE, message = DATE_MESSAGE) String from,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String to, @NotBlank String source) {
    }

    /**
     * Whether a signal alone proves the vendor ({@code direct}), points at it ({@code indirect}), or only adds
     * weight to other signals because other firmware copies it ({@code supporting}: never a finding on its own).
     */
    public enum Attribution {
        @JsonProperty("direct")
        DIRECT,
        @JsonProperty("indirect")
        INDIRECT,
        @JsonProperty("supporting")
        SUPPORTING
    }

    @RegisterForReflection
    public record OuiOrganization(@NotBlank String organization, @NotBlank String source) {
    }

    /** Registry blocks of one organisation: MA-L (24-bit), MA-M (28-bit) or MA-S (36-bit) prefixes. */
    @RegisterForReflection
    public record OuiBlock(@NotBlank String organization,
            @NotNull @Pattern(regexp = "MA-L|MA-M|MA-S", message = "must be MA-L, MA-M or MA-S") String registry,
            @NotNull List<@NotNull @Pattern(regexp = "[0-9A-F]{2}(:[0-9A-F]{2}){2}(:[0-9A-F]{1,2}){0,2}",
                    message = "must be upper-case hex pairs separated by colons") String> prefixes) {
    }

    /** A model-number pattern; its category classifies the device for the replacement plan. */
    @RegisterForReflection
    public record PatternRule(@NotNull @Regex String pattern, @NotNull Category category, @NotBlank String description,
            @NotBlank String source) {
    }

    @RegisterForReflection
    public record FirmwarePattern(@NotNull @Regex String pattern, @NotBlank String description, @NotBlank String source) {
    }

    /**
     * A protocol marker. {@code target} is what it looks at: {@code discovery} (discoveredBy and evidence sources),
     * {@code evidence} (every evidence value, restricted to field names matching {@code field} when given),
     * {@code hardwareId}, {@code serialNumber}, {@code onvifScope} or {@code model} (a model-number shape too generic
     * to be a pattern of its own).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Marker(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,40}", message = "must be a lower-case kebab-case word")
            String kind, @NotNull MarkerTarget target, @Regex String field, @NotNull @Regex String pattern,
            @NotNull Attribution attribution, @NotBlank String description, @NotBlank String source) {
    }

    public enum MarkerTarget {
        @JsonProperty("discovery")
        DISCOVERY,
        @JsonProperty("evidence")
        EVIDENCE,
        @JsonProperty("hardwareId")
        HARDWARE_ID,
        @JsonProperty("serialNumber")
        SERIAL_NUMBER,
        @JsonProperty("onvifScope")
        ONVIF_SCOPE,
        @JsonProperty("model")
        MODEL
    }

    /**
     * A law or list restricting vendors' equipment.
     *
     * @param id           what vendors and findings call it
     * @param law          the instrument and what it forbids
     * @param jurisdiction one of the policy's {@link Jurisdiction jurisdictions}
     * @param effective    from when it binds
     * @param deadline     by when the equipment must be gone or can no longer be bought; null if none
     * @param scope        what it covers (e.g. the Covered List's purpose limit)
     * @param source       where it is written (URL)
     * @param verified     when someone last checked it against its source
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Basis(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a lower-case kebab-case id")
            String id, @NotBlank String law, @NotBlank String jurisdiction,
            @NotNull @Pattern(regexp = DATE, message = DATE_MESSAGE) String effective,
            @Pattern(regexp = DATE, message = DATE_MESSAGE) String deadline, @NotBlank String scope,
            @NotBlank String source, @NotNull @Pattern(regexp = DATE, message = DATE_MESSAGE) String verified) {
    }
}

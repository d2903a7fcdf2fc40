package org.camaudit.audit.evaluation;

/**
 * One rule that fired for a vendor.
 *
 * @param rule     the rule in words and the evidence it fired on, as the finding shows it
 * @param strength how strongly it attributes the device
 * @param kind     what kind of signal it is ({@code brand}, {@code oui}, {@code model}, a marker's kind): indirect
 *                 signals count as independent only when their kinds differ
 * @param where    the device field it fired on ({@code manufacturer}, {@code evidence sadp/DeviceDescription})
 * @param undated  whether it attributes through a dated relation on a device whose date could not be read
 */
record Signal(MatchedRule rule, Strength strength, String kind, String where, boolean undated) {
}

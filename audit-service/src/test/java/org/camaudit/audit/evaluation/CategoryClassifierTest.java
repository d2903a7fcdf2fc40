package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.evaluation.ShippedRules.POLICY;
import static org.camaudit.audit.evaluation.ShippedRules.facts;
import static org.camaudit.audit.evaluation.ShippedRules.vendor;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.TestDevices;
import org.camaudit.audit.policy.Category;

class CategoryClassifierTest {

    private static final CategoryClassifier CLASSIFIER = new CategoryClassifier(POLICY.categoryRules());
    private static final PatternRules HIKVISION = PatternRules.models(vendor("Hikvision"));
    private static final PatternRules DAHUA = PatternRules.models(vendor("Dahua"));

    private static Category classify(PatternRules vendor, TestDevices device) {
        return CLASSIFIER.classify(vendor, facts(device));
    }

    @Test
    void shouldTakeTheVendorsModelPatternFirst() {
        assertThat(classify(HIKVISION, device().model("DS-2DE4425IW-DE").scope("onvif://www.onvif.org/type/nvr")))
                .isEqualTo(Category.PTZ);
        assertThat(classify(HIKVISION, device().model("DS-7608NI-K2"))).isEqualTo(Category.NVR);
    }

    @Test
    void shouldFallBackToTheOnvifTypeScope() {
        assertThat(classify(HIKVISION, device().model("TV-IP320PI").scope("onvif://www.onvif.org/type/ptz")))
                .isEqualTo(Category.PTZ);
    }

    @Test
    void shouldFallBackToWordsInTheModelName() {
        assertThat(classify(DAHUA, device().model("Lorex 4K Turret"))).isEqualTo(Category.DOME);
        assertThat(classify(DAHUA, device().model("SD49225XA-HNR"))).isEqualTo(Category.PTZ);
    }

    @Test
    void shouldCallAnythingElseACamera() {
        assertThat(classify(HIKVISION, device().model("TV-IP320PI"))).isEqualTo(Category.CAMERA);
        assertThat(classify(HIKVISION, device())).isEqualTo(Category.CAMERA);
    }
}

package org.camaudit.cameralab.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Map<String, String> AXIS = Map.of("model", "AXIS M3106-L Mk II");

    @Test
    void shouldPublishTheWholeAxisProductNumberAsTheHardwareScope() {
        Template scope = Template.compile("GetScopes.xml",
                "<tt:ScopeItem>onvif://www.onvif.org/hardware/{{model|dropfirstword|uri}}</tt:ScopeItem>");

        assertThat(scope.render(AXIS::get))
                .isEqualTo("<tt:ScopeItem>onvif://www.onvif.org/hardware/M3106-L%20Mk%20II</tt:ScopeItem>");
    }

    @Test
    void shouldKeepFirstAndLastWords() {
        assertThat(Template.compile("param.txt", "{{model|firstword}}/{{model|lastword}}").render(AXIS::get))
                .isEqualTo("AXIS/II");
    }
}

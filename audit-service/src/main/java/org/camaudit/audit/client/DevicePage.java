package org.camaudit.audit.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of {@code GET /api/v1/devices}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DevicePage(List<Device> items, int page, int size, long total) {

    public List<Device> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}

package org.camaudit.cameralab.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed element: namespace, local name, text, attributes (by local name), children and the
 * namespace bindings in scope (to resolve QName values such as WS-Discovery Types).
 */
public final class XmlElement {

    private final String namespace;
    private final String localName;
    private final Map<String, String> attributes;
    private final Map<String, String> namespacesInScope;
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlElement(String namespace, String localName, Map<String, String> attributes,
            Map<String, String> namespacesInScope) {
        this.namespace = namespace;
        this.localName = localName;
        this.attributes = attributes;
        this.namespacesInScope = namespacesInScope;
    }

    public String namespace() {
        return namespace;
    }

    public String localName() {
        return localName;
    }

    public String text() {
        return text.toString().trim();
    }

    StringBuilder textBuffer() {
        return text;
    }

    public List<XmlElement> children() {
        return children;
    }

    public Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    /** The namespace a prefix is bound to here ({@code ""} for the default namespace). */
    public Optional<String> resolvePrefix(String prefix) {
        return Optional.ofNullable(namespacesInScope.get(prefix));
    }

    /** The first child with this local name, whatever its namespace. */
    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.localName.equals(localName)).findFirst();
    }

    /** Follows a path of local names. */
    public Optional<XmlElement> path(String... localNames) {
        Optional<XmlElement> current = Optional.of(this);
        for (String name : localNames) {
            current = current.flatMap(e -> e.child(name));
        }
        return current;
    }

    public Optional<XmlElement> firstChild() {
        return children.isEmpty() ? Optional.empty() : Optional.of(children.get(0));
    }
}

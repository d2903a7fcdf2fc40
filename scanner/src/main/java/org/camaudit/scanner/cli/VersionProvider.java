package org.camaudit.scanner.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import picocli.CommandLine.IVersionProvider;

/** The application version from the build, for {@code --version} and the inventory's scanner field. */
public class VersionProvider implements IVersionProvider {

    public static String version() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] { "camaudit scanner " + version() };
    }
}
